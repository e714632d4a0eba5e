'use strict';
// The `process` object: an EventEmitter over binding('process').

const EventEmitter = require('events');
const native = binding('process');
const { codes, validateFunction } = require('internal/errors');

// `process`: the object internal/bootstrap made and passes to every builtin; made the process here
Object.setPrototypeOf(process, EventEmitter.prototype);
Object.defineProperties(process, {
  [Symbol.toStringTag]: { value: 'process', writable: false, enumerable: false, configurable: true },
});
EventEmitter.call(process);

const versions = {
  node: native.version.slice(1),
  spindle: native.spindleVersion,
  javascriptcore: native.jscVersion,
  uv: native.uvVersion,
};

// The main thread's options: NODE_OPTIONS's, then the command line's (a worker's come with
// its job: internal/worker/child)
if (native.options.length > 0) require('internal/process/exec_options').applyExecArgv(process, native.options);

// argv0 keeps what was typed; argv[0] is the absolute executable, as in node
if (native.execPath !== undefined) native.argv[0] = native.execPath;

// process.env: a view of an environment store ({ get, set, delete, keys }) whose values
// become strings, and which takes only plain data properties, as node's.
function makeEnv(store) {
  const desc = (value) => ({ value, writable: true, enumerable: true, configurable: true });
  return new Proxy({}, {
    get(target, key) {
      if (typeof key === 'symbol') return target[key];
      const value = store.get(key);
      return value !== undefined ? value : target[key]; // Object.prototype methods, as in node
    },
    set(target, key, value) {
      if (typeof key === 'symbol') { target[key] = value; return true; }
      if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      store.set(key, `${value}`);
      return true;
    },
    has(target, key) {
      if (typeof key === 'symbol') return key in target;
      return store.get(key) !== undefined;
    },
    deleteProperty(target, key) {
      if (typeof key !== 'symbol') store.delete(key);
      else delete target[key];
      return true;
    },
    ownKeys() { return store.keys(); },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'symbol') return undefined;
      const value = store.get(key);
      return value === undefined ? undefined : desc(value);
    },
    defineProperty(target, key, d) {
      if (typeof key === 'symbol') return Reflect.defineProperty(target, key, d);
      if (!('value' in d) || d.configurable !== true || d.writable !== true || d.enumerable !== true) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY('get' in d || 'set' in d ?
          `'process.env' does not accept an accessor(getter/setter) descriptor` :
          `'process.env' only accepts a configurable, writable, and enumerable data descriptor`);
      }
      store.set(key, `${d.value}`);
      return true;
    },
  });
}

// The live view of the C environment (main thread, and workers with SHARE_ENV); a worker
// spawned from a thread whose env is this view gets its copy made in C.
const liveEnv = makeEnv({ get: native.envGet, set: native.envSet, delete: native.envDelete, keys: native.envKeys });
native.liveEnv = liveEnv;

// A worker's own environment (a copy made at spawn, or options.env), as node's: the same
// view over a store of its own.
native.envCopy = function envCopy(entries) {
  const map = new Map();
  for (const key of Object.keys(entries)) map.set(key, `${entries[key]}`);
  return makeEnv({
    get: (key) => map.get(key),
    set: (key, value) => { map.set(key, value); },
    delete: (key) => { map.delete(key); },
    keys: () => [...map.keys()],
  });
};

// Linux signal numbers (x64 and arm64 agree on these)
const signals = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9,
  SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18,
  SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

// "(spindle:PID) [CODE] Name: message", the detail, and once a hint, on stderr.
let traceHintShown = false;
function writeWarning(w) {
  const code = w.code ? `[${w.code}] ` : '';
  const isDeprecation = w.name === 'DeprecationWarning';
  // --trace-warnings, --trace-deprecation: the stack where it was emitted
  const trace = process.traceProcessWarnings || (isDeprecation && process.traceDeprecation);
  let text = `(spindle:${process.pid}) ${code}${trace && w.stack ? w.stack : `${w.name}: ${w.message}`}\n`;
  if (typeof w.detail === 'string') text += `${w.detail}\n`;
  if (!trace && !traceHintShown) {
    traceHintShown = true;
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    text += `(Use \`spindle ${flag} ...\` to show where the warning was created)\n`;
  }
  process._writeStdio(2, text);
}

