// Node's line breaking at 80 columns (compact: 3), checked across many widths and shapes.
const util = require('util');
const out = [];
// Objects whose entries total just under / over the break length, at several nesting levels.
for (let n = 1; n <= 12; n++) {
  const o = {};
  for (let i = 0; i < n; i++) o['key' + i] = 'v'.repeat(i + 1);
  out.push(util.inspect(o), util.inspect({ wrap: o }), util.inspect([[o]]));
}
for (let len = 60; len <= 80; len += 2) {
  out.push(util.inspect({ a: 'x'.repeat(len - 10), b: 1 }));
  out.push(util.inspect(['y'.repeat(len - 12), 'z']));
  out.push(util.inspect({ s: 'q'.repeat(len) }));
}
// Depth-of-nesting rule: up to compact levels go on one line.
out.push(util.inspect({ a: { b: { c: {} } } }), util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 9 }));
out.push(util.inspect([{ a: { b: 1 } }, 2]), util.inspect([[[[1]]], 2], { depth: 9 }));
out.push(util.inspect({ x: [{ a: 1, b: 2 }, { a: 3, b: 4 }], y: new Map([[1, { deep: { deeper: true } }]]) }));
// Arrays in columns: numbers right-aligned, strings left-aligned, mixed lengths.
for (const n of [7, 8, 15, 16, 26, 27, 50, 99, 100]) {
  out.push(util.inspect(Array.from({ length: n }, (_, i) => i * 7)));
  out.push(util.inspect(Array.from({ length: n }, (_, i) => 's' + i)));
  out.push(util.inspect({ inner: Array.from({ length: n }, (_, i) => i % 3 === 0 ? 'abc' : i) }));
}
out.push(util.inspect(Array.from({ length: 10 }, (_, i) => 'x'.repeat(i * 3))));
out.push(util.inspect(Array.from({ length: 10 }, (_, i) => ({ i }))));
out.push(util.inspect(Array.from({ length: 8 }, () => 'long string value number one')));
out.push(util.inspect({ a: 'multi\nline\nstring that is long enough to need breaking, yes it is!', b: 2 }));
out.push(util.inspect([new Map([['k', 'v'.repeat(70)]]), new Set(['s'.repeat(75)])]));
out.push(util.inspect({ fn() {}, cls: class LongClassNameForTesting {}, arrow: () => {}, other: 'value here ok' }));
console.log(out.join('\n'));
