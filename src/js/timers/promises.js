'use strict';
// timers/promises: promise and async-iterator forms of the timers, with
// `signal` (abort rejects with an AbortError whose cause is the signal's reason)
// and `ref: false` (the timer does not keep the process alive). Invalid
// arguments reject rather than throw, as in Node.

const timers = require('timers');
const {
  AbortError, validateNumber, validateObject, validateBoolean, validateAbortSignal,
} = require('internal/errors');

function abortError(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

// Runs `start(resolve)` (which returns the timer) unless aborted; wires up abort.
function schedule(options, start, clear) {
  let signal, ref;
  try {
    ({ signal, ref } = checkOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const timer = start((value) => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref) timer.unref();
    if (signal) {
      onAbort = () => {
        clear(timer);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(delay, value, options = {}) {
  try {
    if (delay !== undefined) validateNumber(delay, 'delay');
  } catch (err) {
    return Promise.reject(err);
  }
  return schedule(options, (done) => timers.setTimeout(done, delay, value), timers.clearTimeout);
}

function setImmediate(value, options = {}) {
  return schedule(options, (done) => timers.setImmediate(done, value), timers.clearImmediate);
}

async function* setInterval(delay, value, options = {}) {
  validateObject(options, 'options');
  if (delay !== undefined) validateNumber(delay, 'delay');
  const { signal, ref } = checkOptions(options);
  if (signal?.aborted) throw abortError(signal);
  let pending = 0;       // ticks not yet yielded
  let wake = null;       // resolves the wait of a next() call
  let aborted = false;
  const interval = timers.setInterval(() => {
    pending++;
    if (wake) { const w = wake; wake = null; w(); }
  }, delay);
  if (!ref) interval.unref();
  let onAbort;
  if (signal) {
    onAbort = () => {
      aborted = true;
      timers.clearInterval(interval);
      if (wake) { const w = wake; wake = null; w(); }
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }
  try {
    for (;;) {
      if (pending === 0 && !aborted) await new Promise((resolve) => { wake = resolve; });
      if (aborted) throw abortError(signal);
      for (; pending > 0; pending--) {
        yield value;
        if (aborted) throw abortError(signal);
      }
    }
  } finally {
    timers.clearInterval(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

class Scheduler {
  yield() { return setImmediate(); }
  wait(delay, options) { return setTimeout(delay, undefined, options); }
}

module.exports = { setTimeout, setImmediate, setInterval, scheduler: new Scheduler() };