// node prints warnings from a 'warning' listener of its own, the first one (so before the
// program's), which the program can remove to silence them; none with --no-warnings or
// NODE_NO_WARNINGS=1. A worker drops it when its job's execArgv has --no-warnings (child.js).
function onWarning(warning) {
  if (!process.noProcessWarnings) writeWarning(warning);
}

// process.allowedNodeEnvironmentFlags, as node's: a frozen Set of the flags NODE_OPTIONS may
// hold, whose has() takes a flag in any of node's spellings (without its dashes, with
// underscores, with a value after '=') and whose add, delete and clear change nothing.
function makeAllowedNodeEnvironmentFlags() {
  class NodeEnvironmentFlagsSet extends Set {
    add() { return this; }
    delete() { return false; }
    clear() {}
    has(key) {
      if (typeof key !== 'string') return false;
      const flag = key.replace(/_/g, '-');
      if (flag.startsWith('-')) return super.has(flag.replace(/=.*$/, ''));
      return super.has(`-${flag}`) || super.has(`--${flag}`);
    }
  }
  const flags = new NodeEnvironmentFlagsSet();
  for (const flag of require('internal/process/node_env_flags')) Set.prototype.add.call(flags, flag);
  return Object.freeze(flags);
}

let exitCode;
Object.assign(process, {
  title: 'spindle',
  debugPort: 9229, // node's default inspector port (spindle has no inspector)
  version: native.version,
  versions,
  arch: native.arch,
  platform: native.platform,
  release: { name: 'node' },
  argv: native.argv,
  argv0: native.argv[0],
  execArgv: native.execArgv,
  execPath: native.execPath,
  pid: native.pid,
  ppid: native.ppid,
  env: liveEnv,
  features: {},
  config: { variables: {} },
  cwd: native.cwd,
  chdir(dir) {
    // the working directory is the whole process's: node keeps workers off it
    if (!binding('worker').isMainThread) throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION('process.chdir()');
    require('internal/errors').validateString(dir, 'directory');
    native.chdir(dir);
  },
  uptime: native.uptime,
  cpuUsage(prev) {
    const u = native.cpuUsage();
    if (prev) return { user: u.user - prev.user, system: u.system - prev.system };
    return u;
  },
  exit(code) {
    if (code !== undefined) process.exitCode = code;
    if (!process._exiting) {
      process._exiting = true;
      process.emit('exit', process.exitCode || 0);
    }
    reallyExit(process.exitCode || 0);
  },
  reallyExit,
  kill(pid, sig = 'SIGTERM') {
    if (pid != (pid | 0)) throw new codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
    let num = sig;
    if (typeof sig === 'string') {
      num = signals[sig];
      if (num === undefined) {
        const err = new TypeError(`Unknown signal: ${sig}`);
        err.code = 'ERR_UNKNOWN_SIGNAL';
        throw err;
      }
    } else if (typeof sig !== 'number') {
      throw new codes.ERR_INVALID_ARG_TYPE('signal', ['string', 'number'], sig);
    }
    native.kill(pid, num);
    return true;
  },
  abort() { native.abort(); },
  binding(name) { return require('internal/process/legacy_binding').legacyBinding(name); },
  umask(mask) {
    if (mask !== undefined && !binding('worker').isMainThread) {
      throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return 0o22;
  },
  emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
      ctor = type.ctor;
      code = type.code;
      if (typeof type.detail === 'string') detail = type.detail;
      type = type.type || 'Warning';
    } else if (typeof type === 'function') {
      ctor = type;
      code = undefined;
      type = 'Warning';
    }
    if (type !== undefined) require('internal/errors').validateString(type, 'type');
    if (typeof code === 'function') { ctor = code; code = undefined; }
    else if (code !== undefined) require('internal/errors').validateString(code, 'code');
    if (typeof warning === 'string') {
      warning = new Error(warning);
      warning.name = String(type || 'Warning');
      if (code !== undefined) warning.code = code;
      if (detail !== undefined) warning.detail = detail;
      if (Error.captureStackTrace) Error.captureStackTrace(warning, ctor || process.emitWarning);
    } else if (!(warning instanceof Error)) {
      throw new codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
    }
    if (warning.name === 'DeprecationWarning') {
      if (process.noDeprecation) return;
      if (process.throwDeprecation) {
        process.nextTick(() => { throw warning; });
        return;
      }
    }
    process.nextTick(() => process.emit('warning', warning));
  },
  _exiting: false,
  _rawDebug(...args) { native.write(2, `${args.join(' ')}\n`); },
  getuid() { return native.ids()[0]; },
  geteuid() { return native.ids()[1]; },
  getgid() { return native.ids()[2]; },
  getegid() { return native.ids()[3]; },
  getgroups() {
    // the supplementary groups, and (as node makes sure) the effective group
    const ids = native.ids();
    const groups = ids.slice(4);
    if (!groups.includes(ids[3])) groups.push(ids[3]);
    return groups;
  },
  // internal/process/credentials has these
  setuid(id) { require('internal/process/credentials').setuid(id); },
  setgid(id) { require('internal/process/credentials').setgid(id); },
  seteuid(id) { require('internal/process/credentials').seteuid(id); },
  setegid(id) { require('internal/process/credentials').setegid(id); },
  setgroups(groups) { require('internal/process/credentials').setgroups(groups); },
  initgroups(user, extraGroup) { require('internal/process/credentials').initgroups(user, extraGroup); },
  resourceUsage: native.resourceUsage,
  constrainedMemory: native.constrainedMemory,
  availableMemory: native.availableMemory,
  getBuiltinModule(id) {
    require('internal/errors').validateString(id, 'id');
    const loader = require('internal/builtin_loader');
    const name = id.startsWith('node:') ? id.slice(5) : id;
    return loader.canBeRequiredByUsers(name) ? loader.require(name) : undefined;
  },
  setUncaughtExceptionCaptureCallback(fn) {
    require('internal/process/execution').setUncaughtExceptionCaptureCallback(fn);
  },
  hasUncaughtExceptionCaptureCallback() {
    return require('internal/process/execution').hasUncaughtExceptionCaptureCallback();
  },
  _fatalException(err, fromPromise) {
    return require('internal/process/execution').fatalException(err, fromPromise);
  },
});

