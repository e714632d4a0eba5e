'use strict';
// require('util'): formatting (internal/util/inspect), type checks
// (internal/util/types) and the small helpers Node programs lean on.

const { inspect, format, formatWithOptions, stripVTControlCharacters } = require('internal/util/inspect');
const { types } = require('internal/util/types');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_FALSY_VALUE_REJECTION, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE },
  validateFunction, validateString, validateObject,
} = require('internal/errors');

const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const timersFallback = timersPromisified(original);
  if (timersFallback) return timersFallback;
  const argumentNames = original[kCustomPromisifyArgsSymbol];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    try { Object.defineProperty(fn, key, descriptors[key]); } catch { /* non-configurable */ }
  }
  return fn;
}
promisify.custom = kCustomPromisifiedSymbol;

// setTimeout/setImmediate resolve with their value argument (Node gives them
// util.promisify.custom); used when the timers module has not set it.
function timersPromisified(fn) {
  let timers;
  try { timers = require('timers'); } catch { return undefined; }
  if (fn === timers.setTimeout) return (ms, value) => new Promise((resolve) => timers.setTimeout(resolve, ms, value));
  if (fn === timers.setImmediate) return (value) => new Promise((resolve) => timers.setImmediate(resolve, value));
  return undefined;
}

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const newReason = new ERR_FALSY_VALUE_REJECTION();
    newReason.reason = reason;
    reason = newReason;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb),
    );
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  const propertiesValues = Object.values(descriptors);
  for (let i = 0; i < propertiesValues.length; i++) Object.setPrototypeOf(propertiesValues[i], null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

// Warn once per code (or per function without a code) on first call.
const codesWarned = new Set();
function deprecate(fn, msg, code) {
  if (process.noDeprecation === true) return fn;
  if (code !== undefined) validateString(code, 'code');
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning');
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn && fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function toUSVString(input) {
  return String(input).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const pad = (n) => String(n).padStart(2, '0');
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function timestamp() {
  const d = new Date();
  const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}
function log(...args) {
  process.stdout.write(`${timestamp()} - ${format(...args)}\n`);
}

// debuglog: enabled by NODE_DEBUG=name[,name...] (with * wildcards).
const debugEnv = String((process.env && process.env.NODE_DEBUG) || '')
  .replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*').replace(/,/g, '$|^').toUpperCase();
const debugRegExp = debugEnv ? new RegExp(`^${debugEnv}$`, 'i') : null;
function debuglog(set, cb) {
  set = String(set).toUpperCase();
  const enabled = debugRegExp !== null && debugRegExp.test(set);
  let logger;
  const fn = (...args) => {
    if (!enabled) return;
    if (logger === undefined) {
      logger = (...a) => process.stderr.write(`${set} ${process.pid}: ${format(...a)}\n`);
      if (typeof cb === 'function') cb(logger);
    }
    logger(...args);
  };
  Object.defineProperty(fn, 'enabled', { get: () => enabled, configurable: true, enumerable: true });
  return fn;
}

const nativeUtil = binding('util');
function getSystemErrorName(err) {
  if (typeof err !== 'number') throw new ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) throw new ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  const entry = nativeUtil.errname(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}
// libuv's codes: errno values (-1..-133 on Linux) and its own (-3000..-4095).
function getSystemErrorMap() {
  const map = new Map();
  for (let err = -1; err >= -4095; err--) {
    if (err === -200) err = -3000;
    const entry = nativeUtil.errname(err);
    if (entry) map.set(err, entry);
  }
  return map;
}

// Node's helpers for system errors raised by JS code (some npm packages use them).
function errnoException(err, syscall, original) {
  const name = getSystemErrorName(err);
  const message = original ? `${syscall} ${name} ${original}` : `${syscall} ${name}`;
  const ex = new Error(message);
  ex.errno = err;
  ex.code = name;
  ex.syscall = syscall;
  return ex;
}
function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = getSystemErrorName(err);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

// styleText(format, text): ANSI styles by name, as in inspect.colors. Like
// Node v20, a single style is dropped when process.stdout cannot show colors.
function shouldColorize(stream) {
  if (process.env && process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0';
  return !!(stream && stream.isTTY) &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}
function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, 'text');
  const skipColorize = !Array.isArray(format) && validateStream && !shouldColorize(stream);
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formats) {
    if (key === 'none') continue;
    const code = inspect.colors[key];
    if (code === undefined) {
      const allowed = Object.keys(inspect.colors).map((k) => `'${k}'`).join(', ');
      throw new ERR_INVALID_ARG_VALUE('format', key, `must be one of: ${allowed}`);
    }
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  return skipColorize ? text : `${left}${text}${right}`;
}

// parseEnv: dotenv syntax (KEY=value, export prefix, # comments, quoted and multi-line values).
function parseEnv(content) {
  validateString(content, 'content');
  const env = {};
  const src = content.replace(/\r\n?/g, '\n');
  const line = /^\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\n]+)?\s*(?:#.*)?$/gm;
  let m;
  while ((m = line.exec(src)) !== null) {
    let value = (m[2] || '').trim();
    const q = value[0];
    if ((q === '"' || q === "'" || q === '`') && value.endsWith(q)) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, '\n');
    }
    env[m[1]] = value;
  }
  return env;
}

function aborted(signal, resource) {
  if (signal === undefined) throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  validateObject(resource, 'resource', { allowArray: true, allowFunction: true, nullable: false });
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

const isArray = Array.isArray;
module.exports = {
  format,
  formatWithOptions,
  inspect,
  promisify,
  callbackify,
  inherits,
  deprecate,
  debuglog,
  debug: debuglog,
  log,
  isDeepStrictEqual,
  stripVTControlCharacters,
  toUSVString,
  getSystemErrorName,
  getSystemErrorMap,
  _errnoException: errnoException,
  _exceptionWithHostPort: exceptionWithHostPort,
  styleText,
  parseEnv,
  transferableAbortSignal: (signal) => signal,
  transferableAbortController: () => new AbortController(),
  aborted,
  types,
  isArray,
  isBoolean: (v) => typeof v === 'boolean',
  isBuffer: (v) => { try { return require('buffer').Buffer.isBuffer(v); } catch { return false; } },
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === 'number',
  isString: (v) => typeof v === 'string',
  isSymbol: (v) => typeof v === 'symbol',
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === 'object',
  isDate: types.isDate,
  isError: (e) => types.isNativeError(e) || e instanceof Error,
  isFunction: (v) => typeof v === 'function',
  isPrimitive: (v) => v === null || (typeof v !== 'object' && typeof v !== 'function'),
  _extend(target, source) {
    if (source === null || typeof source !== 'object') return target;
    const keys = Object.keys(source);
    let i = keys.length;
    while (i--) target[keys[i]] = source[keys[i]];
    return target;
  },
};
// Lazy re-exports of modules other files own.
for (const [name, id, key] of [
  ['TextEncoder', 'internal/encoding', 'TextEncoder'],
  ['TextDecoder', 'internal/encoding', 'TextDecoder'],
  ['parseArgs', 'internal/util/parse_args', 'parseArgs'],
  ['MIMEType', 'internal/mime', 'MIMEType'],
  ['MIMEParams', 'internal/mime', 'MIMEParams'],
]) {
  Object.defineProperty(module.exports, name, {
    get() {
      const value = require(id)[key];
      Object.defineProperty(module.exports, name, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
    set(value) {
      Object.defineProperty(module.exports, name, { value, writable: true, configurable: true, enumerable: true });
    },
    enumerable: true, configurable: true,
  });
}
