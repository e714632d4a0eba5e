'use strict';
// zlib: deflate/inflate, gzip/gunzip, raw deflate and unzip over the system's zlib
// (binding('zlib')): the Sync functions, their callback forms, and the stream classes
// (Transforms) with node's options, errors and constants, and crc32. Compression runs on
// the calling thread (node uses its thread pool for the callback and stream forms). Not
// there: Brotli, `dictionary`, params().

const { Buffer } = require('buffer');
const { Transform } = require('internal/streams/transform');
const native = binding('zlib');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
  makeNodeError, validateFunction,
} = require('internal/errors');

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0,
  ZLIB_VERNUM: native.ZLIB_VERNUM,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
};

// both ways: name -> code and code -> name, as node's zlib.codes
const codes = {};
for (const name of ['Z_OK', 'Z_STREAM_END', 'Z_NEED_DICT', 'Z_ERRNO', 'Z_STREAM_ERROR', 'Z_DATA_ERROR',
  'Z_MEM_ERROR', 'Z_BUF_ERROR', 'Z_VERSION_ERROR']) {
  codes[name] = constants[name];
  codes[constants[name]] = name;
}
Object.freeze(codes);

function zlibError(code, message) {
  const err = new Error(message || codes[code] || `zlib error ${code}`);
  err.errno = code;
  err.code = codes[code];
  return err;
}

// node's checks: a number in range, or the default
function checkRange(value, name, lower, upper, dflt) {
  if (value === undefined) return dflt;
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isFinite(value) || value < lower || value > upper) {
    if (Number.isFinite(value) || Number.isNaN(value)) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, value);
    }
    throw new ERR_OUT_OF_RANGE(name, 'a finite number', value);
  }
  return value;
}

function settings(mode, opts) {
  opts = opts || {};
  if (typeof opts !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', opts);
  const windowBits = checkRange(opts.windowBits, 'options.windowBits',
    mode === constants.INFLATE || mode === constants.GUNZIP || mode === constants.UNZIP ? 0 : 8, 15, 15);
  return {
    flush: checkRange(opts.flush, 'options.flush', 0, 5, constants.Z_NO_FLUSH),
    finishFlush: checkRange(opts.finishFlush, 'options.finishFlush', 0, 5, constants.Z_FINISH),
    chunkSize: checkRange(opts.chunkSize, 'options.chunkSize', 64, Infinity, 16384),
    level: checkRange(opts.level, 'options.level', -1, 9, -1),
    memLevel: checkRange(opts.memLevel, 'options.memLevel', 1, 9, 8),
    strategy: checkRange(opts.strategy, 'options.strategy', 0, 4, 0),
    windowBits: windowBits === 0 ? 15 : windowBits,
  };
}

function openHandle(mode, s) {
  const handle = native.create(mode, s.level, s.windowBits, s.memLevel, s.strategy);
  if (typeof handle === 'number') throw zlibError(handle, 'Init error');
  return handle;
}

function toInput(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  if (ArrayBuffer.isView(buffer)) return buffer;
  throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
}

function isInflate(mode) {
  return mode === constants.INFLATE || mode === constants.GUNZIP || mode === constants.INFLATERAW ||
    mode === constants.UNZIP;
}

// what one pass left: an error for a failed or (inflating) incomplete stream
function passError(mode, code, message, finished) {
  if (code === constants.Z_OK || code === constants.Z_STREAM_END) {
    if (finished && isInflate(mode) && code !== constants.Z_STREAM_END) {
      return zlibError(constants.Z_BUF_ERROR, 'unexpected end of file');
    }
    return null;
  }
  if (code === constants.Z_BUF_ERROR) {
    return finished && isInflate(mode) ? zlibError(code, 'unexpected end of file') : null;
  }
  return zlibError(code, message);
}

function processSync(mode, buffer, opts) {
  const input = toInput(buffer);
  const s = settings(mode, opts);
  const handle = openHandle(mode, s);
  try {
    const [out, code, message] = native.process(handle, input, s.finishFlush);
    const err = passError(mode, code, message, s.finishFlush === constants.Z_FINISH);
    if (err) throw err;
    const result = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    return opts && opts.info ? { buffer: result, engine: undefined } : result;
  } finally {
    native.close(handle);
  }
}

function processAsync(mode, buffer, opts, callback) {
  if (typeof opts === 'function') {
    callback = opts;
    opts = {};
  }
  validateFunction(callback, 'callback');
  let result;
  let error = null;
  try { result = processSync(mode, buffer, opts); } catch (e) { error = e; }
  if (error && error.code === 'ERR_INVALID_ARG_TYPE') throw error;
  setImmediate(() => (error ? callback(error) : callback(null, result)));
}

// ---- streams -------------------------------------------------------------------------
const kHandle = Symbol('kHandle');

function Zlib(mode, opts) {
  const s = settings(mode, opts);
  Transform.call(this, { ...opts, flush: undefined, transform: undefined, autoDestroy: true });
  this[kHandle] = openHandle(mode, s);
  this._mode = mode;
  this._flushFlag = s.flush;
  this._finishFlushFlag = s.finishFlush;
  this._defaultFullFlushFlag = constants.Z_FULL_FLUSH;
  this._chunkSize = s.chunkSize;
  this._level = s.level;
  this._strategy = s.strategy;
  this.bytesWritten = 0;
  this._done = false;
  // node's native handle, which packages (minizlib, under tar) reach for: close() only
  const handle = this[kHandle];
  this._handle = { close() { native.close(handle); } };
}
Object.setPrototypeOf(Zlib.prototype, Transform.prototype);
Object.setPrototypeOf(Zlib, Transform);

Zlib.prototype._run = function _run(chunk, flag, cb) {
  if (this._done) {
    cb();
    return;
  }
  let out;
  let code;
  let message;
  try {
    [out, code, message] = native.process(this[kHandle], chunk, flag);
  } catch (e) {
    cb(e);
    return;
  }
  this.bytesWritten += chunk.length;
  const err = passError(this._mode, code, message, flag === constants.Z_FINISH);
  if (err) {
    cb(err);
    return;
  }
  if (code === constants.Z_STREAM_END) this._done = true;
  for (let i = 0; i < out.length; i += this._chunkSize) {
    this.push(Buffer.from(out.buffer, out.byteOffset + i, Math.min(this._chunkSize, out.length - i)));
  }
  cb();
};

// node's internal entry point, used by packages: with a callback, one pass as a write;
// without, synchronously, returning what came out through Buffer.concat (minizlib swaps
// Buffer.concat out to receive the pieces).
Zlib.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb === 'function') {
    this._run(chunk, flushFlag, cb);
    return undefined;
  }
  const [out, code, message] = native.process(this[kHandle], chunk, flushFlag);
  const err = passError(this._mode, code, message, flushFlag === constants.Z_FINISH);
  if (err) throw err;
  this.bytesWritten += chunk.length;
  const pieces = [];
  for (let i = 0; i < out.length; i += this._chunkSize) {
    pieces.push(Buffer.from(out.buffer, out.byteOffset + i, Math.min(this._chunkSize, out.length - i)));
  }
  return Buffer.concat(pieces, out.length);
};