// made on first read, then a plain property (which a program may replace), as node's
const defineAllowedFlags = (value) => Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
  value, writable: true, enumerable: true, configurable: true,
});
Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
  get() {
    const value = makeAllowedNodeEnvironmentFlags();
    defineAllowedFlags(value);
    return value;
  },
  set: defineAllowedFlags,
  enumerable: true,
  configurable: true,
});

Object.defineProperty(process, 'exitCode', {
  get() { return exitCode; },
  set(code) {
    if (code !== null && code !== undefined) {
      let value = code;
      if (typeof code === 'string' && code !== '' && !Number.isNaN(+code)) value = +code;
      require('internal/errors').validateInteger(value, 'code');
    }
    exitCode = code;
  },
  enumerable: true,
  configurable: false,
});

// Nothing after process.exit() runs, not even a catch or finally block, as in node:
// native.reallyExit arms the engine's watchdog, whose termination no JS can catch, and the
// loop below runs until it comes (at once). Were it not to come, the exit unwinds as an
// exception.
function reallyExit(code) {
  native.reallyExit(code, false);
  const giveUp = Date.now() + 5000;
  while (Date.now() < giveUp);
  native.reallyExit(code, true);
}

function hrtime(prev) {
  const ns = native.hrtimeBigint();
  let sec = Number(ns / 1000000000n);
  let nsec = Number(ns % 1000000000n);
  if (prev !== undefined) {
    if (!Array.isArray(prev)) throw new codes.ERR_INVALID_ARG_TYPE('time', 'Array', prev);
    if (prev.length !== 2) throw new codes.ERR_OUT_OF_RANGE('time', '2', prev.length);
    sec -= prev[0];
    nsec -= prev[1];
    if (nsec < 0) { sec -= 1; nsec += 1e9; }
  }
  return [sec, nsec];
}
hrtime.bigint = native.hrtimeBigint;
process.hrtime = hrtime;

