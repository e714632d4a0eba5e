'use strict';
// fs.watch and fs.FSWatcher (binding('fswatch'): libuv's fs events, inotify): 'change'
// with ('rename' | 'change', filename), 'error', 'close'; persistent: false unrefs it;
// a signal closes it. Not there: recursive (node watches a tree on Linux by walking it).

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const native = binding('fswatch');
const {
  codes: { ERR_INVALID_ARG_TYPE },
  makeNodeError, validateFunction, validateObject,
} = require('internal/errors');

const uvNames = { [-2]: ['ENOENT', 'no such file or directory'], [-13]: ['EACCES', 'permission denied'],
  [-20]: ['ENOTDIR', 'not a directory'], [-28]: ['ENOSPC', 'no space left on device'],
  [-24]: ['EMFILE', 'too many open files'] };

function watchError(errno, filename) {
  const [code, text] = uvNames[errno] || [`E${-errno}`, 'unknown error'];
  const err = new Error(`${code}: ${text}, watch${filename === undefined ? '' : ` '${filename}'`}`);
  err.errno = errno;
  err.code = code;
  err.syscall = 'watch';
  if (filename !== undefined) err.filename = filename;
  return err;
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = null;
  }

  start(filename, persistent, encoding) {
    const handle = native.watch(filename, (eventType, name, errno) => {
      if (errno) {
        this.emit('error', watchError(errno));
        this.close();
        return;
      }
      if (name !== null && encoding === 'buffer') name = Buffer.from(name);
      this.emit('change', eventType, name);
    });
    if (typeof handle === 'number') throw watchError(handle, filename);
    this._handle = handle;
    if (!persistent) native.setRef(handle, false);
  }

  close() {
    if (this._handle === null) return;
    native.close(this._handle);
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this._handle !== null) native.setRef(this._handle, true);
    return this;
  }

  unref() {
    if (this._handle !== null) native.setRef(this._handle, false);
    return this;
  }
}

function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = {};
  }
  if (typeof options === 'string') options = { encoding: options };
  if (options == null) options = {};
  validateObject(options, 'options');
  if (filename instanceof URL) filename = require('url').fileURLToPath(filename);
  else if (Buffer.isBuffer(filename)) filename = filename.toString();
  if (typeof filename !== 'string') throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], filename);
  if (options.recursive) {
    throw makeNodeError(Error, 'ERR_SPINDLE_UNSUPPORTED', 'fs.watch() with recursive: true is not supported by spindle yet');
  }
  const watcher = new FSWatcher();
  watcher.start(filename, options.persistent !== false, options.encoding);
  if (listener !== undefined) {
    validateFunction(listener, 'listener');
    watcher.addListener('change', listener);
  }
  if (options.signal) {
    if (options.signal.aborted) process.nextTick(() => watcher.close());
    else options.signal.addEventListener('abort', () => watcher.close(), { once: true });
  }
  return watcher;
}

module.exports = { FSWatcher, watch };
