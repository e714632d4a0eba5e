'use strict';
// The asynchronous file-system operations, shared by fs/promises and fs's
// callback API. Each `impl` function validates synchronously (throws) and
// returns a promise; the work runs on libuv's thread pool through the binding
// (a function as the last binding argument makes the call asynchronous).

const { codes, validateBoolean, validateInteger, validateObject } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_FS_FILE_TOO_LARGE } = codes;
const pathModule = require('path');
const utils = require('internal/fs/utils');
const {
  fsb, constants, isArrayBufferView, decode, encode, toBuffer, getOptions, getValidatedPath,
  getValidatedFd, stringToFlags, parseFileMode, toUnixTimestamp, getStats, Dirent,
  direntTypeFromMode, systemError, normalizeEncoding,
} = utils;
const { F_OK, O_RDWR, S_IFMT, S_IFDIR, S_IFREG, UV_DIRENT_DIR } = constants;

const kIoMaxLength = 2 ** 31 - 1;

// Runs binding function `fn` asynchronously: resolves with its result.
function call(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

function isFd(path) { return typeof path === 'number' && path >>> 0 === path; }
function isHandle(v) { return v instanceof FileHandle; }



async function readAll(fd) {
  const st = await call(fsb.fstat, fd);
  const size = (st[1] & S_IFMT) === S_IFREG ? st[8] : 0;
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  let buf = new Uint8Array(size > 0 ? size : 8192);
  let len = 0;
  for (;;) {
    if (len === buf.length) {
      if (size > 0 && len === size) {
        // Known size reached: one more read only to see EOF cheaply.
        const probe = new Uint8Array(8192);
        const n = await call(fsb.read, fd, probe, 0, probe.length, -1);
        if (n === 0) break;
        const grown = new Uint8Array(buf.length * 2 + n);
        grown.set(buf);
        grown.set(probe.subarray(0, n), len);
        buf = grown;
        len += n;
        continue;
      }
      const grown = new Uint8Array(buf.length * 2);
      grown.set(buf);
      buf = grown;
    }
    const n = await call(fsb.read, fd, buf, len, buf.length - len, -1);
    if (n === 0) break;
    len += n;
  }
  return buf.subarray(0, len);
}

async function writeAll(fd, bytes) {
  let off = 0;
  while (off < bytes.byteLength) off += await call(fsb.write, fd, bytes, off, bytes.byteLength - off, -1);
}

async function withFd(path, flags, mode, fn) {
  const fd = await call(fsb.open, path, flags, mode);
  try {
    return await fn(fd);
  } finally {
    await call(fsb.close, fd);
  }
}

// ---- impl: validate now, work later -------------------------------------------------
const impl = {};

impl.readFile = function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const enc = options.encoding;
  if (isHandle(path)) return readAll(path.fd).then((b) => decode(b, enc));
  if (isFd(path)) return readAll(path).then((b) => decode(b, enc));
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  return withFd(path, flags, 0o666, readAll).then((b) => decode(b, enc));
};

impl.writeFile = function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const bytes = utils.dataToBytes(data, options.encoding);
  if (isHandle(path)) return writeAll(path.fd, bytes);
  if (isFd(path)) return writeAll(path, bytes);
  path = getValidatedPath(path);
  const flags = stringToFlags(options.flag || 'w');
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  return withFd(path, flags, mode, (fd) => writeAll(fd, bytes));
};

impl.appendFile = function appendFile(path, data, options) {
  options = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!options.flag || isFd(path)) options.flag = 'a';
  return impl.writeFile(path, data, options);
};

impl.open = function open(path, flags, mode) {
  path = getValidatedPath(path);
  return call(fsb.open, path, stringToFlags(flags), parseFileMode(mode, 'mode', 0o666));
};
impl.close = function close(fd) { return call(fsb.close, getValidatedFd(fd)); };

function statImpl(fn, name) {
  return {
    [name](path, options = { bigint: false }) {
      path = name === 'fstat' ? getValidatedFd(path) : getValidatedPath(path);
      return call(fn, path).then((a) => getStats(a, options?.bigint));
    },
  }[name];
}
impl.stat = statImpl(fsb.stat, 'stat');
impl.statfs = function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return call(fsb.statfs, path).then((a) => new utils.StatFs(a, options?.bigint));
};
impl.lstat = statImpl(fsb.lstat, 'lstat');
impl.fstat = statImpl(fsb.fstat, 'fstat');

