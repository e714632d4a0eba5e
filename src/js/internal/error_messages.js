'use strict';
// The ERR_* message table behind internal/errors' `codes` (loaded on the first
// error made): code -> [base class, message builder], and the helpers that
// build node's exact messages.

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

// node's inspect of a received value: with the default depth, or depth -1 ("[Object]"),
// as each message does
function inspectValue(value, depth) {
  try {
    return require('internal/util/inspect').inspect(value, depth === undefined ? { colors: false } : { depth, colors: false });
  } catch {
    return String(value);
  }
}

// "Received ..." suffix exactly as Node builds it.
function determineSpecificType(value) {
  if (value == null) return '' + value;
  if (typeof value === 'function') return `function ${value.name}`; // "function " for an anonymous one
  if (typeof value === 'object') {
    const ctor = value.constructor;
    if ((typeof ctor === 'function' || (typeof ctor === 'object' && ctor !== null)) && 'name' in ctor) {
      return `an instance of ${ctor.name}`;
    }
    return `${inspectValue(value, -1)}`;
  }
  let inspected = inspectValue(value);
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return `type ${typeof value} (${inspected})`;
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function formatList(array, type = 'and') {
  return array.length < 3 ? array.join(` ${type} `) :
    `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
}

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';
  const types = [], instances = [], other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) { types.splice(pos, 1); instances.push('Object'); }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${formatList(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${formatList(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${formatList(other, 'or')}`;
    else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}

// V8's Object::NoSideEffectsToString, as node shows a rejection's reason: primitives as
// strings (a bigint without its n), a function's source, an error as "Name: message", an
// object whose toString is Object.prototype's as "#<Constructor>", anything else as
// "[object Tag]". Only data properties are read (getters and toString are not called).
function dataProperty(o, key) {
  for (let depth = 0; o !== null && depth < 1000; depth++, o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d !== undefined) return 'value' in d ? d.value : undefined;
  }
  return undefined;
}
function noSideEffectsToString(v) {
  try {
    if (typeof v === 'symbol') return `Symbol(${v.description === undefined ? '' : v.description})`;
    if (typeof v === 'function') return Function.prototype.toString.call(v);
    if (v === null || typeof v !== 'object') return `${v}`;
    const toString = dataProperty(v, 'toString');
    if (v instanceof Error || toString === Error.prototype.toString) {
      const name = dataProperty(v, 'name'), message = dataProperty(v, 'message');
      const n = typeof name === 'string' ? name : 'Error', m = typeof message === 'string' ? message : '';
      return n === '' ? m : m === '' ? n : `${n}: ${m}`;
    }
    if (toString === Object.prototype.toString) {
      const ctor = dataProperty(v, 'constructor');
      const name = typeof ctor === 'function' ? dataProperty(ctor, 'name') : undefined;
      if (typeof name === 'string' && name !== '') return `#<${name}>`;
    }
    const tag = dataProperty(v, Symbol.toStringTag);
    return typeof tag === 'string' ? `[object ${tag}]` : `[object ${builtinTag(v)}]`;
  } catch {
    return '[object Object]';
  }
}
// the class name V8 gives an object (its tag with no Symbol.toStringTag)
function builtinTag(v) {
  if (Array.isArray(v)) return 'Array';
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  return ['Arguments', 'Boolean', 'Date', 'Error', 'Number', 'RegExp', 'String'].includes(tag) ? tag : 'Object';
}

