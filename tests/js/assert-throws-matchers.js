// assert.throws with class, RegExp, validation function and object matchers.
'use strict';
const assert = require('assert');

class MyError extends Error {
  constructor(msg) { super(msg); this.name = 'MyError'; this.code = 'E_MINE'; this.info = { depth: { n: 1 } }; }
}
const thrower = (err) => () => { throw err; };

// Passing matchers.
assert.throws(thrower(new TypeError('bad')));
assert.throws(thrower(new TypeError('bad')), TypeError);
assert.throws(thrower(new TypeError('bad')), Error);
assert.throws(thrower(new TypeError('bad')), /^TypeError: bad$/);
assert.throws(thrower(new TypeError('bad')), (e) => e instanceof TypeError && e.message === 'bad');
assert.throws(thrower(new TypeError('bad')), { name: 'TypeError', message: 'bad' });
assert.throws(thrower(new TypeError('bad')), { message: /ba/ });
assert.throws(thrower(new MyError('x')), { code: 'E_MINE', info: { depth: { n: 1 } } });
assert.throws(thrower(new MyError('x')), new MyError('x'));
assert.throws(thrower('a string'), /string/);
assert.throws(thrower({ code: 42 }), { code: 42 });
assert.throws(thrower(new TypeError('bad')), TypeError, 'message is only used on failure');

function show(fn) {
  try { fn(); } catch (e) {
    console.log(e.name, e.code, e.operator, e.generatedMessage);
    console.log(e.message);
    return e;
  }
  throw new Error('expected a failure');
}
show(() => assert.throws(() => {}));
show(() => assert.throws(() => {}, TypeError));
show(() => assert.throws(() => {}, TypeError, 'wanted a throw'));
show(() => assert.throws(() => {}, 'wanted a throw'));
show(() => assert.throws(thrower(new TypeError('x')), RangeError));
show(() => assert.throws(thrower(new MyError('x')), TypeError));
show(() => assert.throws(thrower('str'), TypeError));
show(() => assert.throws(thrower(new TypeError('x')), /nope/));
show(() => assert.throws(thrower(new TypeError('x')), () => false));
show(() => assert.throws(thrower(new TypeError('x')), function validate() { return 'yes'; }));
show(() => assert.throws(thrower(new TypeError('x')), { message: 'y', name: 'TypeError' }));
show(() => assert.throws(thrower(new MyError('x')), { info: { depth: { n: 2 } } }));
show(() => assert.throws(thrower(new MyError('x')), { missing: true }));
show(() => assert.throws(thrower(5), { a: 1 }));
show(() => assert.throws(thrower(new TypeError('x')), { message: 'y' }, 'custom'));
show(() => assert.throws(thrower(new MyError('x')), new MyError('y')));
const e = show(() => assert.throws(thrower(new TypeError('x')), { message: 'z' }));
console.log(e.actual instanceof TypeError, e.expected.message);

// A matcher that throws propagates its own error.
const own = new Error('from validator');
assert.throws(() => assert.throws(thrower(1), () => { throw own; }), (err) => err === own);
