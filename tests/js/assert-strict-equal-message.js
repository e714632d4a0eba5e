// strictEqual / notStrictEqual: Object.is semantics, error properties and Node's messages.
'use strict';
const assert = require('assert');

assert.strictEqual(NaN, NaN);
assert.notStrictEqual(0, -0);
assert.notStrictEqual(1, '1');

let err;
try { assert.strictEqual(1, 2); } catch (e) { err = e; }
assert.ok(err instanceof assert.AssertionError);
assert.ok(err instanceof Error);
console.log(err.name, err.code, err.operator, err.actual, err.expected, err.generatedMessage);
console.log(String(err));
console.log(err.stack.split('\n')[0]);
console.log(Object.keys(err).join(','));

function show(fn) {
  try { fn(); } catch (e) {
    console.log(JSON.stringify(e.message), e.generatedMessage);
    return;
  }
  throw new Error('expected a failure');
}
show(() => assert.strictEqual(1, '1'));
show(() => assert.strictEqual(0, -0));
show(() => assert.strictEqual('hello world foo', 'hello world bar'));
show(() => assert.strictEqual('a', 'b'));
show(() => assert.strictEqual(null, undefined));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.strictEqual([1, 2], [1, 3]));
show(() => assert.strictEqual(1, 2, 'custom'));
show(() => assert.strictEqual(1, 2, ''));
show(() => assert.strictEqual('x'.repeat(20), 'y'.repeat(20), 'custom'));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.notStrictEqual('abcdef', 'abcdef'));
const o = { a: [1, 2] };
show(() => assert.notStrictEqual(o, o));
show(() => assert.notStrictEqual(1, 1, 'custom'));
show(() => assert.strictEqual(1));

const own = new RangeError('mine');
assert.throws(() => assert.strictEqual(1, 2, own), (e) => e === own);
