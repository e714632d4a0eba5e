'use strict';
// fs: the synchronous API is implemented here over binding('fs'); the
// callback API runs the same async implementations as fs/promises
// (internal/fs/promises, libuv's thread pool underneath) and calls back on a
// later tick, so validation errors still throw synchronously as in Node.

const {
  codes, validateBoolean, validateInteger, validateInt32, validateObject, validateString,
} = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE } = codes;
const pathModule = require('path');
const utils = require('internal/fs/utils');
const {
  fsb, constants, isArrayBufferView, decode, encode, toBuffer, getOptions, getValidatedPath,
  getValidatedFd, stringToFlags, parseFileMode, toUnixTimestamp, getStats, Stats, Dirent,
  fixDirentType, systemError, normalizeEncoding,
} = utils;
const { F_OK, R_OK, W_OK, X_OK, O_RDWR, S_IFMT, S_IFDIR, UV_DIRENT_DIR } = constants;

// ---- open / close / read / write -------------------------------------------
function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return fsb.open(path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
}

function closeSync(fd) {
  fsb.close(getValidatedFd(fd));
}

function validateBuffer(buffer, name = 'buffer') {
  if (!isArrayBufferView(buffer)) throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], buffer);
}

function validatePosition(position, name) {
  if (typeof position === 'bigint') position = Number(position);
  if (position == null) return -1;
  validateInteger(position, name, -1);
  return position;
}

// Normalises read(fd, buffer, offset, length, position) and the options-object form.
function readArgs(fd, buffer, offsetOrOptions, length, position, argc) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  let offset = offsetOrOptions;
  if (argc <= 3 || (offsetOrOptions !== null && typeof offsetOrOptions === 'object')) {
    if (offsetOrOptions !== undefined) validateObject(offsetOrOptions, 'options', { nullable: true });
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return { fd, buffer, offset, length: 0, position: -1 };
  if (buffer.byteLength === 0) throw new ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > buffer.byteLength) throw new ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
  return { fd, buffer, offset, length, position: validatePosition(position, 'position') };
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  const a = readArgs(fd, buffer, offsetOrOptions, length, position, arguments.length);
  if (a.length === 0) return 0;
  return fsb.read(a.fd, a.buffer, a.offset, a.length, a.position);
}

// Normalises write(fd, buffer, ...) / write(fd, string, position, encoding): { fd, buffer, offset, length, position }.
function writeArgs(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (offset !== null && typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    if (offset > buffer.byteLength) throw new ERR_OUT_OF_RANGE('offset', `<= ${buffer.byteLength}`, offset);
    if (length > buffer.byteLength - offset) {
      throw new ERR_OUT_OF_RANGE('length', `<= ${buffer.byteLength - offset}`, length);
    }
    if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
    validateInt32(length, 'length', 0);
    return { fd, buffer, offset, length, position: position == null ? -1 : position };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  // string form: (fd, string, position, encoding)
  const encoding = length;
  if (encoding != null && typeof encoding === 'string' && normalizeEncoding(encoding) === undefined) {
    throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  }
  const bytes = encode(buffer, typeof encoding === 'string' ? encoding : 'utf8');
  const pos = typeof offsetOrOptions === 'number' ? offsetOrOptions : -1;
  return { fd, buffer: bytes, offset: 0, length: bytes.byteLength, position: pos };
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  const a = writeArgs(fd, buffer, offsetOrOptions, length, position);
  return fsb.write(a.fd, a.buffer, a.offset, a.length, a.position);
}

// ---- whole files -------------------------------------------------------------
function isFd(path) { return typeof path === 'number' && path >>> 0 === path; }

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const target = isFd(path) ? path : getValidatedPath(path);
  return decode(fsb.readFile(target, stringToFlags(options.flag)), options.encoding);
}


function writeAll(fd, bytes) {
  let off = 0;
  while (off < bytes.byteLength) off += fsb.write(fd, bytes, off, bytes.byteLength - off, -1);
}

function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = utils.dataToBytes(data, options.encoding);
  if (isFd(path)) return writeAll(path, bytes);
  const fd = fsb.open(getValidatedPath(path), stringToFlags(options.flag || 'w'),
    parseFileMode(options.mode, 'mode', 0o666));
  try {
    writeAll(fd, bytes);
  } finally {
    fsb.close(fd);
  }
}

