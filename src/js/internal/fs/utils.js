'use strict';
// Shared pieces of fs, its callback API and fs/promises: argument validation
// and normalisation (paths, flags, modes, encodings), the Stats and Dirent
// classes, and bytes <-> string conversion that works before Buffer loads.

const fsb = binding('fs');
const { codes, validateInteger, validateUint32, validateFunction, validateBoolean } = require('internal/errors');
const pathModule = require('path');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = codes;

const constants = fsb.constants;
const {
  O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC,
  S_IFMT, S_IFREG, S_IFDIR, S_IFLNK, S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK,
  UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_FIFO, UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = constants;

// Buffer is written by another module and may be missing: fall back to Uint8Array.
let BufferCtor;
function getBuffer() {
  if (BufferCtor === undefined) {
    try { BufferCtor = require('buffer').Buffer || null; } catch { BufferCtor = null; }
  }
  return BufferCtor;
}

function isURL(v) {
  return v != null && typeof v === 'object' && Boolean(v.href) && Boolean(v.protocol) &&
    v.auth === undefined && v.path === undefined;
}

function isArrayBufferView(v) { return ArrayBuffer.isView(v); }
function isUint8Array(v) { return v instanceof Uint8Array; }

// ---- encodings -------------------------------------------------------------
const encodingNames = {
  utf8: 'utf8', 'utf-8': 'utf8', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le',
  'utf-16le': 'utf16le', latin1: 'latin1', binary: 'latin1', base64: 'base64',
  base64url: 'base64url', hex: 'hex', ascii: 'ascii',
};
function normalizeEncoding(enc) {
  if (enc == null) return 'utf8';
  return encodingNames[String(enc).toLowerCase()];
}
function assertEncoding(encoding) {
  if (encoding && encoding !== 'buffer' && normalizeEncoding(encoding) === undefined) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
  }
}

// Bytes (ArrayBuffer or view) -> Buffer (or Uint8Array before Buffer exists).
function toBuffer(bytes) {
  const B = getBuffer();
  if (bytes instanceof ArrayBuffer) return B ? B.from(bytes) : new Uint8Array(bytes);
  if (B && !(bytes instanceof B)) return B.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes;
}

// Bytes -> string in `encoding`, or a Buffer when encoding is 'buffer'/null.
function decode(bytes, encoding) {
  if (!encoding || encoding === 'buffer') return toBuffer(bytes);
  const enc = normalizeEncoding(encoding);
  if (enc === 'utf8') return fsb.utf8Decode(bytes);
  const B = getBuffer();
  if (B) return toBuffer(bytes).toString(enc);
  const u8 = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let s = '';
  if (enc === 'latin1' || enc === 'ascii') {
    for (let i = 0; i < u8.length; i++) s += String.fromCharCode(enc === 'ascii' ? u8[i] & 0x7f : u8[i]);
    return s;
  }
  if (enc === 'hex') {
    for (let i = 0; i < u8.length; i++) s += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
    return s;
  }
  throw new codes.ERR_SPINDLE_UNSUPPORTED(`encoding '${encoding}' without Buffer`);
}

// String -> Uint8Array of its bytes in `encoding`.
function encode(string, encoding) {
  const enc = normalizeEncoding(encoding);
  if (enc === 'utf8' || enc === undefined) return new Uint8Array(fsb.utf8Encode(string));
  const B = getBuffer();
  if (B) return B.from(string, enc);
  if (enc === 'latin1' || enc === 'ascii') {
    const u8 = new Uint8Array(string.length);
    for (let i = 0; i < string.length; i++) u8[i] = string.charCodeAt(i);
    return u8;
  }
  throw new codes.ERR_SPINDLE_UNSUPPORTED(`encoding '${encoding}' without Buffer`);
}

