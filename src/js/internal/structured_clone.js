'use strict';
// The global structuredClone(value, { transfer }) and markAsUntransferable:
// argument checks here (node's codes and texts), the algorithm in C
// (src/jsc/clone.c, the same code postMessage uses).

const native = binding('clone');
const { makeNodeError } = require('internal/errors');

// Without a transfer list the codec runs from here and C only takes the bytes (as for
// postMessage, see internal/worker/io.js); -1: inside another clone (a getter cloning).
let writeDirect = null;

function structuredClone(value, options) {
  if (arguments.length === 0) {
    // node 20 prints this one without quotes around the name
    throw makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The value argument must be specified');
  }
  if (options === undefined || options === null) {
    if (writeDirect === null) writeDirect = native.directWriter();
    const n = writeDirect(value);
    return n >= 0 ? native.cloneStaged() : native.structuredClone(value, undefined);
  }
  if (typeof options !== 'object' && typeof options !== 'function') { // node: a function is an object here
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      'The options argument must be either an object or undefined');
  }
  let transfer;
  const list = options.transfer;
  if (list !== undefined && list !== null) {
    if (typeof list !== 'object') {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        'Optional transferList argument must be an iterable');
    }
    // node ignores an object that is not iterable
    if (Array.isArray(list)) transfer = list;
    else if (typeof list[Symbol.iterator] === 'function') transfer = [...list];
  }
  return native.structuredClone(value, transfer);
}

function markAsUntransferable(obj) {
  if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') native.markAsUntransferable(obj);
}

function isMarkedAsUntransferable(obj) {
  return typeof obj === 'object' && obj !== null ? native.isMarkedAsUntransferable(obj) : false;
}

module.exports = { structuredClone, markAsUntransferable, isMarkedAsUntransferable };