function appendFileSync(path, data, options) {
  options = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFileSync(path, data, options);
}

// ---- metadata -------------------------------------------------------------------
function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return new utils.StatFs(fsb.statfs(path), options?.bigint);
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  let arr;
  try {
    arr = fsb.stat(path);
  } catch (err) {
    if (options?.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
  return getStats(arr, options?.bigint);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  let arr;
  try {
    arr = fsb.lstat(path);
  } catch (err) {
    if (options?.throwIfNoEntry === false && err.code === 'ENOENT') return undefined;
    throw err;
  }
  return getStats(arr, options?.bigint);
}

function fstatSync(fd, options = { bigint: false }) {
  return getStats(fsb.fstat(getValidatedFd(fd)), options?.bigint);
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
    fsb.access(path, F_OK);
    return true;
  } catch {
    return false;
  }
}

function accessSync(path, mode) {
  fsb.access(getValidatedPath(path), utils.getValidMode(mode, F_OK));
}

function chmodSync(path, mode) {
  fsb.chmod(getValidatedPath(path), parseFileMode(mode, 'mode'));
}
function fchmodSync(fd, mode) {
  fsb.fchmod(getValidatedFd(fd), parseFileMode(mode, 'mode'));
}
function lchmodSync() {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

function validateId(id, name) { validateInteger(id, name, -1, 4294967295); }
function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateId(uid, 'uid'); validateId(gid, 'gid');
  fsb.chown(path, uid, gid, true);
}
function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateId(uid, 'uid'); validateId(gid, 'gid');
  fsb.chown(path, uid, gid, false);
}
function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateId(uid, 'uid'); validateId(gid, 'gid');
  fsb.fchown(fd, uid, gid);
}

function utimesSync(path, atime, mtime) {
  fsb.utimes(getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), 0);
}
function lutimesSync(path, atime, mtime) {
  fsb.utimes(getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), 1);
}
function futimesSync(fd, atime, mtime) {
  fsb.futimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
}

function fsyncSync(fd) { fsb.fsync(getValidatedFd(fd)); }
function fdatasyncSync(fd) { fsb.fdatasync(getValidatedFd(fd)); }

function validateLen(len) {
  if (len == null) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}
function ftruncateSync(fd, len = 0) {
  fsb.ftruncate(getValidatedFd(fd), validateLen(len));
}
function truncateSync(path, len) {
  if (isFd(path)) return ftruncateSync(path, len);
  len = validateLen(len);
  const fd = fsb.open(getValidatedPath(path), O_RDWR, 0o666);
  try {
    fsb.ftruncate(fd, len);
  } finally {
    fsb.close(fd);
  }
}

// ---- directories ------------------------------------------------------------

function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  const withTypes = Boolean(options.withFileTypes);
  if (!options.recursive) {
    const res = fsb.readdir(path, withTypes);
    if (!withTypes) return res.map((n) => utils.nameOut(n, options.encoding));
    const [names, types] = res;
    return names.map((n, i) => new Dirent(utils.nameOut(n, options.encoding), fixDirentType(path, n, types[i]), path));
  }
  // Breadth-first, as Node lists a tree.
  const out = [];
  const queue = [path];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const [names, types] = fsb.readdir(dir, true);
    for (let i = 0; i < names.length; i++) {
      const type = fixDirentType(dir, names[i], types[i]);
      const full = pathModule.join(dir, names[i]);
      if (withTypes) out.push(new Dirent(utils.nameOut(names[i], options.encoding), type, dir));
      else out.push(utils.nameOut(pathModule.relative(path, full), options.encoding));
      if (type === UV_DIRENT_DIR) queue.push(full);
    }
  }
  return out;
}


function isDirSync(p) {
  try { return (fsb.stat(p)[1] & S_IFMT) === S_IFDIR; } catch { return false; }
}

// mkdir -p: returns the first directory created; errors name the path asked for.
function mkdirpSync(path, mode) {
  try {
    fsb.mkdir(path, mode);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      if (isDirSync(path)) return undefined;
      throw err;
    }
    const parent = pathModule.dirname(path);
    if (err.code !== 'ENOENT' || parent === path) throw err;
    const first = mkdirpSync(parent, mode);
    try {
      fsb.mkdir(path, mode);
    } catch (e) {
      if (e.code !== 'EEXIST' || !isDirSync(path)) throw e;
    }
    return first ?? path;
  }
}

