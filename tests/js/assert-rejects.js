// assert.rejects / doesNotReject with promises and promise-returning functions.
'use strict';
const assert = require('assert');

function show(e) {
  console.log(`${e.name} ${e.code} ${e.operator}: ${e.message}`);
}

(async () => {
  await assert.rejects(Promise.reject(new TypeError('no')), TypeError);
  await assert.rejects(async () => { throw new RangeError('r'); }, { name: 'RangeError', message: 'r' });
  await assert.rejects(() => Promise.reject(new Error('m')), /m/);
  await assert.doesNotReject(Promise.resolve(1));
  await assert.doesNotReject(async () => 2);

  const r = assert.rejects(Promise.reject(new Error('x')));
  console.log(r instanceof Promise);
  await r;

  await assert.rejects(Promise.resolve('ok')).catch(show);
  await assert.rejects(async () => {}, TypeError, 'should reject').catch(show);
  await assert.rejects(Promise.reject(new TypeError('a')), RangeError).catch(show);
  await assert.doesNotReject(Promise.reject(new Error('boom'))).catch(show);
  await assert.doesNotReject(() => Promise.reject(new Error('boom')), 'with message').catch(show);
  await assert.doesNotReject(Promise.reject(new TypeError('t')), RangeError).catch(show);
  // Invalid inputs reject (not throw synchronously).
  const p = assert.rejects(5);
  console.log(p instanceof Promise);
  await p.catch(show);
  await assert.rejects(() => 5).catch(show);
  await assert.doesNotReject(() => 'x').catch(show);
  // A thenable with then+catch counts as a promise.
  await assert.rejects({ then(_, rej) { rej(new Error('thenable')); }, catch() {} }, /thenable/);
  console.log('done');
})();
