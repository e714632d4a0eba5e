// expect-exit: 1
// An uncaught AssertionError ends the process with exit code 1.
'use strict';
const assert = require('assert');
console.log('before');
assert.strictEqual(1, 2);
console.log('not reached');
