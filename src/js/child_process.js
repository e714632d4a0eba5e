'use strict';
// child_process: spawn/exec/execFile and their Sync forms over libuv's process handles
// (binding('child')). A ChildProcess has node's fields and events ('spawn', 'error',
// 'exit', 'close'); its stdout/stderr are readable streams ('data', 'end', pipe,
// setEncoding, async iteration) and its stdin a writable one. Not there: fork() and
// the 'ipc' channel, stdio given as streams or descriptors other than the parent's own
// 0-2, and `signal`/`timeout` for the asynchronous forms.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const native = binding('child');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_SIGNAL, ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
  },
  makeNodeError, validateString, validateObject, validateInteger,
} = require('internal/errors');
const { ReadableWorkerStdio, WritableWorkerStdio } = require('internal/worker/stdio');

const STDIO_IGNORE = 0;
const STDIO_PIPE = 1;
const STDIO_INHERIT = 2;
const MAX_BUFFER = 1024 * 1024;

let signalNumbers;
function signals() {
  return signalNumbers ??= require('os').constants.signals;
}
function signalName(n) {
  if (!n) return null;
  for (const [name, num] of Object.entries(signals())) if (num === n) return name;
  return null;
}
// node's convertToValidSignal: a known name or number
function toSignal(sig) {
  if (typeof sig === 'number' && Object.values(signals()).includes(sig)) return sig;
  if (typeof sig === 'string' && signals()[sig.toUpperCase()] !== undefined) return signals()[sig.toUpperCase()];
  throw new ERR_UNKNOWN_SIGNAL(sig);
}

// libuv's name for an errno (util.getSystemErrorName's source)
const { errname } = binding('util');

