// assert.strict, require('assert/strict') and the node: prefix.
'use strict';
const assert = require('assert');
const strict = require('assert/strict');

console.log(strict === assert.strict, require('node:assert') === assert, require('node:assert/strict') === strict);
console.log(strict.strict === strict, typeof strict, strict.name);
console.log(strict.equal === assert.strictEqual, strict.deepEqual === assert.deepStrictEqual);
console.log(strict.notEqual === assert.notStrictEqual, strict.notDeepEqual === assert.notDeepStrictEqual);
console.log(strict.AssertionError === assert.AssertionError, strict.throws === assert.throws);
console.log(assert.ok.name, assert.name, assert.equal.name, strict.equal.name);
console.log(Object.keys(assert).join(','));
console.log(Object.keys(strict).join(','));

// The strict variant uses strict comparisons under the short names.
assert.equal(1, '1');
assert.throws(() => strict.equal(1, '1'), { code: 'ERR_ASSERTION', operator: 'strictEqual' });
assert.deepEqual({ a: 1 }, { a: '1' });
assert.throws(() => strict.deepEqual({ a: 1 }, { a: '1' }), { operator: 'deepStrictEqual' });
strict.notEqual(1, '1');
strict.notDeepEqual({ a: 1 }, { a: '1' });
strict(true);
try {
  strict(0);
} catch (e) {
  console.log(JSON.stringify(e.message));
}
