// assert.fail (one and several arguments, DEP0094 warning) and assert.ifError.
'use strict';
const assert = require('assert');

const warnings = [];
process.on('warning', (w) => warnings.push(`${w.name} ${w.code}: ${w.message}`));

const brief = (v) => (v instanceof Error ? `[${v.name}: ${v.message}]` : v);
function show(fn) {
  try { fn(); } catch (e) {
    console.log(`${e.name} ${e.code} ${e.operator} ${e.generatedMessage}: ${JSON.stringify(e.message)}`, brief(e.actual), brief(e.expected));
    return e;
  }
  throw new Error('expected a failure');
}
show(() => assert.fail());
show(() => assert.fail('boom'));
show(() => assert.fail(undefined));
show(() => assert.fail(1, 2));
show(() => assert.fail(1, 2, undefined, '>'));
show(() => assert.fail(1, 2, 'with message'));
const own = new TypeError('own');
console.log(show(() => assert.fail(own)) === own);

assert.ifError(null);
assert.ifError(undefined);
const orig = new Error('original problem');
const e = show(() => assert.ifError(orig));
console.log(e.actual === orig, e.expected);
show(() => assert.ifError('a string'));
show(() => assert.ifError(0));
show(() => assert.ifError(false));
show(() => assert.ifError(new TypeError('')));
show(() => assert.ifError({ message: 'obj' }));
// The new stack carries the original error's frames.
console.log(e.stack.startsWith('AssertionError [ERR_ASSERTION]: ifError got unwanted exception: original problem\n'));

setImmediate(() => console.log(warnings.join('\n')));