const messages = {
  ERR_INVALID_ARG_TYPE: [TypeError, invalidArgTypeMessage],
  ERR_INVALID_ARG_VALUE: [TypeError, (name, value, reason = 'is invalid') => {
    let inspected = inspectValue(value);
    if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
    const type = name.includes('.') ? 'property' : 'argument';
    return `The ${type} '${name}' ${reason}. Received ${inspected}`;
  }],
  ERR_OUT_OF_RANGE: [RangeError, (str, range, input) => {
    let received;
    if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) received = addNumericalSeparator(String(input));
    else if (typeof input === 'bigint') {
      received = String(input);
      if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
      received += 'n';
    } else received = inspectValue(input);
    return `The value of "${str}" is out of range. It must be ${range}. Received ${received}`;
  }],
  ERR_MISSING_ARGS: [TypeError, (...args) => {
    let msg = 'The ';
    const wrap = (a) => `"${a}"`;
    args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
    msg += args.length === 1 ? `${args[0]} argument` : `${formatList(args)} arguments`;
    return `${msg} must be specified`;
  }],
  ERR_UNHANDLED_REJECTION: [Error, (reason) =>
    'This error originated either by throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). The promise rejected with the' +
    ` reason "${noSideEffectsToString(reason)}".`],
  ERR_METHOD_NOT_IMPLEMENTED: [Error, (m) => `The ${m} method is not implemented`],
  ERR_INVALID_URI: [URIError, () => 'URI malformed'],
  ERR_INVALID_THIS: [TypeError, (t) => `Value of "this" must be of type ${t}`],
  ERR_INVALID_RETURN_VALUE: [TypeError, (input, name, value) =>
    `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`],
  ERR_UNKNOWN_SIGNAL: [TypeError, (signal) => `Unknown signal: ${signal}`],
  ERR_CHILD_PROCESS_STDIO_MAXBUFFER: [RangeError, (name) => `${name} maxBuffer length exceeded`],
  ERR_UNKNOWN_ENCODING: [TypeError, (e) => `Unknown encoding: ${e}`],
  ERR_USE_AFTER_CLOSE: [Error, (name) => `${name} was closed`],
  ERR_CRYPTO_HASH_FINALIZED: [Error, () => 'Digest already called'],
  ERR_CRYPTO_INVALID_SCRYPT_PARAMS: [RangeError, (detail) => `Invalid scrypt params${detail ? `: ${detail}` : ''}`],
  ERR_CRYPTO_SCRYPT_INVALID_PARAMETER: [Error, () => 'Invalid scrypt parameter'],
  ERR_CRYPTO_INVALID_KEYLEN: [RangeError, () => 'Invalid key length'],
  ERR_CRYPTO_INVALID_DIGEST: [TypeError, (digest) => `Invalid digest: ${digest}`],
  ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH: [RangeError, () => 'Input buffers must have the same byte length'],
  ERR_UNKNOWN_CREDENTIAL: [Error, (type, id) => `${type} identifier does not exist: ${id}`],
  ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET: [Error, () =>
    '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active'],
  ERR_BUFFER_OUT_OF_BOUNDS: [RangeError, (name) => name ?
    `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds'],
  ERR_INVALID_URL: [TypeError, () => 'Invalid URL'],
  ERR_ARG_NOT_ITERABLE: [TypeError, (what) => `${what} must be iterable`],
  ERR_INVALID_TUPLE: [TypeError, (what, tuple) => `${what} must be an iterable ${tuple} tuple`],
  ERR_INVALID_URL_SCHEME: [TypeError, (expected) => `The URL must be of scheme ${expected}`],
  ERR_INVALID_FILE_URL_PATH: [TypeError, (m) => `File URL path ${m}`],
  ERR_INVALID_FILE_URL_HOST: [TypeError, (p) => `File URL host must be "localhost" or empty on ${p}`],
  // Takes the already inspected value, as events.js passes it.
  ERR_UNHANDLED_ERROR: [Error, (err) => (err === undefined ? 'Unhandled error.' : `Unhandled error. (${err})`)],
  ERR_INVALID_STATE: [Error, (m) => `Invalid state: ${m}`],
  ERR_ENCODING_NOT_SUPPORTED: [RangeError, (e) => `The "${e}" encoding is not supported`],
  ERR_ENCODING_INVALID_ENCODED_DATA: [TypeError, (e) => `The encoded data was not valid for encoding ${e}`],
  ERR_EVENT_RECURSION: [Error, (t) => `The event "${t}" is already being dispatched`],
  ERR_ILLEGAL_CONSTRUCTOR: [TypeError, () => 'Illegal constructor'],
  ERR_CONSTRUCT_CALL_REQUIRED: [TypeError, (n) => `Class constructor ${n} cannot be invoked without 'new'`],
  ERR_FALSY_VALUE_REJECTION: [Error, () => 'Promise was rejected with falsy value'],
  ERR_ASSERTION: [Error, (m) => m],
  ERR_AMBIGUOUS_ARGUMENT: [TypeError, (n, m) => `The "${n}" argument is ambiguous. ${m}`],
  ERR_REQUIRE_ESM: [Error, (f) => `require() of ES Module ${f} not supported.`],
  ERR_DLOPEN_FAILED: [Error, (m) => m],
  ERR_INVALID_PACKAGE_CONFIG: [Error, (p, m) => `Invalid package config ${p}${m ? `. ${m}` : ''}`],
  ERR_PACKAGE_PATH_NOT_EXPORTED: [Error, (dir, sub) => sub === '.' ?
    `No "exports" main defined in ${dir}package.json` :
    `Package subpath '${sub}' is not defined by "exports" in ${dir}package.json`],
  ERR_WORKER_PATH: [TypeError, (filename) =>
    'The worker script or module filename must be an absolute path or a relative path starting with ' +
    `'./' or '../'.${filename.startsWith('file://') ? ' Wrap file:// URLs with `new URL`.' : ''
    }${filename.startsWith('data:text/javascript') ? ' Wrap data: URLs with `new URL`.' : ''
    } Received "${filename}"`],
  ERR_WORKER_UNSUPPORTED_OPERATION: [TypeError, (op) => `${op} is not supported in workers`],
  ERR_WORKER_UNSERIALIZABLE_ERROR: [Error, () => 'Serializing an uncaught exception failed'],
  ERR_WORKER_OUT_OF_MEMORY: [Error, (m) => `Worker terminated due to reaching memory limit: ${m}`],
  ERR_WORKER_INIT_FAILED: [Error, (m) => `Worker initialization failure: ${m}`],
  ERR_WORKER_NOT_RUNNING: [Error, () => 'Worker instance not running'],
  ERR_WORKER_MESSAGING_ERRORED: [Error, () => 'The destination thread threw an error while processing the message'],
  ERR_WORKER_MESSAGING_FAILED: [Error, () => 'Cannot find the destination thread or listener'],
  ERR_WORKER_MESSAGING_SAME_THREAD: [Error, () => 'Cannot sent a message to the same thread'], // sic, as node
  ERR_WORKER_MESSAGING_TIMEOUT: [Error, () => 'Sending a message to another thread timed out'],
  ERR_WORKER_INVALID_EXEC_ARGV: [Error, (errors, msg = 'invalid execArgv flags') =>
    `Initiated Worker with ${msg}: ${errors.join(', ')}`],
  ERR_MISSING_OPTION: [TypeError, (o) => `${o} is required`],
  ERR_STREAM_NULL_VALUES: [TypeError, () => 'May not write null values to stream'],
  ERR_STREAM_WRITE_AFTER_END: [Error, () => 'write after end'],
  ERR_STREAM_DESTROYED: [Error, (name) => `Cannot call ${name} after a stream was destroyed`],
  ERR_STREAM_ALREADY_FINISHED: [Error, (name) => `Cannot call ${name} after a stream was finished`],
  ERR_STREAM_PREMATURE_CLOSE: [Error, () => 'Premature close'],
  ERR_STREAM_PUSH_AFTER_EOF: [Error, () => 'stream.push() after EOF'],
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: [Error, () => 'stream.unshift() after end event'],
  ERR_STREAM_CANNOT_PIPE: [Error, () => 'Cannot pipe, not readable'],
  ERR_MULTIPLE_CALLBACK: [Error, () => 'Callback called multiple times'],
  ERR_TRANSFORM_ALREADY_TRANSFORMING: [Error, () => 'Calling transform done when still transforming'],
  ERR_TRANSFORM_WITH_LENGTH_0: [Error, () => 'Calling transform done when writableState.length != 0'],
  ERR_INVALID_TRANSFER_OBJECT: [TypeError, () => 'Found invalid object in transferList'],
  ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST: [TypeError, (o) =>
    `Object that needs transfer was found in message but not listed in transferList`],
  ERR_CLOSED_MESSAGE_PORT: [Error, () => 'Cannot send data on closed MessagePort'],
  ERR_INVALID_CHAR: [TypeError, (name, field) => field ?
    `Invalid character in ${name} ["${field}"]` : `Invalid character in ${name}`],
  ERR_OPERATION_FAILED: [Error, (m) => `Operation failed: ${m}`],
  ERR_FS_FILE_TOO_LARGE: [RangeError, (s) => `File size (${s}) is greater than 2 GiB`],
  ERR_FS_EISDIR: [Error, (m) => `Path is a directory: ${m}`],
  ERR_DIR_CLOSED: [Error, () => 'Directory handle was closed'],
  ERR_STRING_TOO_LONG: [Error, () => 'Cannot create a string longer than 0x1fffffe8 characters'],
  ERR_INVALID_BUFFER_SIZE: [RangeError, (s) => `Buffer size must be a multiple of ${s}`],
  ERR_UNAVAILABLE_DURING_EXIT: [Error, () => 'Cannot call function in process exit handler'],
  ERR_INVALID_OBJECT_DEFINE_PROPERTY: [TypeError, (m) => m],
  ERR_SPINDLE_UNSUPPORTED: [Error, (what) => `${what} is not supported by spindle yet`],
};

module.exports = { messages, determineSpecificType, noSideEffectsToString };