Zlib.prototype._transform = function _transform(chunk, encoding, cb) {
  this._run(chunk, this._flushFlag, cb);
};

Zlib.prototype._flush = function _flush(cb) {
  this._run(Buffer.alloc(0), this._finishFlushFlag, cb);
};

Zlib.prototype.flush = function flush(kind, cb) {
  if (typeof kind === 'function' || kind === undefined) {
    cb = kind;
    kind = constants.Z_FULL_FLUSH;
  }
  this._run(Buffer.alloc(0), kind, (err) => {
    if (err) this.destroy(err);
    if (typeof cb === 'function') process.nextTick(cb);
  });
};

Zlib.prototype.reset = function reset() {
  this._done = false;
  native.reset(this[kHandle]);
};

Zlib.prototype.close = function close(cb) {
  if (cb) require('internal/streams/end_of_stream')(this, cb);
  this.destroy();
};

Zlib.prototype._destroy = function _destroy(err, cb) {
  native.close(this[kHandle]);
  cb(err);
};

function makeClass(name, mode) {
  const C = { [name]: function(opts) {
    if (!(this instanceof C)) return new C(opts);
    Zlib.call(this, mode, opts);
  } }[name];
  Object.setPrototypeOf(C.prototype, Zlib.prototype);
  Object.setPrototypeOf(C, Zlib);
  return C;
}

const Deflate = makeClass('Deflate', constants.DEFLATE);
const Inflate = makeClass('Inflate', constants.INFLATE);
const Gzip = makeClass('Gzip', constants.GZIP);
const Gunzip = makeClass('Gunzip', constants.GUNZIP);
const DeflateRaw = makeClass('DeflateRaw', constants.DEFLATERAW);
const InflateRaw = makeClass('InflateRaw', constants.INFLATERAW);
const Unzip = makeClass('Unzip', constants.UNZIP);

function brotli() {
  throw makeNodeError(Error, 'ERR_SPINDLE_UNSUPPORTED', 'Brotli is not supported by spindle yet');
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  return native.crc32(typeof data === 'string' ? Buffer.from(data) : data, value >>> 0);
}

const api = {
  crc32, Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip,
  BrotliCompress: brotli, BrotliDecompress: brotli,
  constants, codes,
};
for (const [name, mode] of [['deflate', constants.DEFLATE], ['gzip', constants.GZIP],
  ['deflateRaw', constants.DEFLATERAW], ['unzip', constants.UNZIP], ['inflate', constants.INFLATE],
  ['gunzip', constants.GUNZIP], ['inflateRaw', constants.INFLATERAW]]) {
  api[name] = (buffer, opts, cb) => processAsync(mode, buffer, opts, cb);
  api[`${name}Sync`] = (buffer, opts) => processSync(mode, buffer, opts);
  const cls = name === 'unzip' ? 'Unzip' : name[0].toUpperCase() + name.slice(1);
  api[`create${cls}`] = (opts) => new api[cls](opts);
}
for (const name of ['brotliCompress', 'brotliCompressSync', 'brotliDecompress', 'brotliDecompressSync',
  'createBrotliCompress', 'createBrotliDecompress']) api[name] = brotli;
// the constants as own properties too, as node's
for (const key of Object.keys(constants)) {
  if (!(key in api)) Object.defineProperty(api, key, { value: constants[key], enumerable: false, writable: false });
}

module.exports = api;
