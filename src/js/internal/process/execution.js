'use strict';
// Running the main script, process exit events, and uncaught errors.

const native = binding('process');

// The main thread's -r/--require modules (NODE_OPTIONS's first), before its script (a
// worker's: internal/worker/child)
function preloadModules() {
  if (native.options.length === 0) return;
  const requires = require('internal/process/exec_options').parseExecArgv(native.options).requires;
  if (requires.length > 0) require('internal/modules/cjs')._preloadModules(requires);
}

function runMain(filename) {
  preloadModules();
  const Module = require('internal/modules/cjs');
  // process.argv[1] is absolute, as in node
  if (process.argv[1] === filename) process.argv[1] = require('path').resolve(filename);
  Module.runMain(filename);
}

// -e / -p / stdin. flags: bit 0 prints the result (-p), bit 1 means the source came from stdin.
const evalSources = new Map(); // name -> source, for the source line of an uncaught error
function evalScript(source, flags) {
  preloadModules();
  const name = flags & 2 ? '[stdin]' : '[eval]';
  if (!(flags & 2)) addBuiltinGlobals();
  const result = runEvalScript(source, name);
  if (flags & 1) {
    const { inspect } = require('internal/util/inspect');
    process._writeStdio(1, `${typeof result === 'string' ? result : inspect(result)}\n`);
  }
}

// -e / -p (not stdin), as node: each builtin module is a global of its name (`fs`, `vm`, ...),
// loaded on first read; assigning one replaces it.
function addBuiltinGlobals() {
  const loader = require('internal/builtin_loader');
  for (const id of loader.publicIds) {
    if (id.startsWith('_') || id.includes('/')) continue;
    const existing = Object.getOwnPropertyDescriptor(globalThis, id);
    if (existing !== undefined && id !== 'crypto') continue; // process, console, Buffer...: the same
    loader.defineOnFirstUse(globalThis, id, false, () => loader.require(id));
  }
}

// An eval'd script (-e, stdin, [worker eval]) runs in the global scope with
// module-like globals. Most such scripts only require builtins, so those are
// served without the CommonJS loader (about 1 ms to load in a fresh VM); the
// real module/require are built on first use of anything else.
function runEvalScript(source, name) {
  evalSources.set(name, source);
  const loader = require('internal/builtin_loader');
  const cwd = process.cwd();
  const g = globalThis;
  let real;
  function materialize() {
    if (real === undefined) real = require('internal/modules/cjs')._evalGlobals(name, cwd);
    return real;
  }
  const userRequire = function require(id) {
    // Once the loader exists (and may have been patched through 'module'), it decides.
    if (real === undefined && typeof id === 'string' && !loader.isLoaded('internal/modules/cjs')) {
      const bid = id.startsWith('node:') ? id.slice(5) : id;
      if (loader.canBeRequiredByUsers(bid)) return loader.require(bid);
    }
    return materialize().require(id);
  };
  for (const key of ['resolve', 'main', 'extensions', 'cache']) lazyData(userRequire, key, () => materialize().require[key]);
  lazyData(g, 'module', () => materialize().module);
  lazyData(g, 'exports', () => materialize().module.exports);
  g.require = userRequire;
  g.__filename = name;
  g.__dirname = '.';
  return binding('builtins').runScript(source, name);
}

// An enumerable property that reads as a data property; computed on first get.
function lazyData(obj, key, compute) {
  const define = (value) => Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(obj, key, {
    get() { const value = compute(); define(value); return value; },
    set: define,
    enumerable: true,
    configurable: true,
  });
}

function emitBeforeExit() {
  process.emit('beforeExit', process.exitCode || 0);
}

// The loop ran dry: emit 'exit' and return the final exit code. As node's, also when
// process._exiting is already set (by hand, or by a _fatalException nothing took).
function emitExit() {
  process._exiting = true;
  process.emit('exit', process.exitCode || 0);
  return process.exitCode || 0;
}

function sourceLine(file, line) {
  let text;
  if (evalSources.has(file)) text = evalSources.get(file);
  else if (file.startsWith('/')) text = binding('fs').readFileUtf8(file);
  else return undefined;
  return text.split('\n')[line - 1];
}

// Where node puts the caret. V8 reports the throw statement, or the `new` of an
// error that was never thrown (a rejection); JSC reports the constructor call.
function caretColumn(err, text, column) {
  if (err instanceof SyntaxError) {
    const m = /^Unexpected (?:token|identifier|keyword|string literal|number) '?(.+?)'?$/.exec(err.message);
    const at = m ? text.indexOf(m[1]) : -1;
    return at === -1 ? 0 : at;
  }
  const before = text.slice(0, column);
  const thrown = before.lastIndexOf('throw');
  if (thrown !== -1 && /^throw\b/.test(text.slice(thrown))) return thrown;
  const m = /new\s+[\w$.]+\s*$/.exec(before);
  if (m) return m.index;
  return Math.min(column, text.length);
}

// "file:line", the source line and a caret, as node prints above an uncaught error.
function sourceContext(err) {
  try {
    const file = err.sourceURL;
    const line = err.line;
    if (typeof file !== 'string' || !(line > 0)) return '';
    const text = sourceLine(file, line);
    if (text === undefined) return '';
    const { errorColumn } = require('internal/errors');
    const col = caretColumn(err, text, errorColumn(file, line, err.column || 1) - 1);
    return `${file}:${line}\n${text}\n${' '.repeat(col)}^\n\n`;
  } catch {
    return '';
  }
}