function uvError(errno, syscall, path, spawnargs) {
  const [code] = errname(errno) || [`Unknown system error ${errno}`];
  const err = new Error(`${syscall} ${code}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (path !== undefined) err.path = path;
  if (spawnargs !== undefined) err.spawnargs = spawnargs;
  return err;
}

// ---- options, as node's normalizeSpawnArguments -------------------------------------
function stdioKinds(stdio) {
  if (stdio === undefined || stdio === null || stdio === 'pipe' || stdio === 'overlapped') {
    return [STDIO_PIPE, STDIO_PIPE, STDIO_PIPE];
  }
  if (stdio === 'inherit') return [STDIO_INHERIT, STDIO_INHERIT, STDIO_INHERIT];
  if (stdio === 'ignore') return [STDIO_IGNORE, STDIO_IGNORE, STDIO_IGNORE];
  if (typeof stdio === 'string') throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  if (!Array.isArray(stdio)) throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  const kinds = [];
  for (let i = 0; i < 3; i++) {
    const s = stdio[i];
    if (s === undefined || s === null || s === 'pipe' || s === 'overlapped') kinds.push(STDIO_PIPE);
    else if (s === 'ignore') kinds.push(STDIO_IGNORE);
    else if (s === 'inherit' || s === i || (i > 0 && s === [null, process.stdout, process.stderr][i]) ||
      (i === 0 && s === process.stdin)) kinds.push(STDIO_INHERIT);
    else throw makeNodeError(Error, 'ERR_SPINDLE_UNSUPPORTED', `stdio[${i}] ${typeof s === 'string' ? `'${s}'` : typeof s} is not supported by spindle yet`);
  }
  if (stdio.length > 3) throw makeNodeError(Error, 'ERR_SPINDLE_UNSUPPORTED', 'stdio beyond fd 2 is not supported by spindle yet');
  return kinds;
}

function normalize(file, args, options) {
  validateString(file, 'file');
  if (file.length === 0) throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  let cwd = options.cwd;
  if (cwd != null) {
    if (cwd instanceof URL) cwd = require('url').fileURLToPath(cwd);
    else if (Buffer.isBuffer(cwd)) cwd = cwd.toString();
    if (typeof cwd !== 'string') throw new ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'Buffer', 'URL'], cwd);
  }
  if (options.detached != null && typeof options.detached !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.detached', 'boolean', options.detached);
  }
  if (options.uid != null) validateInteger(options.uid, 'options.uid', -2147483648, 2147483647);
  if (options.gid != null) validateInteger(options.gid, 'options.gid', -2147483648, 2147483647);
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) validateString(options.argv0, 'options.argv0');
  for (const a of args) {
    if (typeof a !== 'string') throw new ERR_INVALID_ARG_TYPE('args', 'string[]', args); // node: each a string
  }
  if (options.shell) {
    const command = args.length > 0 ? `${file} ${args.join(' ')}` : file;
    file = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    args = ['-c', command];
  }
  const argv = [typeof options.argv0 === 'string' ? options.argv0 : file, ...args];
  const env = options.env || process.env;
  const envPairs = [];
  for (const key of Object.keys(env)) {
    const value = env[key];
    if (value !== undefined) envPairs.push(`${key}=${value}`);
  }
  return {
    file, args: argv, envPairs, cwd, detached: !!options.detached,
    uid: options.uid, gid: options.gid, windowsHide: !!options.windowsHide, spawnargs: argv,
    options, // as given (stdio, input, timeout ... are read from it by the caller)
  };
}

// ---- ChildProcess ------------------------------------------------------------------------
class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._handle = null;
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
  }

  spawn(options) {
    validateObject(options, 'options');
    const kinds = stdioKinds(options.stdio);
    this.spawnfile = options.file;
    this.spawnargs = options.args;
    const handle = native.spawn({ ...options, stdio: kinds }, (event, a, b) => this._onEvent(event, a, b));
    this.stdio = [];
    if (typeof handle === 'number') { // nothing started: 'error', then 'close' (node's order)
      const err = uvError(handle, `spawn ${options.file}`, options.file, options.args.slice(1));
      // the streams exist, already destroyed, as node's (code that attaches listeners runs on)
      this.stdin = kinds[0] === STDIO_PIPE ? new WritableWorkerStdio(() => {}) : null;
      this.stdout = kinds[1] === STDIO_PIPE ? new ReadableWorkerStdio().destroy() : null;
      this.stderr = kinds[2] === STDIO_PIPE ? new ReadableWorkerStdio().destroy() : null;
      this.stdio = [this.stdin, this.stdout, this.stderr];
      process.nextTick(() => this.emit('error', err));
      setImmediate(() => this.emit('close', handle, null));
      return handle;
    }
    this._handle = handle;
    this.pid = handle.pid;
    this.stdin = kinds[0] === STDIO_PIPE ? new WritableWorkerStdio((chunk, encoding) => {
      if (chunk === null) native.endInput(handle);
      else native.write(handle, typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    }) : null;
    this.stdout = kinds[1] === STDIO_PIPE ? new ReadableWorkerStdio() : null;
    this.stderr = kinds[2] === STDIO_PIPE ? new ReadableWorkerStdio() : null;
    this.stdio = [this.stdin, this.stdout, this.stderr];
    for (const s of [this.stdout, this.stderr]) {
      if (s !== null) {
        this._closesNeeded++;
        s.on('close', () => this._maybeClose());
      }
    }
    process.nextTick(() => this.emit('spawn'));
    return 0;
  }

  _onEvent(event, a, b) {
    switch (event) {
      case 'data': (a === 1 ? this.stdout : this.stderr).push(b); break;
      case 'end': {
        const s = a === 1 ? this.stdout : this.stderr;
        s.push(null); // then 'end', then 'close' (counted by _maybeClose)
        if (s.listenerCount('data') === 0 && s.listenerCount('readable') === 0) s.resume(); // nobody reads: it still ends
        break;
      }
      case 'exit':
        if (b) this.signalCode = signalName(b);
        else this.exitCode = a;
        this.emit('exit', this.exitCode, this.signalCode);
        this._maybeClose();
        break;
      case 'close':
        this._handle = null;
        break;
    }
  }

  _maybeClose() {
    if (++this._closesGot === this._closesNeeded) this.emit('close', this.exitCode, this.signalCode);
  }

  kill(sig) {
    const signal = sig === 0 ? 0 : toSignal(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle === null) return false;
    const err = native.kill(this._handle, signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err !== -3) this.emit('error', uvError(err, 'kill'));
    return false;
  }

  ref() { if (this._handle !== null) native.setRef(this._handle, true); }
  unref() { if (this._handle !== null) native.setRef(this._handle, false); }
}

function spawn(file, args, options) {
  const opts = normalize(file, args, options);
  const child = new ChildProcess();
  child.spawn({ ...opts, stdio: opts.options.stdio });
  return child;
}

// ---- exec / execFile --------------------------------------------------------------------
function execFile(file, args, options, callback) {
  if (typeof args === 'function') { callback = args; args = []; options = undefined; }
  else if (typeof options === 'function') { callback = options; options = undefined; }
  if (args != null && !Array.isArray(args) && typeof args === 'object') { options = args; args = []; }
  options = { encoding: 'utf8', maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM', ...options };
  if (options.maxBuffer != null) validateInteger(options.maxBuffer === Infinity ? 0 : options.maxBuffer, 'options.maxBuffer', 0);
  if (callback != null && typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'function', callback);
  const child = spawn(file, args, { ...options, stdio: 'pipe' });
  const out = [];
  const err = [];
  let outLen = 0;
  let errLen = 0;
  let failure = null;
  const encoding = options.encoding;
  const decode = (chunks) => {
    const b = Buffer.concat(chunks);
    return encoding && encoding !== 'buffer' && Buffer.isEncoding(encoding) ? b.toString(encoding) : b;
  };
  const collect = (stream, chunks, which) => {
    if (!stream) return;
    stream.on('data', (chunk) => {
      const n = which === 'stdout' ? (outLen += chunk.length) : (errLen += chunk.length);
      if (options.maxBuffer && n > options.maxBuffer) {
        const over = n - options.maxBuffer;
        chunks.push(chunk.subarray(0, chunk.length - over));
        if (!failure) {
          failure = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(which);
          child.kill(options.killSignal);
        }
        return;
      }
      chunks.push(chunk);
    });
  };
  collect(child.stdout, out, 'stdout');
  collect(child.stderr, err, 'stderr');
  const cmd = [file, ...(Array.isArray(args) ? args : [])].join(' ');
  let done = false;
  const finish = (code, signal, spawnError) => {
    if (done) return;
    done = true;
    if (!callback) return;
    const stdout = decode(out);
    const stderr = decode(err);
    let e = spawnError || failure;
    if (!e && (code !== 0 || signal !== null)) {
      e = new Error(`Command failed: ${cmd}\n${stderr}`);
      e.code = code;
      e.killed = child.killed;
      e.signal = signal;
    }
    if (e) {
      e.cmd = cmd;
      if (e.killed === undefined) e.killed = child.killed;
      if (e.signal === undefined) e.signal = signal;
      if (e.code === undefined) e.code = code;
      e.stdout = stdout;
      e.stderr = stderr;
      callback(e, stdout, stderr);
    } else {
      callback(null, stdout, stderr);
    }
  };
  child.on('close', (code, signal) => finish(code, signal, null));
  child.on('error', (e) => finish(null, null, e));
  return child;
}

// exec: the command line through the shell (node's shell option; cmd is the command)
function exec(command, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateString(command, 'command');
  return execFile(command, { ...options, shell: (options && options.shell) || true }, callback);
}

// ---- the Sync forms -----------------------------------------------------------------------
function spawnSync(file, args, options) {
  const opts = normalize(file, args, options);
  const raw = opts.options;
  const kinds = stdioKinds(raw.stdio);
  let input = raw.input;
  if (input != null) {
    if (typeof input === 'string') input = Buffer.from(input, raw.encoding && raw.encoding !== 'buffer' ? raw.encoding : 'utf8');
    else if (!ArrayBuffer.isView(input)) {
      throw new ERR_INVALID_ARG_TYPE('options.stdio[0]', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
    }
  }
  if (raw.timeout != null) validateInteger(raw.timeout, 'options.timeout', 0);
  const maxBuffer = raw.maxBuffer === undefined ? MAX_BUFFER : raw.maxBuffer;
  if (maxBuffer !== Infinity) validateInteger(maxBuffer, 'options.maxBuffer', 0);
  const killSignal = raw.killSignal === undefined ? signals().SIGTERM : toSignal(raw.killSignal);
  const r = native.spawnSync({ ...opts, stdio: kinds }, input, raw.timeout || 0, killSignal,
    maxBuffer === Infinity ? 0 : maxBuffer);
  const encoding = raw.encoding && raw.encoding !== 'buffer' && Buffer.isEncoding(raw.encoding) ? raw.encoding : null;
  const shape = (u8) => {
    if (u8 === undefined || u8 === null) return null;
    const b = Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
    return encoding ? b.toString(encoding) : b;
  };
  // node's key order: the error first when there is one
  const result = r.error ? { error: uvError(r.error, `spawnSync ${opts.file}`, opts.file, opts.args.slice(1)) } : {};
  Object.assign(result, { status: null, signal: null, output: null, pid: r.pid || 0, stdout: null, stderr: null });
  if (r.pid === undefined) return result; // nothing started
  result.stdout = shape(r.stdout);
  result.stderr = shape(r.stderr);
  result.output = [null, result.stdout, result.stderr];
  if (r.signal) result.signal = signalName(r.signal);
  else if (!r.error || r.error === -105) result.status = r.status;
  return result;
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    Object.assign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || args.join(' ');
    if (ret.stderr && ret.stderr.length > 0) msg += `\n${ret.stderr.toString()}`;
    err = new Error(msg);
    Object.assign(err, ret);
  }
  return err;
}

// execSync/execFileSync: stderr goes to the parent's unless stdio says otherwise (node's default)
function syncStdio(options) {
  if (options && options.stdio !== undefined) return options.stdio;
  return ['pipe', 'pipe', 'inherit'];
}

function execFileSync(file, args, options) {
  if (args != null && !Array.isArray(args) && typeof args === 'object') { options = args; args = []; }
  const ret = spawnSync(file, args, { maxBuffer: MAX_BUFFER, ...options, stdio: syncStdio(options) });
  const err = checkExecSyncError(ret, [file, ...(args || [])], undefined);
  if (err) throw err;
  return ret.stdout;
}

function execSync(command, options) {
  validateString(command, 'command');
  const ret = spawnSync(command, { maxBuffer: MAX_BUFFER, ...options, shell: (options && options.shell) || true,
    stdio: syncStdio(options) });
  const err = checkExecSyncError(ret, [], command);
  if (err) throw err;
  return ret.stdout;
}

// util.promisify(exec / execFile): { stdout, stderr }, and the promise's `child`, as node's
function promisified(original) {
  return function(...args) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    promise.child = original(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}
for (const fn of [exec, execFile]) {
  Object.defineProperty(fn, require('util').promisify.custom, {
    enumerable: false, writable: false, value: promisified(fn),
  });
}

function fork() {
  throw makeNodeError(Error, 'ERR_SPINDLE_UNSUPPORTED', 'child_process.fork() (an IPC channel to a node child) is not supported by spindle yet');
}

module.exports = { ChildProcess, exec, execFile, execFileSync, execSync, fork, spawn, spawnSync };
