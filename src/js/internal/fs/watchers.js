'use strict';
// fs.watch and fs.FSWatcher (binding('fswatch'): libuv's fs events, inotify): 'change'
// with ('rename' | 'change', filename), 'error', 'close'; persistent: false unrefs it;
// a signal closes it. Not there: recursive (node watches a tree on Linux by walking it).
// Also fs.watchFile/unwatchFile (below), which poll.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const native = binding('fswatch');
const {
  codes: { ERR_INVALID_ARG_TYPE },
  makeNodeError, validateFunction, validateObject,
} = require('internal/errors');

// libuv's name and text for an errno (util.getSystemErrorName's source)
const { errname } = binding('util');

function watchError(errno, filename) {
  const [code, text] = errname(errno) || [`Unknown system error ${errno}`, 'unknown error'];
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

// ---- fs.watchFile / unwatchFile: polling with stat, as libuv's fs_poll does ------------
// One StatWatcher per resolved path. A stat that differs from the last one (times, size,
// mode, owner, inode, device) emits 'change' (current, previous); a failing stat emits
// once per new error, with zeroed stats for the current; the first successful stat only
// sets the baseline.
const { Stats, BigIntStats } = require('internal/fs/utils');
const statWatchers = new Map();

function zeroStats(bigint) {
  const zeros = new Array(14).fill(0);
  return bigint ? new BigIntStats(...zeros) : new Stats(...zeros);
}

function sameStats(a, b) {
  for (const k of ['ctimeMs', 'mtimeMs', 'birthtimeMs', 'size', 'mode', 'uid', 'gid', 'ino', 'dev']) {
    if (a[k] !== b[k]) return false;
  }
  return true;
}

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._bigint = !!bigint;
    this._timer = null;
    this._stopped = true;
    this._refs = 0;
    this._persistent = true;
  }

  _start(filename, persistent, interval) {
    const fs = require('fs');
    this._stopped = false;
    this._persistent = persistent;
    let prev = zeroStats(this._bigint);
    let state = 0; // 0: no stat yet; 1: the last one succeeded; < 0: it failed with that errno
    const poll = () => {
      const started = Date.now();
      fs.stat(filename, { bigint: this._bigint }, (err, stats) => {
        if (this._stopped) return;
        if (err) {
          if (state !== err.errno) {
            const zero = zeroStats(this._bigint);
            state = err.errno;
            this.emit('change', zero, prev);
            prev = zero;
          }
        } else {
          if (state !== 0 && (state < 0 || !sameStats(prev, stats))) this.emit('change', stats, prev);
          prev = stats;
          state = 1;
        }
        if (this._stopped) return;
        this._timer = setTimeout(poll, Math.max(0, interval - ((Date.now() - started) % interval)));
        if (!this._persistent) this._timer.unref();
      });
    };
    poll();
  }

  stop() {
    if (this._stopped) return;
    this._stopped = true;
    if (this._timer !== null) clearTimeout(this._timer);
    this._timer = null;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    this._persistent = true;
    if (this._timer !== null) this._timer.ref();
    return this;
  }

  unref() {
    this._persistent = false;
    if (this._timer !== null) this._timer.unref();
    return this;
  }
}

function watchPath(filename) {
  if (filename instanceof URL) filename = require('url').fileURLToPath(filename);
  else if (Buffer.isBuffer(filename)) filename = filename.toString();
  if (typeof filename !== 'string') throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], filename);
  return require('path').resolve(filename);
}

function watchFile(filename, options, listener) {
  filename = watchPath(filename);
  const defaults = { interval: 5007, persistent: true };
  if (options !== null && typeof options === 'object') {
    options = { ...defaults, ...options };
  } else {
    listener = options;
    options = defaults;
  }
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(filename);
  if (watcher === undefined) {
    watcher = new StatWatcher(options.bigint);
    watcher._start(filename, options.persistent, options.interval);
    statWatchers.set(filename, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  filename = watchPath(filename);
  const watcher = statWatchers.get(filename);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(filename);
  }
}

module.exports = { FSWatcher, watch, StatWatcher, watchFile, unwatchFile };
