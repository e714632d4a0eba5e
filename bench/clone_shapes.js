'use strict';
// clone_shapes: structuredClone (encode + decode, one thread) of the value shapes
// the codec treats differently, so a change to one path shows up by itself. Runs
// under node and spindle alike; prints one JSON line: microseconds per clone,
// the best of 5 batches per shape. Each result is checked against the input.
const { record } = require('./records');
const shapes = {
  small_object: () => ({ i: 7, s: 'x' }),
  one_record: () => record(1),
  records_1000: () => Array.from({ length: 1000 }, (_, i) => record(i)),
  ints_3000: () => Array.from({ length: 3000 }, (_, i) => i),
  short_strings_3000: () => Array.from({ length: 3000 }, (_, i) => 'ab' + (i % 10)),
  strings_20_3000: () => Array.from({ length: 3000 }, (_, i) => 'abcdefghijklmnopqrs' + (i % 10)),
  latin1_100k: () => 'abcdefghij\u00e9'.repeat(9091),
  two_byte_100k: () => 'abc\u4e2d\u20acdefgh'.repeat(10000),
  array_100k: () => Array.from({ length: 100000 }, (_, i) => i),
  float64_100k: () => new Float64Array(100000).map((_, i) => i / 3),
  arrays_1000x100: () => Array.from({ length: 1000 }, (_, i) => Array.from({ length: 100 }, (_, j) => i + j)),
};
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const result = { bench: 'clone_shapes', unit: 'us per clone', better: 'lower' };
for (const [name, make] of Object.entries(shapes)) {
  const v = make();
  if (!same(structuredClone(v), v)) {
    console.log(JSON.stringify({ bench: 'clone_shapes', error: name + ' changed in a clone' }));
    process.exit(1);
  }
  // about 20 ms per batch, whatever the shape costs
  let n = 1, t0 = performance.now();
  while (performance.now() - t0 < 20) { structuredClone(v); n++; }
  let best = Infinity;
  for (let b = 0; b < 5; b++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) structuredClone(v);
    best = Math.min(best, (performance.now() - t) / n * 1000);
  }
  result[name] = Math.round(best * 100) / 100;
}
console.log(JSON.stringify(result));
