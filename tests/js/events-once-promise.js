// events.once(): resolves with the argument array, rejects on 'error', honours AbortSignal.
'use strict';
const assert = require('assert');
const EventEmitter = require('events');
const { once } = EventEmitter;

(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('ready', 1, 'two'));
  const args = await once(ee, 'ready');
  console.log(args);
  console.log(ee.listenerCount('ready'), ee.listenerCount('error'));

  process.nextTick(() => ee.emit('error', new Error('failed')));
  await once(ee, 'ready').then(() => console.log('unexpected'), (e) => console.log('rejected', e.message));
  console.log(ee.listenerCount('ready'), ee.listenerCount('error'));

  // Waiting for 'error' itself resolves with the error.
  process.nextTick(() => ee.emit('error', new Error('as value')));
  const [err] = await once(ee, 'error');
  console.log('error value', err.message);

  // Invalid signal option.
  // Invalid signal option: the promise rejects (no synchronous throw).
  const bad = once(ee, 'x', { signal: 1 });
  console.log(bad instanceof Promise);
  await bad.catch((e) => console.log(e.code, e.message));

  if (typeof AbortController === 'function') {
    const ac = new AbortController();
    const p = once(ee, 'never', { signal: ac.signal });
    ac.abort();
    await assert.rejects(p, { name: 'AbortError', code: 'ABORT_ERR' });
    assert.strictEqual(ee.listenerCount('never'), 0);
    await assert.rejects(once(ee, 'never', { signal: AbortSignal.abort() }), { name: 'AbortError' });
  }
  console.log('done');
})();
