'use strict';
// Node-style errors: the ERR_* classes (`codes`, over the table in
// internal/error_messages), argument validators, and the conversion of
// JavaScriptCore stacks ("fn@file:1:2") to V8's shape ("    at fn (file:1:2)")
// that programs expect (internal/error_stack).

const kIsNodeError = Symbol('kIsNodeError');

// A Node error: class from the table, `code` own property, name shown as "TypeError [CODE]" in stacks.
// As node's, a node error's prototype is a subclass of its base named as the base, whose
// constructor reads as the base and whose toString shows the code: String(err) is "TypeError [ERR_X]: message".
const nodeErrorClasses = new Map();
function nodeErrorClass(Base) {
  let C = nodeErrorClasses.get(Base);
  if (C === undefined) {
    C = { [Base.name]: class extends Base {
      // node's: err.constructor is the base itself (TypeError), not this subclass
      get ['constructor']() { return Base; }
      toString() { return `${this.name} [${this.code}]: ${this.message}`; }
    } }[Base.name];
    nodeErrorClasses.set(Base, C);
  }
  return C;
}

function makeNodeError(Base, code, message) {
  const err = new Base(message);
  Object.setPrototypeOf(err, nodeErrorClass(Base).prototype);
  Object.defineProperty(err, 'code', { value: code, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(err, kIsNodeError, { value: true, enumerable: false, writable: false, configurable: true });
  return err;
}

// An error as node's C++ side throws it: its own wording and a plain `code` property (no
// "[CODE]" in the name). The stack starts at `caller`'s caller, or this function's.
function makeNativeError(Base, code, message, caller) {
  const err = new Base(message);
  err.code = code;
  if (Error.captureStackTrace) Error.captureStackTrace(err, caller || makeNativeError);
  return err;
}

// The ERR_* classes are made on first use, and the message table
// (internal/error_messages) is loaded only then: most programs never throw
// one, and parsing the table costs every new thread about 0.25 ms. `codes`
// is a plain object; a lookup that misses its own properties reaches the
// proxy below, which makes the class and keeps it as an own property.
function makeCode(code) {
  const entry = require('internal/error_messages').messages[code];
  if (entry === undefined) return undefined;
  const [Base, msg] = entry;
  const ctor = function NodeError(...args) {
    const message = typeof msg === 'function' ? msg(...args) : msg;
    const err = makeNodeError(Base, code, message);
    if (Error.captureStackTrace) Error.captureStackTrace(err, ctor);
    return err;
  };
  ctor.prototype = Base.prototype;
  return ctor;
}
const codes = Object.create(new Proxy({}, {
  get(target, key) {
    if (typeof key !== 'string' || !key.startsWith('ERR_')) return target[key];
    const ctor = makeCode(key);
    if (ctor !== undefined) Object.defineProperty(codes, key, { value: ctor, writable: true, enumerable: true, configurable: true });
    return ctor;
  },
}));

function determineSpecificType(value) {
  return require('internal/error_messages').determineSpecificType(value);
}

// ---- stack traces in V8's shape (the conversion is in internal/error_stack) --
function stackApi() { return require('internal/error_stack'); }
function registerWrappedFile(filename) { stackApi().registerWrappedFile(filename); }
function errorColumn(url, line, column) { return stackApi().errorColumn(url, line, column); }
function v8Frames(jscStack) { return stackApi().v8Frames(jscStack); }
function errorHeader(err) { return stackApi().errorHeader(err); }
function v8Stack(err) { return stackApi().v8Stack(err); }

function installStackTraceApi() {
  const original = Error.captureStackTrace;
  // V8's default (or --stack-trace-limit's); JSC starts at 100. JSC honours the value for
  // new errors.
  const limit = binding('process').stackTraceLimit;
  Error.stackTraceLimit = limit === undefined ? 10 : limit;
  // Keep JSC's native captureStackTrace (it cuts the frames above constructorOpt, found
  // by identity: anonymous functions too) but give the result V8's shape, since npm code
  // parses it. JSC captures into a plain object: given an Error it leaves fn's frame in.
  if (typeof original === 'function' && !original.spindle) {
    const capture = function captureStackTrace(obj, fn) {
      if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
        throw new TypeError('invalid_argument');
      }
      const limit = Error.stackTraceLimit;
      const holder = {};
      if (typeof limit === 'number' && limit > 0) {
        Error.stackTraceLimit = limit + 20;
        try {
          if (typeof fn === 'function') original(holder, fn);
          else original(holder);
        } finally {
          Error.stackTraceLimit = limit;
        }
      }
      stackApi().finishCapture(obj, fn, limit, holder.stack);
    };
    capture.spindle = true;
    Object.defineProperty(Error, 'captureStackTrace', { value: capture, writable: true, configurable: true });
  }
  // Error.prepareStackTrace: node's default is a function that formats V8's text. A program's
  // own gets CallSites from Error.captureStackTrace, and from `new Error()` while it is set
  // (internal/error_stack then puts a constructor that calls it in the global Error's place).
  let prepare = ErrorPrepareStackTrace;
  Object.defineProperty(Error, 'prepareStackTrace', {
    get() { return prepare; },
    set(fn) {
      prepare = fn;
      stackApi().programPrepareChanged(typeof fn === 'function' && fn !== ErrorPrepareStackTrace);
    },
    enumerable: false,
    configurable: true,
  });
}
function ErrorPrepareStackTrace(error, trace) { return stackApi().formatStack(error, trace); }
function programPrepareStackTrace() {
  const fn = Error.prepareStackTrace;
  return typeof fn === 'function' && fn !== ErrorPrepareStackTrace ? fn : undefined;
}

// ---- validators ------------------------------------------------------------
function validateFunction(value, name) {
  if (typeof value !== 'function') throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}
function validateString(value, name) {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}
function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}
function validateObject(value, name, { allowArray = false, allowFunction = false, nullable = false } = {}) {
  if ((!nullable && value === null) || (!allowArray && Array.isArray(value)) ||
      (typeof value !== 'object' && (!allowFunction || typeof value !== 'function'))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}
function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'Array', value);
  if (value.length < minLength) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
  }
}
function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw new codes.ERR_OUT_OF_RANGE(name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
}
function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}
function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}
function validateUint32(value, name, positive = false) {
  validateInt32(value, name, positive ? 1 : 0, 4294967295);
}
// An EventTarget listener: true for a function or an object (its handleEvent is looked up
// when called), false for null/undefined (no effect), else ERR_INVALID_ARG_TYPE.
function validateEventListener(listener) {
  if (typeof listener === 'function' || (listener !== null && typeof listener === 'object')) return true;
  if (listener == null) return false;
  throw new codes.ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

module.exports = {
  codes, kIsNodeError, makeNodeError, makeNativeError, v8Stack, v8Frames, errorHeader, installStackTraceApi,
  programPrepareStackTrace,
  registerWrappedFile, errorColumn,
  determineSpecificType, AbortError,
  validateFunction, validateString, validateBoolean, validateObject, validateArray, validateNumber,
  validateInteger, validateInt32, validateUint32, validateAbortSignal, validateEventListener,
};
