// Atomics.wait results and timeouts: not-equal, timed-out (0, fractions, NaN handled as the spec says).
const assert = require('assert');
const ia = new Int32Array(new SharedArrayBuffer(8));
console.log(Atomics.wait(ia, 0, 1), Atomics.wait(ia, 0, 0, 0), Atomics.wait(ia, 0, 0, -5), Atomics.wait(ia, 0, 0, 0.5));
const t0 = Date.now();
console.log(Atomics.wait(ia, 1, 0, 50));
const took = Date.now() - t0;
assert.ok(took >= 45 && took < 1000, `waited ${took} ms`);
const big = new BigInt64Array(new SharedArrayBuffer(16));
console.log(Atomics.wait(big, 0, 1n), Atomics.wait(big, 0, 0n, 1));
assert.throws(() => Atomics.wait(big, 0, 0), TypeError); // a Number is not a BigInt
console.log('notify nobody', Atomics.notify(ia, 0), Atomics.notify(ia, 0, 0));