// ---- options ---------------------------------------------------------------
function getOptions(options, defaults = {}) {
  if (options == null || typeof options === 'function') return defaults;
  if (typeof options === 'string') {
    options = { ...defaults, encoding: options };
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  } else {
    options = { ...defaults, ...options };
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  return options;
}

// ---- paths -----------------------------------------------------------------
let fileURLToPath;
function toPathIfFileURL(p) {
  if (!isURL(p)) return p;
  if (!fileURLToPath) fileURLToPath = require('internal/url').fileURLToPath;
  return fileURLToPath(p);
}

// A path argument as the string the binding takes (Buffers are read as UTF-8).
function getValidatedPath(path, name = 'path') {
  path = toPathIfFileURL(path);
  if (typeof path !== 'string') {
    if (!isUint8Array(path)) throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
    if (path.includes(0)) {
      throw new ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
    }
    return fsb.utf8Decode(path);
  }
  if (path.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

function getValidatedFd(fd, name = 'fd') {
  validateInteger(fd, name, 0, 2147483647);
  return fd;
}

// ---- flags and modes -------------------------------------------------------
const flagTable = {
  r: O_RDONLY, rs: O_RDONLY | O_SYNC, sr: O_RDONLY | O_SYNC,
  'r+': O_RDWR, 'rs+': O_RDWR | O_SYNC, 'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY, wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR, 'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY, ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL, as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR, 'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL, 'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') return flags;
  if (flags == null) return O_RDONLY;
  if (Object.prototype.hasOwnProperty.call(flagTable, flags)) return flagTable[flags];
  throw new ERR_INVALID_ARG_VALUE(name, flags);
}

const octalRe = /^[0-7]+$/;
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (!octalRe.test(value)) {
      throw new ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

// Node accepts numbers, numeric strings and Dates for utimes; the binding takes seconds.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) return +time;
  if (typeof time === 'number' && Number.isFinite(time)) return time < 0 ? Date.now() / 1000 : time;
  if (typeof time === 'number') return Date.now() / 1000;
  if (time instanceof Date) return time.getTime() / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// Mode of access()/copyFile(): Node's own range messages, not the generic ERR_OUT_OF_RANGE text.
function getValidMode(mode, def = 0) {
  const { makeNodeError } = require('internal/errors');
  if (mode == null) return def;
  if (typeof mode !== 'number') return Number(mode) | 0;
  if (!Number.isInteger(mode)) throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode must be int32 or null/undefined');
  if (mode < 0 || mode > 7) throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  return mode;
}

function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

// ---- Stats -----------------------------------------------------------------
function dateFromMs(ms) { return new Date(Math.round(Number(ms))); }

class StatsBase {
  isDirectory() { return (this.mode & S_IFMT) === S_IFDIR; }
  isFile() { return (this.mode & S_IFMT) === S_IFREG; }
  isBlockDevice() { return (this.mode & S_IFMT) === S_IFBLK; }
  isCharacterDevice() { return (this.mode & S_IFMT) === S_IFCHR; }
  isSymbolicLink() { return (this.mode & S_IFMT) === S_IFLNK; }
  isFIFO() { return (this.mode & S_IFMT) === S_IFIFO; }
  isSocket() { return (this.mode & S_IFMT) === S_IFSOCK; }
}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  this.dev = dev; this.mode = mode; this.nlink = nlink; this.uid = uid; this.gid = gid;
  this.rdev = rdev; this.blksize = blksize; this.ino = ino; this.size = size; this.blocks = blocks;
  this.atimeMs = atimeMs; this.mtimeMs = mtimeMs; this.ctimeMs = ctimeMs; this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs); this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs); this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);

// BigInt flavour (options.bigint): integer fields as BigInt plus *Ns fields.
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  const B = BigInt;
  const ns = (ms) => B(Math.floor(ms)) * 1000000n + B(Math.round((ms - Math.floor(ms)) * 1e6));
  this.dev = B(dev); this.mode = B(mode); this.nlink = B(nlink); this.uid = B(uid); this.gid = B(gid);
  this.rdev = B(rdev); this.blksize = B(blksize); this.ino = B(ino); this.size = B(size);
  this.blocks = B(blocks);
  this.atimeMs = B(Math.floor(atimeMs)); this.mtimeMs = B(Math.floor(mtimeMs));
  this.ctimeMs = B(Math.floor(ctimeMs)); this.birthtimeMs = B(Math.floor(birthtimeMs));
  this.atimeNs = ns(atimeMs); this.mtimeNs = ns(mtimeMs); this.ctimeNs = ns(ctimeMs);
  this.birthtimeNs = ns(birthtimeMs);
  this.atime = dateFromMs(atimeMs); this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs); this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
