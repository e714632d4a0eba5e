// assert.equal / notEqual use ==, with NaN equal to NaN; failures say `a == b` / `a != b`.
'use strict';
const assert = require('assert');

assert.equal(1, '1');
assert.equal(null, undefined);
assert.equal(NaN, NaN);
assert.equal(0, -0);
assert.equal(true, 1);
const o = {};
assert.equal(o, o);
assert.notEqual(1, 2);
assert.notEqual({}, {});
assert.notEqual(NaN, 1);
assert.notEqual('NaN', NaN);

function show(fn) {
  try { fn(); } catch (e) {
    console.log(`${e.name} ${e.code} ${e.operator} ${e.generatedMessage} ${JSON.stringify(e.message)}`);
    return;
  }
  throw new Error('expected a failure');
}
show(() => assert.equal(1, 2));
show(() => assert.equal('a', 'b'));
show(() => assert.equal({ a: 1 }, { a: 1 }));
show(() => assert.equal(NaN, 'x'));
show(() => assert.notEqual(1, '1'));
show(() => assert.notEqual(NaN, NaN));
show(() => assert.equal(1, 2, 'custom'));
show(() => assert.equal());
show(() => assert.notEqual(1));
