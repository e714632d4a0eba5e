// As node: random programs of BroadcastChannels in one thread (two names; channels made,
// posted to, closed, ref'd and unref'd, read with receiveMessageOnPort, some listeners
// replying or closing their channel; next ticks, promise jobs and immediates between) log
// the same events in the same order. Seeded: the same program in both runtimes.
const { BroadcastChannel, receiveMessageOnPort } = require('worker_threads');
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
let chans = [];
let n = 0;
const log = (...a) => console.log(...a);
function make() {
  const name = pick(['a', 'b']);
  const c = new BroadcastChannel(name); c.id = n++;
  chans.push(c);
  const style = pick(['onmessage', 'ael', 'none', 'none']);
  if (style === 'onmessage') c.onmessage = (e) => { log(`c${c.id}(${name}) got`, JSON.stringify(e.data), e.constructor.name); maybeReact(c, e.data); };
  if (style === 'ael') c.addEventListener('message', (e) => { log(`c${c.id}(${name}) ael`, JSON.stringify(e.data)); maybeReact(c, e.data); });
  log('make', c.id, name, style);
}
function maybeReact(c, data) {
  if (typeof data === 'number' && data < 3 && rnd() < 0.5) { const m = data + 1; log(`c${c.id} replies`, m); c.postMessage(m); }
  if (rnd() < 0.1) { log(`c${c.id} closes itself`); c.close(); }
}
const ops = [
  make, make,
  () => { const c = pick(chans); if (!c) return; const m = pick([0, 'x', { k: 1 }, [1, 2]]); try { c.postMessage(m); log('post', c.id, JSON.stringify(m)); } catch (e) { log('post', c.id, 'throws', e.name, e.code); } },
  () => { const c = pick(chans); if (!c) return; c.close(); log('close', c.id); },
  () => { const c = pick(chans); if (!c) return; c.unref(); log('unref', c.id); },
  () => { const c = pick(chans); if (!c) return; c.ref(); log('ref', c.id); },
  () => { const c = pick(chans); if (!c) return; try { const r = receiveMessageOnPort(c); log('receive', c.id, JSON.stringify(r)); } catch (e) { log('receive', c.id, 'throws', e.name, e.code); } },
  () => { process.nextTick(() => { log('tick'); step(2); }); },
  () => { setImmediate(() => { log('immediate'); step(2); }); },
  () => { Promise.resolve().then(() => { log('job'); step(1); }); },
];
let budget = 0;
function step(k) { for (let i = 0; i < k && budget > 0; i++) { budget--; pick(ops)(); } }
function afterTurns(n, fn) { if (n === 0) fn(); else setImmediate(() => afterTurns(n - 1, fn)); }
function run(s) {
  seed = s; chans = []; n = 0; budget = 80;
  log('seed', s);
  step(12);
  // the end comes after a count of loop turns, not a time: the same under a slow sanitizer
  return new Promise((resolve) => afterTurns(12, () => { log('end'); for (const c of chans) c.close(); afterTurns(4, resolve); }));
}
(async () => { for (let s = 1; s <= 20; s++) await run(s); })();
