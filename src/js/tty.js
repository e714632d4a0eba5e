'use strict';
// tty: isatty(), and the ReadStream/WriteStream classes that process.stdin/stdout/stderr
// are on a terminal. A WriteStream knows its size and colour depth (node's rules, from the
// environment) and moves the cursor; a ReadStream has raw mode. Not there: a ReadStream of
// its own reads nothing (process.stdin reads fd 0), and no 'resize' event (no SIGWINCH).

const EventEmitter = require('events');
const native = binding('tty');
const {
  codes: { ERR_INVALID_ARG_TYPE },
  makeNodeError, validateInteger,
} = require('internal/errors');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && native.isatty(fd);
}

// node's SystemError for a descriptor uv_tty_init refuses: its own `code`, then the libuv
// error as `info`, with `errno` and `syscall` read through to it.
function ttyInitFailed(caller) {
  const info = { errno: -22, code: 'EINVAL', message: 'invalid argument', syscall: 'uv_tty_init' };
  const err = makeNodeError(Error, 'ERR_TTY_INIT_FAILED',
    'TTY initialization failed: uv_tty_init returned EINVAL (invalid argument)');
  const hidden = (value) => ({ value, enumerable: false, writable: true, configurable: true });
  const through = (key) => ({
    get() { return info[key]; }, set(v) { info[key] = v; }, enumerable: true, configurable: true,
  });
  Object.defineProperties(err, {
    name: hidden('SystemError'),
    info: { value: info, enumerable: true, configurable: true },
    errno: through('errno'),
    syscall: through('syscall'),
  });
  if (Error.captureStackTrace) Error.captureStackTrace(err, caller);
  return err;
}

// What node's `new TTY(fd)` checks: a non-negative int32, then something uv_tty_init takes.
function checkFd(fd, caller) {
  if (fd >> 0 !== fd || fd < 0) {
    throw makeNodeError(RangeError, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  }
  if (!native.usable(fd)) {
    throw ttyInitFailed(caller);
  }
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd, ReadStream);
  EventEmitter.call(this);
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, EventEmitter.prototype);
Object.setPrototypeOf(ReadStream, EventEmitter);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = native.setRawMode(this.fd, flag);
  if (err) {
    const e = new Error(`setRawMode ${err === -22 ? 'EINVAL' : 'EIO'}`);
    e.errno = err;
    e.code = err === -22 ? 'EINVAL' : 'EIO';
    e.syscall = 'setRawMode';
    this.emit('error', e);
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd, WriteStream);
  EventEmitter.call(this);
  this.fd = fd;
  this._type = 'tty';
  const size = native.windowSize(fd);
  if (size) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
// The writing half (node's comes from net.Socket): fds 1 and 2 go through the same
// ordered path as process.stdout, other descriptors straight to the file.
const writer = Object.create(EventEmitter.prototype);
writer.writable = true;
writer.write = function write(chunk, encoding, cb) {
  if (typeof encoding === 'function') cb = encoding;
  if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
  }
  if (this.fd === 1 || this.fd === 2) process._writeStdio(this.fd, chunk);
  else require('fs').writeSync(this.fd, chunk);
  if (typeof cb === 'function') process.nextTick(cb);
  return true;
};
writer.end = function end(chunk, encoding, cb) {
  if (typeof chunk === 'function') { cb = chunk; chunk = undefined; }
  if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
  if (typeof cb === 'function') process.nextTick(cb);
  return this;
};
writer.cork = function cork() {};
writer.uncork = function uncork() {};
writer.setDefaultEncoding = function setDefaultEncoding() { return this; };
Object.setPrototypeOf(WriteStream.prototype, writer);
Object.setPrototypeOf(WriteStream, EventEmitter);

WriteStream.prototype.isTTY = true;

// ---- colour depth: node's rules, from the environment --------------------------------
const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16M = 24;

// TERM values with a known depth, and CI services by their variable
const termDepths = {
  eterm: COLORS_16, cons25: COLORS_16, console: COLORS_16, cygwin: COLORS_16, dtterm: COLORS_16,
  gnome: COLORS_16, hurd: COLORS_16, jfbterm: COLORS_16, konsole: COLORS_16, kterm: COLORS_16,
  mlterm: COLORS_16, mosh: COLORS_16M, putty: COLORS_16, st: COLORS_16, 'rxvt-unicode-24bit': COLORS_16M,
  terminator: COLORS_16M,
};
const ciServices = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];
const sixteenColourTerms = [/ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/,
  /^xterm/, /^vt100/, /^vt220/];

let warnedForcedColor = false;
function warnIfColorsOff(env) {
  if (warnedForcedColor) return;
  let name = '';
  if (env.NODE_DISABLE_COLORS !== undefined) name = 'NODE_DISABLE_COLORS';
  if (env.NO_COLOR !== undefined) name = name ? `${name} and NO_COLOR` : 'NO_COLOR';
  if (name) {
    warnedForcedColor = true;
    process.emitWarning(`The '${name}' env is ignored due to the 'FORCE_COLOR' env being set.`, 'Warning');
  }
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '': case '1': case 'true': warnIfColorsOff(env); return COLORS_16;
      case '2': warnIfColorsOff(env); return COLORS_256;
      case '3': warnIfColorsOff(env); return COLORS_16M;
      default: return COLORS_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return COLORS_2;
  if (env.TMUX) return COLORS_256;
  if (env.CI) {
    if (ciServices.some((name) => name in env) || env.CI_NAME === 'codeship') return COLORS_256;
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      return !env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION) ? COLORS_256 : COLORS_16M;
    case 'HyperTerm': case 'MacTerm': return COLORS_16M;
    case 'Apple_Terminal': return COLORS_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16M;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const term = env.TERM.toLowerCase();
    if (termDepths[term]) return termDepths[term];
    if (sixteenColourTerms.some((re) => re.test(term))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

WriteStream.prototype.getColorDepth = getColorDepth;
WriteStream.prototype.hasColors = hasColors;

WriteStream.prototype._refreshSize = function _refreshSize() {
  const size = native.windowSize(this.fd);
  if (!size) return;
  const [columns, rows] = size;
  if (this.columns !== columns || this.rows !== rows) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
};

WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  return require('readline').cursorTo(this, x, y, cb);
};
WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  return require('readline').moveCursor(this, dx, dy, cb);
};
WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  return require('readline').clearLine(this, dir, cb);
};
WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) {
  return require('readline').clearScreenDown(this, cb);
};
WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
