// assert.doesNotThrow: passes through non-matching errors, fails with "Got unwanted exception".
'use strict';
const assert = require('assert');

assert.doesNotThrow(() => 1);
assert.doesNotThrow(() => {}, 'message only used on failure');

function show(fn) {
  try { fn(); } catch (e) {
    console.log(`${e.name} ${e.code} ${e.operator} ${e.generatedMessage}: ${JSON.stringify(e.message)}`);
    return e;
  }
  throw new Error('expected a failure');
}
const boom = new TypeError('boom');
let e = show(() => assert.doesNotThrow(() => { throw boom; }));
console.log(e.actual === boom, e.expected);
show(() => assert.doesNotThrow(() => { throw boom; }, 'custom'));
show(() => assert.doesNotThrow(() => { throw boom; }, TypeError));
show(() => assert.doesNotThrow(() => { throw boom; }, /boom/, 'regexp'));
show(() => assert.doesNotThrow(() => { throw boom; }, (err) => err === boom));
// A non-matching class or RegExp rethrows the original error.
e = show(() => assert.doesNotThrow(() => { throw boom; }, RangeError));
console.log(e === boom);
e = show(() => assert.doesNotThrow(() => { throw boom; }, /other/));
console.log(e === boom);