function formatUncaught(err) {
  let body;
  try {
    const { inspect } = require('internal/util/inspect');
    body = inspect(err);
  } catch {
    body = err instanceof Error ? require('internal/errors').v8Stack(err) : String(err);
  }
  const isObject = err !== null && (typeof err === 'object' || typeof err === 'function');
  if (!isObject) {
    // V8 knows where a primitive was thrown; JSC does not tell.
    return `\nUncaught ${body}\n\nNode.js ${process.version}\n`;
  }
  return `${sourceContext(err)}${body}\n\nNode.js ${process.version}\n`;
}

// Set by the worker runtime: an uncaught error ends the worker and goes to its parent.
let workerHandler = null;
function setWorkerUncaughtHandler(fn) { workerHandler = fn; }

// The rejection being thrown as an uncaught exception (task_queues), if any: a worker's
// error then gets no source line above its stack (node's arrow is for thrown errors).
// (always an object: a rejection with another reason is thrown as an Error)
let rejection = null;
function noteRejection(err) { rejection = err; }

// process.setUncaughtExceptionCaptureCallback(): takes uncaught errors before 'uncaughtException'.
let captureFn = null;
function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureFn = null;
    return;
  }
  const { codes } = require('internal/errors');
  if (typeof fn !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  if (captureFn !== null) throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  captureFn = fn;
}
function hasUncaughtExceptionCaptureCallback() { return captureFn !== null; }

// A handler of an uncaught error threw: node prints that error and exits with 7; a
// worker's goes to its parent as the worker's error (exit code 1).
function handlerFailed(err) {
  if (workerHandler !== null) {
    workerHandler(err, false, true);
    return;
  }
  native.write(2, formatUncaught(err));
  process.exitCode = 7;
  native.reallyExit(7, true);
}

// --abort-on-uncaught-exception: in the main thread only (node: not in workers), an
// uncaught error kills the process with SIGABRT; a capture callback takes thrown errors,
// not unhandled rejections (node aborts for those all the same).
let abortOnUncaught;
function abortsOnUncaught(fromPromise) {
  if (workerHandler !== null || (captureFn !== null && !fromPromise)) return false;
  if (abortOnUncaught === undefined) abortOnUncaught = native.options.includes('--abort-on-uncaught-exception');
  return abortOnUncaught;
}
function abortForError(err) {
  native.write(2, formatUncaught(err));
  native.abort();
}

// The uncaught error's way, as node's: 'uncaughtExceptionMonitor' listeners see it first,
// then the capture callback or else the 'uncaughtException' listeners take it (origin
// 'unhandledRejection' when a rejection became it), else it ends the thread.
function onUncaughtException(err) {
  const fromPromise = rejection !== null && rejection === err;
  rejection = null;
  // With the flag no listener sees it (V8 aborts at the throw; node at the rejection)
  if (abortsOnUncaught(fromPromise)) abortForError(err);
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  try {
    if (process.listenerCount('uncaughtExceptionMonitor') > 0) process.emit('uncaughtExceptionMonitor', err, origin);
    if (captureFn !== null) {
      captureFn(err);
      return;
    }
  } catch (again) {
    handlerFailed(again);
  }
  if (process.listenerCount('uncaughtException') > 0) {
    try {
      process.emit('uncaughtException', err, origin);
    } catch (again) {
      handlerFailed(again);
    }
    return;
  }
  if (workerHandler !== null) {
    workerHandler(err, fromPromise);
    return;
  }
  native.write(2, formatUncaught(err));
  process.exitCode = 1;
  exitForError();
  native.reallyExit(exitCodeAfterError(), true);
}

// An uncaught error ends the thread: once, it is marked as exiting with code 1 and 'exit'
// is emitted (not when told no: a worker's 'uncaughtException' listener threw); a throw
// from a listener changes nothing.
function exitForError(emitExit = true) {
  if (process._exiting) return;
  process._exiting = true;
  process.exitCode = 1;
  if (emitExit) {
    try { process.emit('exit', 1); } catch { /* already failing */ }
  }
}

// An 'exit' listener may still set process.exitCode after an uncaught error: node exits
// with it.
function exitCodeAfterError() {
  return process.exitCode === undefined ? 1 : process.exitCode;
}

// process._fatalException(err, fromPromise), node's hook for an uncaught error called by
// hand: the listeners' way without the ending. Returns whether something took the error;
// when nothing did, the process is marked as exiting with 1 and 'exit' is emitted, as node's.
function fatalException(err, fromPromise) {
  const origin = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', err, origin);
  if (captureFn !== null) {
    captureFn(err);
  } else if (!process.emit('uncaughtException', err, origin)) {
    exitForError();
    return false;
  }
  return true;
}

function reportMicrotaskError(err) {
  onUncaughtException(err);
}

module.exports = {
  runMain, evalScript, runEvalScript, emitBeforeExit, emitExit, onUncaughtException, reportMicrotaskError,
  formatUncaught, setWorkerUncaughtHandler, sourceContext, noteRejection,
  setUncaughtExceptionCaptureCallback, hasUncaughtExceptionCaptureCallback, exitCodeAfterError, exitForError,
  fatalException,
};