function renameSysPath(err, syscall, path) {
  if (err && typeof err.message === 'string' && err.syscall === syscall && err.path !== path) {
    const at = err.message.indexOf(`, ${syscall} '`);
    if (at !== -1) err.message = `${err.message.slice(0, at)}, ${syscall} '${path}'`;
    err.path = path;
  }
  return err;
}

function mkdirSync(path, options) {
  const { mode, recursive } = utils.mkdirOptions(options);
  path = getValidatedPath(path);
  if (!recursive) {
    fsb.mkdir(path, mode);
    return undefined;
  }
  try {
    return mkdirpSync(path, mode);
  } catch (err) {
    throw renameSysPath(err, 'mkdir', path);
  }
}

function validatePrefix(prefix) {
  if (typeof prefix === 'string') return prefix;
  if (prefix instanceof Uint8Array) return getValidatedPath(prefix, 'prefix');
  throw new ERR_INVALID_ARG_TYPE('prefix', ['string', 'Buffer', 'URL'], prefix);
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(validatePrefix(utils.toPathIfFileURL(prefix)), 'prefix');
  return utils.nameOut(fsb.mkdtemp(prefix), options.encoding);
}

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };

function validateRmOptions(options, defaults = defaultRmOptions) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateInt32(options.retryDelay, 'options.retryDelay', 0);
  validateInt32(options.maxRetries, 'options.maxRetries', 0);
  return options;
}

function rimrafSync(path, options) {
  let st;
  try {
    st = fsb.lstat(path);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  try {
    if ((st[1] & S_IFMT) === S_IFDIR) rmdirRecursiveSync(path, options, null);
    else fsb.unlink(path);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code !== 'EISDIR') throw err;
    rmdirRecursiveSync(path, options, err);
  }
}

function rmdirRecursiveSync(path, options, originalErr) {
  try {
    fsb.rmdir(path);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code === 'ENOTDIR') throw originalErr || err;
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST' && err.code !== 'EPERM') throw err;
    if (!options.recursive) throw err;
    for (const child of fsb.readdir(path, false)) rimrafSync(pathModule.join(path, child), options);
    fsb.rmdir(path);
  }
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptions(options);
  validateBoolean(options.force, 'options.force');
  if (!options.force || !options.recursive) {
    let st;
    try {
      st = fsb.lstat(path);
    } catch (err) {
      if (options.force && err.code === 'ENOENT') return;
      throw err;
    }
    if ((st[1] & S_IFMT) === S_IFDIR && !options.recursive) {
      throw systemError('ERR_FS_EISDIR', 'Path is a directory',
        { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 });
    }
  }
  rimrafSync(path, options);
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    options = validateRmOptions(options, { ...defaultRmOptions, recursive: true });
    let st;
    try { st = fsb.stat(path); } catch { st = null; }
    if (st && (st[1] & S_IFMT) === S_IFDIR) return rimrafSync(path, options);
  } else if (options !== undefined) {
    validateRmOptions(options);
  }
  fsb.rmdir(path);
}

function unlinkSync(path) { fsb.unlink(getValidatedPath(path)); }

