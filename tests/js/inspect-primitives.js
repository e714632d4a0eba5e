// util.inspect of primitives: quoting, escapes, numbers, bigint, symbols.
const { inspect } = require('util');
const show = (v, o) => console.log(inspect(v, o));
for (const s of ['plain', "it's", 'say "hi"', "it's \"both\"", "it's \"all\" `three`", "it's \"x\" ${y}",
  'tab\there', 'new\nline', 'nul\x00', 'del\x7f', 'c1\x85', 'esc\x1b[0m', 'back\\slash', '\b\f\r\v',
  'lone \ud800 surrogate', 'low \udc00 first', 'pair 😀 ok', '', 'ünïcödé']) show(s);
show('x'.repeat(120));
show("it's".repeat(40));
for (const n of [0, -0, 1, -1.5, 0.1 + 0.2, 1e21, 1e-7, NaN, Infinity, -Infinity, 2 ** 53, 123456789.125]) show(n);
for (const b of [0n, 1n, -5n, 2n ** 70n]) show(b);
show(Symbol('desc')); show(Symbol()); show(Symbol.iterator); show(Symbol.for('registered'));
show(true); show(false); show(undefined); show(null);
console.log(inspect(1234567.891, { numericSeparator: true }), inspect(-1234567, { numericSeparator: true }),
  inspect(123456789n, { numericSeparator: true }), inspect(0.0001234, { numericSeparator: true }),
  inspect(1e21, { numericSeparator: true }), inspect(NaN, { numericSeparator: true }), inspect(1234.5678, { numericSeparator: true }));
show('a'.repeat(30), { maxStringLength: 10 });
show('ab', { maxStringLength: 1 });
show('abc', { maxStringLength: 0 });
