// As node: random programs of Atomics in one thread (waitAsync with and without timeouts on
// three cells and a BigInt64 cell, notify with every kind of count, store/add, a zero-timeout
// wait, the calls V8 refuses) log the same results, and the waitAsync promises settle in the
// order notify woke them (spindle settled the newest first). Seeded: the same program in
// both runtimes; timeouts are 0 or far away, so nothing depends on timing.
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const sab = new SharedArrayBuffer(16);
const i32 = new Int32Array(sab);
const b64 = new BigInt64Array(new SharedArrayBuffer(16));
const log = (...a) => console.log(...a);
let id = 0;
const pending = [];
const ops = [
  () => { const k = id++; const idx = pick([0, 1, 2]); const v = pick([0, 1]); const t = pick([undefined, 0, 1e9, -1, NaN]);
    try { const r = Atomics.waitAsync(i32, idx, v, t); log('waitAsync', k, idx, v, t, 'async', r.async, typeof r.value === 'string' ? r.value : 'promise');
      if (r.async) { pending.push(k); r.value.then((x) => log('resolved', k, x)); } } catch (e) { log('waitAsync', k, 'throws', e.name); } },
  () => { const idx = pick([0, 1, 2]); const c = pick([undefined, 0, 1, 2, Infinity, -1]); log('notify', idx, c, Atomics.notify(i32, idx, c)); },
  () => { const idx = pick([0, 1, 2]); log('store', idx, Atomics.store(i32, idx, pick([0, 1]))); },
  () => { log('add', Atomics.add(i32, pick([0, 1]), 1)); },
  () => { try { log('wait main', Atomics.wait(i32, 0, pick([0, 1, 5]), 0)); } catch (e) { log('wait throws', e.name); } },
  () => { try { const r = Atomics.waitAsync(b64, 0, pick([0n, 1n]), 0); log('waitAsync64', r.async, r.value); } catch (e) { log('waitAsync64 throws', e.name); } },
  () => { try { log('notify non-shared', Atomics.notify(new Int32Array(4), 0, 1)); } catch (e) { log('notify non-shared throws', e.name); } },
  () => { try { Atomics.waitAsync(new Int32Array(4), 0, 0); log('waitAsync non-shared ok'); } catch (e) { log('waitAsync non-shared throws', e.name); } },
  () => { try { Atomics.waitAsync(new Uint8Array(sab), 0, 0); log('waitAsync u8 ok'); } catch (e) { log('waitAsync u8 throws', e.name); } },
  () => { try { Atomics.waitAsync(i32, 99, 0); log('waitAsync oob ok'); } catch (e) { log('waitAsync oob throws', e.name); } },
  () => { Promise.resolve().then(() => { log('job'); step(1); }); },
  () => { setImmediate(() => { log('immediate'); step(2); }); },
];
let budget = 0;
function step(k) { for (let i = 0; i < k && budget > 0; i++) { budget--; pick(ops)(); } }
function afterTurns(n, fn) { if (n === 0) fn(); else setImmediate(() => afterTurns(n - 1, fn)); }
function run(s) {
  seed = s; budget = 50; i32.fill(0);
  log('seed', s);
  step(15);
  // the end comes after a count of loop turns, not a time: the same under a slow sanitizer
  return new Promise((resolve) => afterTurns(12, () => {
    log('end', Atomics.notify(i32, 0), Atomics.notify(i32, 1), Atomics.notify(i32, 2));
    afterTurns(4, resolve);
  }));
}
(async () => { for (let s = 1; s <= 25; s++) await run(s); })();