for (const m of ['isDirectory', 'isFile', 'isBlockDevice', 'isCharacterDevice', 'isSymbolicLink',
  'isFIFO', 'isSocket']) {
  const mask = { isDirectory: S_IFDIR, isFile: S_IFREG, isBlockDevice: S_IFBLK, isCharacterDevice: S_IFCHR,
    isSymbolicLink: S_IFLNK, isFIFO: S_IFIFO, isSocket: S_IFSOCK }[m];
  Object.defineProperty(BigIntStats.prototype, m, {
    value() { return (Number(this.mode) & S_IFMT) === mask; }, writable: true, configurable: true,
  });
}

// fs.statfs's result, from binding('fs').statfs's [type, bsize, blocks, bfree, bavail, files, ffree]
class StatFs {
  constructor(arr, bigint) {
    const v = bigint ? (x) => BigInt(x) : (x) => x;
    this.type = v(arr[0]);
    this.bsize = v(arr[1]);
    this.blocks = v(arr[2]);
    this.bfree = v(arr[3]);
    this.bavail = v(arr[4]);
    this.files = v(arr[5]);
    this.ffree = v(arr[6]);
  }
}

function getStats(arr, bigint) {
  if (arr === undefined) return undefined;
  return bigint ? new BigIntStats(...arr) : new Stats(...arr);
}

// ---- Dirent ----------------------------------------------------------------
const kType = Symbol('type');
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }
  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

// Dirent type from an lstat mode, for file systems whose readdir reports "unknown".
function direntTypeFromMode(mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return UV_DIRENT_FILE;
    case S_IFDIR: return UV_DIRENT_DIR;
    case S_IFLNK: return UV_DIRENT_LINK;
    case S_IFIFO: return UV_DIRENT_FIFO;
    case S_IFSOCK: return UV_DIRENT_SOCKET;
    case S_IFCHR: return UV_DIRENT_CHAR;
    case S_IFBLK: return UV_DIRENT_BLOCK;
    default: return 0;
  }
}

// A readdir entry's type; "unknown" (0) is asked of lstat (0 again if that fails too).
function fixDirentType(dir, name, type) {
  if (type !== 0) return type;
  try { return direntTypeFromMode(fsb.lstat(pathModule.join(dir, name))[1]); } catch { return 0; }
}

// Node's SystemError shape, used for fs errors that are not a failed syscall (rm on a directory).
function systemError(key, prefix, ctx) {
  let message = `${prefix}: ${ctx.syscall} returned ${ctx.code} (${ctx.message})`;
  if (ctx.path !== undefined) message += ` ${ctx.path}`;
  if (ctx.dest !== undefined) message += ` => ${ctx.dest}`;
  const { makeNodeError } = require('internal/errors');
  const err = makeNodeError(Error, key, message);
  Object.defineProperty(err, 'name', { value: 'SystemError', writable: true, configurable: true });
  const define = (k, v) => Object.defineProperty(err, k, { value: v, enumerable: true, writable: true, configurable: true });
  define('info', ctx);
  define('errno', ctx.errno);
  define('syscall', ctx.syscall);
  if (ctx.path !== undefined) define('path', ctx.path);
  if (ctx.dest !== undefined) define('dest', ctx.dest);
  return err;
}

// What fs and fs/promises share: data to write as bytes, a name read back in an encoding.
function dataToBytes(data, encoding) {
  if (isArrayBufferView(data)) {
    return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  if (typeof data !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return encode(data, encoding);
}

function nameOut(name, encoding) {
  if (encoding === 'buffer') return toBuffer(fsb.utf8Encode(name));
  if (encoding && normalizeEncoding(encoding) !== 'utf8') return decode(fsb.utf8Encode(name), encoding);
  return name;
}

// mkdir's options (a mode, or { recursive, mode }), shared by fs and fs/promises.
function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) {
      recursive = options.recursive;
      validateBoolean(recursive, 'options.recursive');
    }
    if (options.mode !== undefined) mode = parseFileMode(options.mode, 'options.mode');
  }
  return { mode, recursive };
}

module.exports = {
  mkdirOptions, dataToBytes, nameOut,
  fsb, constants, getBuffer, isURL, isArrayBufferView, isUint8Array,
  normalizeEncoding, assertEncoding, toBuffer, decode, encode, getOptions,
  toPathIfFileURL, getValidatedPath, getValidatedFd, getValidMode, stringToFlags, parseFileMode, toUnixTimestamp,
  makeCallback, Stats, BigIntStats, getStats, Dirent, kType, direntTypeFromMode, fixDirentType, systemError, StatFs,
};
