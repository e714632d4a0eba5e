// assert.match / doesNotMatch.
'use strict';
const assert = require('assert');

assert.match('I will pass', /pass/);
assert.doesNotMatch('I will pass', /fail/);
const g = /a/g;
assert.match('a', g);

function show(fn) {
  try { fn(); } catch (e) {
    console.log(`${e.name} ${e.code} ${e.operator} ${e.generatedMessage}: ${JSON.stringify(e.message)}`);
    return e;
  }
  throw new Error('expected a failure');
}
const e = show(() => assert.match('I will fail', /pass/));
console.log(e.actual, e.expected instanceof RegExp);
show(() => assert.doesNotMatch('I will fail', /fail/));
show(() => assert.match(123, /1/));
show(() => assert.doesNotMatch(null, /1/));
show(() => assert.match('abc', /x/, 'custom'));
show(() => assert.match('x'.repeat(3), /y/));
const own = new RangeError('own');
try { assert.match('a', /b/, own); } catch (err) { console.log(err === own); }