function renameSync(oldPath, newPath) {
  fsb.rename(getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'));
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  fsb.copyfile(src, dest, utils.getValidMode(mode, 0));
}

function linkSync(existingPath, newPath) {
  fsb.link(getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
}

function symlinkSync(target, path, type) {
  if (type != null && typeof type !== 'string') validateString(type, 'type');
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  fsb.symlink(target, path, type === 'dir' ? constants.UV_FS_SYMLINK_DIR : 0);
}

function readlinkSync(path, options) {
  options = getOptions(options);
  return utils.nameOut(fsb.readlink(getValidatedPath(path, 'oldPath')), options.encoding);
}

// Node's JS realpath reports the first component that fails to lstat (or stat, for a link).
function realpathError(path, err) {
  const abs = pathModule.resolve(path);
  let cur = '/';
  for (const part of abs.split('/')) {
    if (part === '') continue;
    cur = pathModule.join(cur, part);
    let st;
    try { st = fsb.lstat(cur); } catch (e) { return e; }
    // a link is followed with stat(), which is what fails for a dangling one
    if ((st[1] & S_IFMT) === constants.S_IFLNK) {
      try { fsb.stat(cur); } catch (e) { return e; }
    }
  }
  return err;
}

function realpathSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  try {
    return utils.nameOut(fsb.realpathNative(path), options.encoding);
  } catch (err) {
    throw realpathError(path, err);
  }
}
realpathSync.native = function realpathSync(path, options) {
  options = getOptions(options);
  return utils.nameOut(fsb.realpathNative(getValidatedPath(path)), options.encoding);
};

// ---- callback API ----------------------------------------------------------------
let promisesImpl;
function impl() {
  promisesImpl ??= require('internal/fs/promises');
  return promisesImpl.impl;
}

// fs.name(...args, cb) over impl.name(...args) -> Promise. Arguments are
// validated synchronously (impl throws), the callback runs on a later tick.
// `cbAt` is the callback's position; when the argument before it is optional
// a missing callback is reported the way Node does (`callback ||= options`)
// for the few functions that do that.
function callbackApi(name, cbAt, optionalBefore) {
  return {
    [name](...args) {
      let cb;
      if (typeof args[args.length - 1] === 'function') {
        cb = args.pop();
      } else if (name === 'close') {
        cb = () => {};
      } else {
        const received = optionalBefore ? (args[cbAt] || args[cbAt - 1]) : args[cbAt];
        throw new ERR_INVALID_ARG_TYPE('cb', 'Function', received);
      }
      impl()[name](...args).then(
        (v) => process.nextTick(cb, null, v),
        (e) => process.nextTick(cb, e));
    },
  }[name];
}

// name: [callback position, whether the argument before it is optional]
const callbackTable = {
  access: [2, false], appendFile: [3, true], chmod: [2, false], chown: [3, false], close: [1, false],
  copyFile: [3, false], fchmod: [2, false], fchown: [3, false], fdatasync: [1, false], fstat: [2, false],
  fsync: [1, false], ftruncate: [2, false], futimes: [3, false], lchown: [3, false], link: [2, false],
  lstat: [2, false], lutimes: [3, false], mkdir: [2, false], mkdtemp: [2, false], open: [3, false],
  readdir: [2, false], readFile: [2, true], readlink: [2, false], realpath: [2, false], rename: [2, false],
  rm: [2, false], rmdir: [2, false], stat: [2, false], statfs: [2, false], symlink: [3, true], truncate: [2, false],
  unlink: [1, false], utimes: [3, false], writeFile: [3, true],
};

const fs = module.exports = {
  appendFileSync, accessSync, chownSync, chmodSync, closeSync, copyFileSync, existsSync,
  fchownSync, fchmodSync, fdatasyncSync, fstatSync, fsyncSync, ftruncateSync, futimesSync,
  lchownSync, lchmodSync, linkSync, lstatSync, lutimesSync, mkdirSync, mkdtempSync, openSync,
  readdirSync, readSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, rmdirSync,
  statSync, statfsSync, symlinkSync, truncateSync, unlinkSync, utimesSync, writeFileSync, writeSync,
  Dirent, Stats, F_OK, R_OK, W_OK, X_OK, constants,
  _toUnixTimestamp: toUnixTimestamp,
};
for (const name of Object.keys(callbackTable)) fs[name] = callbackApi(name, ...callbackTable[name]);

// read/write call back with (err, bytes, buffer) rather than one value.
fs.read = function read(fd, buffer, offsetOrOptions, length, position, cb) {
  const args = Array.prototype.slice.call(arguments);
  cb = args.pop();
  if (typeof cb !== 'function') throw new ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  if (args.length === 1 || (args.length === 2 && !isArrayBufferView(args[1]))) {
    // read(fd, [options], cb): Node allocates a 16 KiB buffer
    const opts = args[1] ?? {};
    const buf = opts.buffer ?? toBuffer(new ArrayBuffer(16384));
    args[1] = buf;
    args[2] = { offset: opts.offset, length: opts.length, position: opts.position };
  }
  const a = readArgs(args[0], args[1], args[2], args[3], args[4], args.length);
  if (a.length === 0) return process.nextTick(cb, null, 0, a.buffer);
  fsb.read(a.fd, a.buffer, a.offset, a.length, a.position, (err, n) => {
    if (err) cb(err); else cb(null, n, a.buffer);
  });
};
fs.write = function write(fd, buffer, offsetOrOptions, length, position, cb) {
  const args = Array.prototype.slice.call(arguments);
  cb = args.pop();
  if (typeof cb !== 'function') throw new ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  const a = writeArgs(args[0], args[1], args[2], args[3], args[4]);
  fsb.write(a.fd, a.buffer, a.offset, a.length, a.position, (err, n) => {
    if (err) cb(err); else cb(null, n, buffer);
  });
};
// writev/readv: the buffers as one write (a gather through a joined copy) or one read
// scattered into them; node's argument checks. position: a number, else the file's offset.
function checkBuffers(buffers) {
  if (!Array.isArray(buffers) || !buffers.every(isArrayBufferView)) {
    throw new ERR_INVALID_ARG_TYPE('buffers', 'ArrayBufferView[]', buffers);
  }
}
function joined(buffers) {
  return Buffer.concat(buffers.map((b) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength))));
}
function scatter(buffers, from, n) {
  let at = 0;
  for (const b of buffers) {
    if (at >= n) break;
    const take = Math.min(b.byteLength, n - at);
    new Uint8Array(b.buffer, b.byteOffset, take).set(from.subarray(at, at + take));
    at += take;
  }
}
const totalLength = (buffers) => buffers.reduce((sum, b) => sum + b.byteLength, 0);
fs.writevSync = function writevSync(fd, buffers, position) {
  checkBuffers(buffers);
  const all = joined(buffers);
  return all.length === 0 ? 0 : writeSync(fd, all, 0, all.length, typeof position === 'number' ? position : null);
};
fs.writev = function writev(fd, buffers, position, cb) {
  if (typeof position === 'function') { cb = position; position = null; }
  if (typeof cb !== 'function') throw new ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  checkBuffers(buffers);
  const all = joined(buffers);
  if (all.length === 0) return process.nextTick(cb, null, 0, buffers);
  fs.write(fd, all, 0, all.length, typeof position === 'number' ? position : null,
    (err, n) => (err ? cb(err) : cb(null, n, buffers)));
};
fs.readvSync = function readvSync(fd, buffers, position) {
  checkBuffers(buffers);
  const tmp = Buffer.alloc(totalLength(buffers));
  const n = tmp.length === 0 ? 0 : readSync(fd, tmp, 0, tmp.length, typeof position === 'number' ? position : null);
  scatter(buffers, tmp, n);
  return n;
};
fs.readv = function readv(fd, buffers, position, cb) {
  if (typeof position === 'function') { cb = position; position = null; }
  if (typeof cb !== 'function') throw new ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  checkBuffers(buffers);
  const tmp = Buffer.alloc(totalLength(buffers));
  if (tmp.length === 0) return process.nextTick(cb, null, 0, buffers);
  fs.read(fd, tmp, 0, tmp.length, typeof position === 'number' ? position : null, (err, n) => {
    if (err) return cb(err);
    scatter(buffers, tmp, n);
    cb(null, n, buffers);
  });
};

