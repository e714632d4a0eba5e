'use strict';
// fs.Dir, from fs.opendir / opendirSync / promises.opendir: a directory's entries handed
// out one at a time. The directory is listed whole when opened (node reads it in batches of
// bufferSize); only entries added or removed while it is open can tell the difference.

const fsb = binding('fs');
const { codes, validateFunction, validateUint32, validateBoolean } = require('internal/errors');
const { getOptions, getValidatedPath, Dirent, fixDirentType, nameOut } = require('internal/fs/utils');

class Dir {
  #path;
  #entries;
  #closed = false;

  constructor(path, entries) {
    this.#path = path;
    this.#entries = entries;
  }

  get path() { return this.#path; }

  readSync() {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    return this.#entries.length > 0 ? this.#entries.shift() : null;
  }

  read(callback) {
    if (callback === undefined) {
      try {
        return Promise.resolve(this.readSync());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    validateFunction(callback, 'callback');
    const entry = this.readSync(); // a closed Dir throws here, as node's
    process.nextTick(callback, null, entry);
  }

  closeSync() {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    this.#closed = true;
    this.#entries = [];
  }

  close(callback) {
    if (callback === undefined) {
      try {
        this.closeSync();
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    }
    validateFunction(callback, 'callback');
    let error = null;
    try {
      this.closeSync();
    } catch (err) {
      error = err;
    }
    process.nextTick(callback, error);
  }

  // The entries, then the Dir is closed (also when the loop is left early).
  async *entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.asyncIterator]() { return this.entries(); }
}

// A readdir error as node's opendir reports it: syscall 'opendir', and (sync) no path.
function opendirError(err, path, withPath) {
  const m = /^[A-Z0-9_]+: (.*), scandir/.exec(err.message);
  const description = m ? m[1] : err.message;
  const e = new Error(`${err.code}: ${description}, opendir${withPath ? ` '${path}'` : ''}`);
  e.errno = err.errno;
  e.code = err.code;
  e.syscall = 'opendir';
  if (withPath) e.path = path;
  return e;
}

function checkOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) validateUint32(options.bufferSize, 'options.bufferSize', true);
  if (options.recursive !== undefined) validateBoolean(options.recursive, 'options.recursive');
  return options;
}

function makeDir(path, [names, types], encoding) {
  return new Dir(path, names.map((n, i) => new Dirent(nameOut(n, encoding), fixDirentType(path, n, types[i]), path)));
}

function isSystemError(err) { return typeof err.code === 'string' && err.code.startsWith('E'); }

// Sync: an error without the path (as node's).
function opendirSync(path, options) {
  options = checkOptions(options);
  path = getValidatedPath(path);
  let listed;
  try {
    listed = fsb.readdir(path, true);
  } catch (err) {
    throw isSystemError(err) ? opendirError(err, path, false) : err;
  }
  return makeDir(path, listed, options.encoding);
}

// The listing runs on libuv's pool, as node's opendir does.
function opendir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  options = checkOptions(options);
  path = getValidatedPath(path);
  fsb.readdir(path, true, (err, listed) => {
    if (err) callback(isSystemError(err) ? opendirError(err, path, true) : err);
    else callback(null, makeDir(path, listed, options.encoding));
  });
}

function opendirPromise(path, options) {
  return new Promise((resolve, reject) => {
    opendir(path, options, (err, dir) => (err ? reject(err) : resolve(dir)));
  });
}

module.exports = { Dir, opendir, opendirSync, opendirPromise };
