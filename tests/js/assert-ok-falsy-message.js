// assert()/assert.ok() on falsy values: Node's message shows the failing call's source text.
'use strict';
const assert = require('assert');

function message(fn) {
  try {
    fn();
  } catch (e) {
    if (e.code !== 'ERR_ASSERTION') throw e;
    console.log(JSON.stringify(e.message), e.generatedMessage, e.operator, e.actual, e.expected);
    return;
  }
  throw new Error('did not throw');
}

// Calls are statements, not arrow bodies: strict-mode tail calls drop the caller's
// frame under JavaScriptCore (no source to show), unlike V8.
const a = 1, b = 2;
message(() => { assert(false); });
message(() => { assert.ok(a === b); });
message(() => { assert(typeof a === 'string' && [1, 2].includes(b)); });
message(() => {
  assert(a ===
      b);
});
message(() => { assert(null, undefined); });
message(() => { assert(0, 'custom message'); });
message(() => { assert.ok(''); });
message(() => { assert.ok(); });
message(() => { assert(); });
message(() => { const { ok } = assert; ok(NaN); });
message(() => { assert.ok.call(null, 0); });
message(() => { assert(")" === '(' /* comment ) */); });
message(() => { assert(`t${a}` === 'x'); });
message(() => { new Function('assert', 'assert(false)')(assert); });

// Truthy values pass and return undefined.
for (const v of [1, 'x', {}, [], -1, Symbol('s'), 1n, () => {}]) {
  assert.strictEqual(assert(v), undefined);
  assert.strictEqual(assert.ok(v), undefined);
}

// An Error as the message is thrown as is.
const own = new TypeError('mine');
assert.throws(() => assert(false, own), (e) => e === own);
