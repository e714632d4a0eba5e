'use strict';
// The `process` object: an EventEmitter over binding('process').

const EventEmitter = require('events');
const native = binding('process');
const { codes, validateFunction } = require('internal/errors');

const process = Object.create(EventEmitter.prototype, {
  [Symbol.toStringTag]: { value: 'process', writable: false, enumerable: false, configurable: true },
});
EventEmitter.call(process);

const versions = {
  node: native.version.slice(1),
  spindle: native.spindleVersion,
  javascriptcore: native.jscVersion,
  uv: native.uvVersion,
};

let exitCode;
Object.assign(process, {
  title: 'spindle',
  version: native.version,
  versions,
  arch: native.arch,
  platform: native.platform,
  release: { name: 'node' },
  argv: native.argv,
  execArgv: native.execArgv,
  execPath: native.execPath,
  pid: native.pid,
  ppid: native.ppid,
  env: native.env,
  features: {},
  config: { variables: {} },
  cwd: native.cwd,
  chdir(dir) {
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
    native.reallyExit(process.exitCode || 0);
  },
  reallyExit: native.reallyExit,
  abort() { native.reallyExit(134); },
  umask() { return 0o22; },
  emitWarning(warning, type, code) {
    if (typeof type === 'object' && type !== null) ({ type, code } = type);
    if (typeof warning === 'string') {
      warning = new Error(warning);
      warning.name = typeof type === 'string' ? type : 'Warning';
      if (code !== undefined) warning.code = code;
    }
    if (warning.name === 'DeprecationWarning' && process.noDeprecation) return;
    process.nextTick(() => {
      process.emit('warning', warning);
      if (!process.noProcessWarnings) {
        const c = warning.code ? `[${warning.code}] ` : '';
        native.write(2, `(spindle:${process.pid}) ${c}${warning.name}: ${warning.message}\n`);
      }
    });
  },
  _exiting: false,
  _rawDebug(...args) { native.write(2, `${args.join(' ')}\n`); },
});

Object.defineProperty(process, 'exitCode', {
  get() { return exitCode; },
  set(code) {
    if (code !== null && code !== undefined) {
      let value = code;
      if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) value = +code;
      if (!Number.isInteger(value)) throw new codes.ERR_INVALID_ARG_TYPE('code', 'integer', code);
    }
    exitCode = code;
  },
  enumerable: true,
  configurable: false,
});

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

// stdout/stderr: synchronous, ordered writes through one process-wide lock in C.
function makeStdio(fd) {
  const stream = new EventEmitter();
  Object.assign(stream, {
    fd,
    writable: true,
    isTTY: false,
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

module.exports = process;
