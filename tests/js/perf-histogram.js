// perf_hooks histograms: createHistogram() (an HDR histogram: every figure must be node's to
// the unit, so the values are fed from a fixed pseudo-random sequence over several ranges
// and precisions), record/recordDelta/add/reset, the BigInt getters, node's errors and
// shapes, and monitorEventLoopDelay() sampling a blocked loop.
'use strict';
const { createHistogram, monitorEventLoopDelay } = require('perf_hooks');
const util = require('util');

let seed = 12345;
function rand() { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 4294967296; }
function show(h) {
  return [h.count, h.min, h.max, h.mean, h.stddev, h.exceeds,
    h.percentile(0.001), h.percentile(25), h.percentile(50), h.percentile(99), h.percentile(100),
    [...h.percentiles].join(' ')].join(' | ');
}

// empty
const e = createHistogram();
console.log(show(e), e.minBigInt, e.countBigInt, JSON.stringify(e));
console.log(util.inspect(e));

// ranges and precisions; values spread over many magnitudes, some past the range
for (const [lowest, highest, figures] of [[1, Number.MAX_SAFE_INTEGER, 3], [1, 1e6, 1], [10, 1000, 2],
  [1000, 1e12, 4], [1, 3600e9, 3], [7, 2 ** 40, 5]]) {
  const h = createHistogram({ lowest, highest, figures });
  for (let i = 0; i < 3000; i++) {
    const v = Math.floor(Math.exp(rand() * 30)) + 1;
    if (v <= Number.MAX_SAFE_INTEGER) h.record(v);
  }
  h.record(BigInt(lowest));
  console.log(lowest, highest, figures, '=>', show(h));
  console.log('  bigint', h.minBigInt, h.maxBigInt, h.countBigInt, h.exceedsBigInt, h.percentileBigInt(90),
    [...h.percentilesBigInt].slice(0, 3).join(' '));
}

// add, reset, record edges
const a = createHistogram();
const b = createHistogram({ lowest: 10, highest: 1000, figures: 2 });
for (const v of [1, 2, 3, 100, 1000, 2047, 2048, 2049, 123456789, 9007199254740991]) a.record(v);
for (let i = 1; i < 2000; i += 7) b.record(i);
console.log(show(a));
console.log(show(b));
a.add(b);
console.log('added', show(a));
a.add(a);
console.log('self', a.count, a.exceeds, a.max);
a.reset();
console.log('reset', show(a));
const d = createHistogram();
d.recordDelta();
d.recordDelta();
console.log('delta', d.count, d.min > 0, d.exceeds);

// node's errors
function attempt(label, fn) {
  try { console.log(label, 'ok', fn()); } catch (err) { console.log(label, err.name, err.code, err.message); }
}
for (const bad of [0, -1, 1.5, '1', NaN, 2 ** 53, -1n, 0n, 2n ** 64n]) attempt(`record ${typeof bad}`, () => a.record(bad));
for (const o of [null, 1, { lowest: 0 }, { highest: 1 }, { figures: 6 }, { figures: 0 }, { lowest: 2, highest: 3 },
  { lowest: 1.5 }, { figures: '3' }]) attempt(`create ${util.inspect(o)}`, () => createHistogram(o).count);
for (const p of [0, -1, 101, NaN, '50', 100]) attempt(`percentile ${util.inspect(p)}`, () => a.percentile(p));
attempt('add', () => a.add({}));
attempt('getter this', () => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(a)), 'count').get.call({}));
attempt('new', () => new a.constructor());

// shapes
console.log(a.constructor.name, Object.getPrototypeOf(Object.getPrototypeOf(a)).constructor.name, Object.keys(a),
  Object.getOwnPropertyNames(Object.getPrototypeOf(a)),
  Object.getOwnPropertyNames(Object.getPrototypeOf(Object.getPrototypeOf(a))));

// the event-loop delay monitor: ticks every 5 ms; a 60 ms block shows up as a long delay
const m = monitorEventLoopDelay({ resolution: 5 });
console.log(m.constructor.name, typeof m.record, Object.getOwnPropertyNames(Object.getPrototypeOf(m)), m.count);
attempt('resolution 0', () => monitorEventLoopDelay({ resolution: 0 }));
attempt('resolution 1.5', () => monitorEventLoopDelay({ resolution: 1.5 }));
console.log('enable', m.enable(), m.enable());
setTimeout(() => { const t = Date.now(); while (Date.now() - t < 60); }, 30);
setTimeout(() => {
  console.log('disable', m.disable(), m.disable());
  console.log('samples', m.count >= 5, m.min > 0, m.max >= 50e6, m.exceeds, m.percentile(100) === m.max);
  const n = m.count;
  setTimeout(() => console.log('disabled: no more samples', m.count === n), 30);
}, 150);