impl.access = function access(path, mode) {
  path = getValidatedPath(path);
  return call(fsb.access, path, utils.getValidMode(mode, F_OK));
};

impl.unlink = function unlink(path) { return call(fsb.unlink, getValidatedPath(path)); };
impl.rename = function rename(oldPath, newPath) {
  return call(fsb.rename, getValidatedPath(oldPath, 'oldPath'), getValidatedPath(newPath, 'newPath'));
};
impl.copyFile = function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return call(fsb.copyfile, src, dest, utils.getValidMode(mode, 0));
};
impl.link = function link(existingPath, newPath) {
  return call(fsb.link, getValidatedPath(existingPath, 'existingPath'), getValidatedPath(newPath, 'newPath'));
};
impl.symlink = function symlink(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return call(fsb.symlink, target, path, type === 'dir' ? constants.UV_FS_SYMLINK_DIR : 0);
};
impl.readlink = function readlink(path, options) {
  options = getOptions(options);
  return call(fsb.readlink, getValidatedPath(path, 'oldPath')).then((s) => utils.nameOut(s, options.encoding));
};
impl.realpath = function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  // The sync version reproduces Node's lstat-style errors; reuse it on failure.
  return call(fsb.realpathNative, path).then((s) => utils.nameOut(s, options.encoding),
    () => require('fs').realpathSync(path, options));
};
impl.mkdtemp = function mkdtemp(prefix, options) {
  options = getOptions(options);
  if (typeof prefix !== 'string' && !(prefix instanceof Uint8Array) && !utils.isURL(prefix)) {
    throw new ERR_INVALID_ARG_TYPE('prefix', ['string', 'Buffer', 'URL'], prefix);
  }
  prefix = getValidatedPath(prefix, 'prefix');
  return call(fsb.mkdtemp, prefix).then((s) => utils.nameOut(s, options.encoding));
};
impl.chmod = function chmod(path, mode) {
  return call(fsb.chmod, getValidatedPath(path), parseFileMode(mode, 'mode'));
};
impl.fchmod = function fchmod(fd, mode) {
  return call(fsb.fchmod, getValidatedFd(fd), parseFileMode(mode, 'mode'));
};
function ids(uid, gid) {
  validateInteger(uid, 'uid', -1, 4294967295);
  validateInteger(gid, 'gid', -1, 4294967295);
}
impl.chown = function chown(path, uid, gid) {
  path = getValidatedPath(path); ids(uid, gid);
  return call(fsb.chown, path, uid, gid, true);
};
impl.lchown = function lchown(path, uid, gid) {
  path = getValidatedPath(path); ids(uid, gid);
  return call(fsb.chown, path, uid, gid, false);
};
impl.fchown = function fchown(fd, uid, gid) {
  fd = getValidatedFd(fd); ids(uid, gid);
  return call(fsb.fchown, fd, uid, gid);
};
impl.utimes = function utimes(path, atime, mtime) {
  return call(fsb.utimes, getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), 0);
};
impl.lutimes = function lutimes(path, atime, mtime) {
  return call(fsb.utimes, getValidatedPath(path), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), 1);
};
impl.futimes = function futimes(fd, atime, mtime) {
  return call(fsb.futimes, getValidatedFd(fd), toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
};
impl.fsync = function fsync(fd) { return call(fsb.fsync, getValidatedFd(fd)); };
impl.fdatasync = function fdatasync(fd) { return call(fsb.fdatasync, getValidatedFd(fd)); };
function lenArg(len) {
  if (len == null) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}
impl.ftruncate = function ftruncate(fd, len) { return call(fsb.ftruncate, getValidatedFd(fd), lenArg(len)); };
impl.truncate = function truncate(path, len) {
  if (isFd(path)) return impl.ftruncate(path, len);
  path = getValidatedPath(path);
  len = lenArg(len);
  return withFd(path, O_RDWR, 0o666, (fd) => call(fsb.ftruncate, fd, len));
};

async function direntType(dir, name, type) {
  if (type !== 0) return type;
  try { return direntTypeFromMode((await call(fsb.lstat, pathModule.join(dir, name)))[1]); } catch { return 0; }
}

impl.readdir = function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) validateBoolean(options.recursive, 'options.recursive');
  const withTypes = Boolean(options.withFileTypes);
  const enc = options.encoding;
  if (!options.recursive) {
    return call(fsb.readdir, path, withTypes).then(async (res) => {
      if (!withTypes) return res.map((n) => utils.nameOut(n, enc));
      const [names, types] = res;
      const out = [];
      for (let i = 0; i < names.length; i++) {
        out.push(new Dirent(utils.nameOut(names[i], enc), await direntType(path, names[i], types[i]), path));
      }
      return out;
    });
  }
  return (async () => {
    const out = [];
    const queue = [path];
    for (let q = 0; q < queue.length; q++) {
      const dir = queue[q];
      const [names, types] = await call(fsb.readdir, dir, true);
      for (let i = 0; i < names.length; i++) {
        const type = await direntType(dir, names[i], types[i]);
        const full = pathModule.join(dir, names[i]);
        if (withTypes) out.push(new Dirent(utils.nameOut(names[i], enc), type, dir));
        else out.push(utils.nameOut(pathModule.relative(path, full), enc));
        if (type === UV_DIRENT_DIR) queue.push(full);
      }
    }
    return out;
  })();
};

