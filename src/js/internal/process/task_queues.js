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
let lastRejectionId = 0;

function onUnhandledRejection(promise, reason) {
  pendingRejections.push(promise, reason, ++lastRejectionId);
  tickInfo[kHasRejection] = 1;
}

// --unhandled-rejections=MODE (internal/process/exec_options sets it from the thread's
// options), as node: 'throw' (the default), 'strict', 'warn', 'none', 'warn-with-error-code'.
let rejectionsMode = 'throw';
function setUnhandledRejectionsMode(mode) { rejectionsMode = mode; }

// As node, a reason looks like an error when it is an object with its own stack
function looksLikeError(reason) {
  return reason !== null && typeof reason === 'object' && Object.prototype.hasOwnProperty.call(reason, 'stack');
}

// As node: a reason that looks like an error is thrown as it is; anything else inside an
// UnhandledPromiseRejection naming it as V8 would without running its code
// (internal/error_messages). code and name are its own enumerable properties, as node's.
function rejectionError(reason) {
  if (looksLikeError(reason)) return reason;
  const { codes } = require('internal/errors');
  const err = new Error(new codes.ERR_UNHANDLED_REJECTION(reason).message);
  err.code = 'ERR_UNHANDLED_REJECTION';
  err.name = 'UnhandledPromiseRejection';
  Error.captureStackTrace(err, processRejections); // header from name + message
  return err;
}

// node's two warnings: the reason (its stack, or its string form), then what happened
function warnUnhandledRejection(reason, id) {
  const name = 'UnhandledPromiseRejectionWarning';
  try {
    process.emitWarning(looksLikeError(reason) ? require('internal/errors').v8Stack(reason)
      : require('internal/error_messages').noSideEffectsToString(reason), name);
  } catch { /* a reason whose stack throws: the note still goes */ }
  const note = new Error('Unhandled promise rejection. This error originated either by throwing inside of an ' +
    'async function without a catch block, or by rejecting a promise which was not handled with .catch(). ' +
    'To terminate the node process on unhandled promise rejection, use the CLI flag ' +
    '`--unhandled-rejections=strict` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${id})`);
  note.name = name;
  note.stack = `${name}: ${note.message}`;
  process.emitWarning(note);
}

function processRejections() {
  while (pendingRejections.length > 0) {
    const promise = pendingRejections.shift();
    const reason = pendingRejections.shift();
    const id = pendingRejections.shift();
    if (pendingRejections.length === 0) tickInfo[kHasRejection] = 0;
    switch (rejectionsMode) {
      case 'strict': { // an uncaught exception first; if a handler took it, the event
        const execution = require('internal/process/execution');
        const err = rejectionError(reason);
        execution.noteRejection(err);
        execution.onUncaughtException(err);
        if (!process.emit('unhandledRejection', reason, promise)) warnUnhandledRejection(reason, id);
        break;
      }
      case 'warn':
        process.emit('unhandledRejection', reason, promise);
        warnUnhandledRejection(reason, id);
        break;
      case 'none':
        process.emit('unhandledRejection', reason, promise);
        break;
      case 'warn-with-error-code':
        if (!process.emit('unhandledRejection', reason, promise)) {
          warnUnhandledRejection(reason, id);
          process.exitCode = 1;
        }
        break;
      default: { // 'throw'
        if (process.listenerCount('unhandledRejection') > 0) {
          process.emit('unhandledRejection', reason, promise);
          continue;
        }
        const err = rejectionError(reason);
        require('internal/process/execution').noteRejection(err);
        throw err; // becomes an uncaught exception
      }
    }
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

module.exports = { nextTick, processTicksAndRejections, onUnhandledRejection, queueMicrotask, setUnhandledRejectionsMode };