function memoryUsage() { return native.memoryUsage(); }
memoryUsage.rss = native.rss;
process.memoryUsage = memoryUsage;

process.nextTick = function nextTick(cb, ...args) {
  validateFunction(cb, 'callback');
  require('internal/process/task_queues').nextTick(cb, args);
};

// stdout/stderr: synchronous, ordered writes through one process-wide lock in C. The main
// thread's, on a terminal, are tty.WriteStreams as node's (isTTY, size, colour depth); a
// worker's never are (they go through the parent).
function makeStdio(fd) {
  if (binding('worker').isMainThread && binding('tty').isatty(fd)) {
    const stream = new (require('tty').WriteStream)(fd);
    stream._isStdio = true;
    return stream;
  }
  const stream = new EventEmitter();
  Object.assign(stream, {
    fd,
    writable: true, // no isTTY: node has it only on a terminal (a tty.WriteStream, above)
    _isStdio: true,
    write(chunk, encoding, cb) {
      if (typeof encoding === 'function') cb = encoding;
      if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) {
        throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
      }
      process._writeStdio(fd, chunk);
      if (typeof cb === 'function') process.nextTick(cb);
      return true;
    },
    end(chunk, encoding, cb) {
      if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
      if (chunk !== undefined && chunk !== null) stream.write(chunk, encoding);
      if (typeof cb === 'function') process.nextTick(cb);
      return stream;
    },
    cork() {},
    uncork() {},
    setDefaultEncoding() { return stream; },
    getColorDepth() { return 1; },
    hasColors() { return false; },
  });
  return stream;
}
// Workers replace this to route output through their parent.
process._writeStdio = native.write;
let stdout, stderr;
Object.defineProperty(process, 'stdout', {
  get() { return stdout || (stdout = makeStdio(1)); }, configurable: true, enumerable: false,
});
Object.defineProperty(process, 'stderr', {
  get() { return stderr || (stderr = makeStdio(2)); }, configurable: true, enumerable: false,
});

// The main thread's process.stdin (a worker's is internal/worker/child's): fd 0, read
// (binding('stdin')) from the first 'data' listener, resume() or pipe() on, made on first
// use. As node's, reading goes on while paused until 16 KB wait (a stream's default
// high-water mark), so a paused stdin still keeps the process alive until then or its
// end; destroy() stops it.
if (binding('worker').isMainThread) {
  let stdin;
  Object.defineProperty(process, 'stdin', {
    get() {
      if (stdin !== undefined) return stdin;
      const input = binding('stdin');
      const { ReadableWorkerStdio } = require('internal/worker/stdio');
      const highWaterMark = 16 * 1024;
      let reading = false;
      let flowing = false;
      const stopReading = () => {
        if (reading) input.stop();
        reading = false;
      };
      const onChunk = (chunk) => {
        if (chunk === null) reading = false;
        stdin.push(chunk);
        if (!flowing && stdin.readableLength >= highWaterMark) stopReading();
      };
      stdin = new ReadableWorkerStdio((wanted) => {
        flowing = wanted;
        if (wanted && !reading) {
          reading = input.start(onChunk);
          if (!reading) stdin.push(null); // nothing to read
        } else if (!wanted && (stdin.destroyed || stdin.readableLength >= highWaterMark)) {
          stopReading();
        }
      });
      stdin.fd = 0;
      if (input.type() === 'tty') { // node's is a tty.ReadStream: raw mode too
        stdin.isTTY = true;
        stdin.isRaw = false;
        stdin.setRawMode = require('tty').ReadStream.prototype.setRawMode;
      }
      return stdin;
    },
    configurable: true,
    enumerable: false,
  });
}

if (!native.options.includes('--no-warnings') && native.envGet('NODE_NO_WARNINGS') !== '1') {
  process.on('warning', onWarning);
}

module.exports = process;