async function isDir(p) {
  try { return ((await call(fsb.stat, p))[1] & S_IFMT) === S_IFDIR; } catch { return false; }
}

async function mkdirp(path, mode) {
  try {
    await call(fsb.mkdir, path, mode);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      if (await isDir(path)) return undefined;
      throw err;
    }
    const parent = pathModule.dirname(path);
    if (err.code !== 'ENOENT' || parent === path) throw err;
    const first = await mkdirp(parent, mode);
    try {
      await call(fsb.mkdir, path, mode);
    } catch (e) {
      if (e.code !== 'EEXIST' || !(await isDir(path))) throw e;
    }
    return first ?? path;
  }
}

impl.mkdir = function mkdir(path, options) {
  const { mode, recursive } = utils.mkdirOptions(options);
  path = getValidatedPath(path);
  if (!recursive) return call(fsb.mkdir, path, mode).then(() => undefined);
  return mkdirp(path, mode).catch((err) => {
    if (err.syscall === 'mkdir' && err.path !== path) {
      const at = err.message.indexOf(', mkdir \'');
      if (at !== -1) err.message = `${err.message.slice(0, at)}, mkdir '${path}'`;
      err.path = path;
    }
    throw err;
  });
};

const defaultRmOptions = { recursive: false, force: false, retryDelay: 100, maxRetries: 0 };
function rmOptions(options, defaults = defaultRmOptions) {
  if (options === undefined) return defaults;
  validateObject(options, 'options');
  options = { ...defaults, ...options };
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.force, 'options.force');
  return options;
}

