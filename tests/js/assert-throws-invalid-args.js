// Invalid arguments to the assert API throw Node's ERR_* errors, not AssertionErrors.
'use strict';
const assert = require('assert');

function show(fn) {
  try { fn(); } catch (e) {
    console.log(`${e.name} ${e.code}: ${e.message}`);
    return;
  }
  throw new Error('expected a failure');
}
show(() => assert.throws('not a function'));
show(() => assert.throws(() => { throw new Error('e'); }, 5));
show(() => assert.throws(() => { throw new Error('e'); }, {}));
show(() => assert.throws(() => { throw new Error('e'); }, 'e'));
show(() => assert.throws(() => { throw 'x'; }, 'x'));
show(() => assert.throws(() => {}, 'a', 'b'));
show(() => assert.doesNotThrow(5));
show(() => assert.doesNotThrow(() => { throw new Error('e'); }, 5));
show(() => assert.match('a', 'a'));
show(() => assert.doesNotMatch('a', {}));
show(() => assert.deepStrictEqual(1));
show(() => assert.notDeepEqual());
show(() => assert.strictEqual());
show(() => new assert.AssertionError());
show(() => new assert.AssertionError('msg'));
