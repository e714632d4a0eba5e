'use strict';
// process.nextTick queue and unhandled-rejection tracking. C calls
// processTicksAndRejections after every macrotask while tickInfo says there is
// work; promise jobs run when C releases the engine lock right after.

const tickInfo = binding.tickInfo;
const kHasTick = 0;
const kHasRejection = 1;

let queue = [];
let head = 0;

function nextTick(callback, args) {
  if (process._exiting) return;
  queue.push(callback, args);
  tickInfo[kHasTick] = 1;
}

function runTicks() {
  while (head < queue.length) {
    const cb = queue[head];
    const args = queue[head + 1];
    queue[head] = queue[head + 1] = undefined;
    head += 2;
    if (head === queue.length) { queue = []; head = 0; }
    if (args.length === 0) cb();
    else cb(...args);
  }
  queue = [];
  head = 0;
  tickInfo[kHasTick] = 0;
}

const pendingRejections = [];

function onUnhandledRejection(promise, reason) {
  pendingRejections.push(promise, reason);
  tickInfo[kHasRejection] = 1;
}

function processRejections() {
  while (pendingRejections.length > 0) {
    const promise = pendingRejections.shift();
    const reason = pendingRejections.shift();
    if (pendingRejections.length === 0) tickInfo[kHasRejection] = 0;
    if (process.listenerCount('unhandledRejection') > 0) {
      process.emit('unhandledRejection', reason, promise);
      continue;
    }
    // As node: a reason that looks like an error (an object with its own stack) is thrown
    // as it is; anything else inside an UnhandledPromiseRejection naming it as V8 would
    // without running its code (internal/error_messages). code and name are its own
    // enumerable properties, as node's.
    let err = reason;
    if (reason === null || typeof reason !== 'object' || !Object.prototype.hasOwnProperty.call(reason, 'stack')) {
      const { codes } = require('internal/errors');
      const message = new codes.ERR_UNHANDLED_REJECTION(reason).message;
      err = new Error(message);
      err.code = 'ERR_UNHANDLED_REJECTION';
      err.name = 'UnhandledPromiseRejection';
      Error.captureStackTrace(err, processRejections); // header from name + message
    }
    require('internal/process/execution').noteRejection(err);
    throw err; // becomes an uncaught exception, as node's default --unhandled-rejections=throw
  }
  tickInfo[kHasRejection] = 0;
}

function processTicksAndRejections() {
  if (tickInfo[kHasTick]) runTicks();
  if (tickInfo[kHasRejection]) processRejections();
}

function queueMicrotask(callback) {
  require('internal/errors').validateFunction(callback, 'callback');
  Promise.resolve().then(() => {
    try { callback(); } catch (e) { require('internal/process/execution').reportMicrotaskError(e); }
  });
}

module.exports = { nextTick, processTicksAndRejections, onUnhandledRejection, queueMicrotask };