async function rimraf(path) {
  let st;
  try {
    st = await call(fsb.lstat, path);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  try {
    if ((st[1] & S_IFMT) === S_IFDIR) await rmdirTree(path);
    else await call(fsb.unlink, path);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
}

async function rmdirTree(path) {
  try {
    await call(fsb.rmdir, path);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST' && err.code !== 'EPERM') throw err;
    for (const child of await call(fsb.readdir, path, false)) await rimraf(pathModule.join(path, child));
    await call(fsb.rmdir, path);
  }
}

impl.rm = function rm(path, options) {
  path = getValidatedPath(path);
  options = rmOptions(options);
  return (async () => {
    if (!options.force || !options.recursive) {
      let st;
      try {
        st = await call(fsb.lstat, path);
      } catch (err) {
        if (options.force && err.code === 'ENOENT') return;
        throw err;
      }
      if ((st[1] & S_IFMT) === S_IFDIR && !options.recursive) {
        throw systemError('ERR_FS_EISDIR', 'Path is a directory',
          { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 });
      }
    }
    await rimraf(path);
  })();
};

impl.rmdir = function rmdir(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    rmOptions(options);
    return (async () => {
      if (await isDir(path)) return rimraf(path);
      return call(fsb.rmdir, path);
    })();
  }
  return call(fsb.rmdir, path);
};

// ---- FileHandle (fs/promises open) ----------------------------------------------
const kFd = Symbol('kFd');
const kBusy = Symbol('kBusy'); // operations in progress (a close counts): it cannot move then
const handles = new WeakSet(); // this realm's FileHandles, told apart without running user code
class FileHandle {
  constructor(fd) {
    this[kFd] = fd;
    this[kBusy] = 0;
    handles.add(this);
  }
  get fd() { return this[kFd]; }
  getAsyncId() { return -1; }
  async close() {
    if (this[kFd] === -1) return;
    const fd = this[kFd];
    this[kFd] = -1;
    this[kBusy]++;
    try {
      await call(fsb.close, fd);
    } finally {
      this[kBusy]--;
    }
  }
  async read(buffer, offset, length, position) {
    if (buffer != null && typeof buffer === 'object' && !isArrayBufferView(buffer)) {
      ({ buffer, offset, length, position } = buffer);
    }
    buffer ??= toBuffer(new ArrayBuffer(16384));
    offset ??= 0;
    length ??= buffer.byteLength - offset;
    const n = length === 0 ? 0 : await call(fsb.read, this[kFd], buffer, offset, length,
      position == null ? -1 : Number(position));
    return { __proto__: null, bytesRead: n, buffer };
  }
  async write(data, offsetOrPosition, lengthOrEncoding, position) {
    if (typeof data === 'string') {
      const bytes = encode(data, typeof lengthOrEncoding === 'string' ? lengthOrEncoding : 'utf8');
      const n = await call(fsb.write, this[kFd], bytes, 0, bytes.byteLength,
        typeof offsetOrPosition === 'number' ? offsetOrPosition : -1);
      return { __proto__: null, bytesWritten: n, buffer: data };
    }
    if (!isArrayBufferView(data)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
    }
    const offset = offsetOrPosition ?? 0;
    const length = lengthOrEncoding ?? data.byteLength - offset;
    const n = await call(fsb.write, this[kFd], data, offset, length, position == null ? -1 : position);
    return { __proto__: null, bytesWritten: n, buffer: data };
  }
  readFile(options) { return impl.readFile(this, options); }
  writeFile(data, options) { return impl.writeFile(this, data, options); }
  appendFile(data, options) { return impl.writeFile(this, data, options); }
  stat(options) { return impl.fstat(this[kFd], options); }
  truncate(len) { return impl.ftruncate(this[kFd], len); }
  sync() { return impl.fsync(this[kFd]); }
  datasync() { return impl.fdatasync(this[kFd]); }
  chmod(mode) { return impl.fchmod(this[kFd], mode); }
  chown(uid, gid) { return impl.fchown(this[kFd], uid, gid); }
  utimes(atime, mtime) { return impl.futimes(this[kFd], atime, mtime); }
}
// An operation keeps its handle busy until it settles (node: a busy handle cannot move).
for (const name of ['read', 'write', 'readFile', 'writeFile', 'appendFile', 'stat', 'truncate', 'sync',
  'datasync', 'chmod', 'chown', 'utimes']) {
  const op = FileHandle.prototype[name];
  if (typeof op !== 'function') continue;
  Object.defineProperty(FileHandle.prototype, name, {
    __proto__: null, writable: true, configurable: true,
    value: { async [name](...args) {
      this[kBusy]++;
      try {
        return await op.apply(this, args);
      } finally {
        this[kBusy]--;
      }
    } }[name],
  });
}
if (Symbol.asyncDispose) FileHandle.prototype[Symbol.asyncDispose] = FileHandle.prototype.close;

// A FileHandle in a transfer list moves to the receiver with its descriptor (C: the clone
// codec through mod_fs; the numbers are SP_CLONE_FH_*).
const FH_NONE = 0, FH_READY = 1, FH_IN_USE = 2, FH_CLOSED = 3;
function classifyForTransfer(o) {
  if (!handles.has(o)) return FH_NONE;
  if (o[kBusy] > 0) return FH_IN_USE;
  return o[kFd] === -1 ? FH_CLOSED : FH_READY;
}
fsb.setFileHandleHooks({
  classify: classifyForTransfer,
  // the sender's handle gives its descriptor up (reads -1, as a closed one) without closing it
  detach(o) {
    if (classifyForTransfer(o) !== FH_READY) return -1; // busy since the list was read
    const fd = o[kFd];
    o[kFd] = -1;
    return fd;
  },
  attach(fd) { return new FileHandle(fd); },
});

function openHandle(path, flags, mode) {
  return impl.open(path, flags, mode).then((fd) => new FileHandle(fd));
}

module.exports = { impl, call, FileHandle, openHandle };