fs.exists = function exists(path, cb) {
  if (typeof cb !== 'function') throw new ERR_INVALID_ARG_TYPE('cb', 'Function', cb);
  let p;
  try { p = getValidatedPath(path); } catch { return process.nextTick(cb, false); }
  fsb.access(p, F_OK, (err) => cb(!err));
};
fs.realpath.native = fs.realpath;

// fs.Dir and opendir live in internal/fs/dir, the file streams in internal/fs/streams
// (they bring the stream module), loaded on first use.
const lazy = {
  Dir: 'internal/fs/dir', opendir: 'internal/fs/dir', opendirSync: 'internal/fs/dir',
  ReadStream: 'internal/fs/streams', WriteStream: 'internal/fs/streams',
  createReadStream: 'internal/fs/streams', createWriteStream: 'internal/fs/streams',
  watch: 'internal/fs/watchers', watchFile: 'internal/fs/watchers', unwatchFile: 'internal/fs/watchers',
};
for (const name of Object.keys(lazy)) {
  Object.defineProperty(fs, name, {
    get() {
      const value = require(lazy[name])[name];
      Object.defineProperty(fs, name, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    set(value) { Object.defineProperty(fs, name, { value, writable: true, enumerable: true, configurable: true }); },
    enumerable: true,
    configurable: true,
  });
}

Object.defineProperty(fs, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('fs/promises'); },
});
