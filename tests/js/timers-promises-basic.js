// timers/promises: values, abort signals, validation, intervals, ref: false.
'use strict';
const tp = require('timers/promises');
console.log(Object.keys(tp), require('timers').promises === tp);
(async () => {
  console.log(await tp.setTimeout(5, 'v'), await tp.setImmediate('i'), await tp.setTimeout());
  const ac = new AbortController();
  const p = tp.setTimeout(1000, 'x', { signal: ac.signal });
  ac.abort();
  try { await p; } catch (e) { console.log(e.name, e.code, e.message, e.cause.name, e instanceof Error, Object.keys(e)); }
  try { await tp.setTimeout(1, 'x', { signal: AbortSignal.abort('r') }); } catch (e) { console.log(e.name, e.cause); }
  const ac2 = new AbortController();
  const p2 = tp.setImmediate('y', { signal: ac2.signal });
  ac2.abort('stop');
  try { await p2; } catch (e) { console.log('immediate', e.name, e.cause); }
  for (const bad of [() => tp.setTimeout(1, 'x', 5), () => tp.setTimeout(1, 'x', { ref: 1 }), () => tp.setTimeout('a'),
    () => tp.setImmediate('x', { signal: 1 })]) {
    const promise = bad();
    console.log(promise instanceof Promise);
    try { await promise; } catch (e) { console.log(e.code, e.message); }
  }
  let n = 0;
  for await (const v of tp.setInterval(2, 'iv')) {
    console.log(v, n);
    if (++n === 3) break;
  }
  const ac3 = new AbortController();
  const it = tp.setInterval(2, 'q', { signal: ac3.signal });
  console.log(await it.next());
  ac3.abort();
  try { await it.next(); } catch (e) { console.log('interval abort', e.name); }
  console.log(await tp.scheduler.wait(2), await tp.scheduler.yield());
  // Not ref'd: the process exits without waiting for it.
  tp.setTimeout(100000, 'never', { ref: false }).then(() => console.log('must not run'));
  console.log('done');
})();
