'use strict';
// Stacks in V8's shape, behind internal/errors (loaded the first time a stack
// is converted, so a new thread does not parse this).
//
// JSC frame: "name@url:line:col", "@url:line:col", "global code@url:..", "name@[native code]".
// Module wrappers share line 1 with the file's first line, so line-1 columns
// there are shifted by the wrapper's length (mod_builtins.c).
const wrappedFiles = new Set(); // user files compiled inside the CommonJS wrapper
let headerLengths;
function columnShift(url, line) {
  if (line !== 1) return 0;
  if (headerLengths === undefined) {
    const b = binding('builtins');
    headerLengths = [b.builtinHeaderLength, b.userHeaderLength];
  }
  if (url.startsWith('node:')) return headerLengths[0];
  return wrappedFiles.has(url) ? headerLengths[1] : 0;
}
function registerWrappedFile(filename) { wrappedFiles.add(filename); }

// Column of a JSC error's own location, corrected for the wrapper.
function errorColumn(url, line, column) {
  return Math.max(1, column - columnShift(url, line));
}

function convertLocation(loc) {
  const m = /^(.*):(\d+):(\d+)$/.exec(loc);
  if (m === null) return loc;
  const line = +m[2];
  const shift = columnShift(m[1], line);
  return shift === 0 ? loc : `${m[1]}:${line}:${Math.max(1, +m[3] - shift)}`;
}

// One JSC frame line as V8 names its parts: name ('' for top-level code), location
// ('native', or "url:line:col" with the wrapper's columns taken off).
function parseFrame(line) {
  // the first '@': paths have them (node_modules/@scope/pkg), function names hardly ever
  const at = line.indexOf('@');
  let name = at === -1 ? '' : line.slice(0, at);
  let loc = at === -1 ? line : line.slice(at + 1);
  if (loc === '[native code]') loc = 'native';
  else loc = convertLocation(loc);
  if (name === 'global code' || name === 'module code') name = '';
  else if (name === 'eval code') name = 'eval';
  else if (name === '__spindle_cjs__') name = 'Object.<anonymous>';
  return { name, loc };
}

// A parsed frame as V8 prints it
function frameLine({ name, loc }) {
  return name === '' ? `    at ${loc}` : `    at ${name} (${loc})`;
}

function convertFrame(line) {
  return frameLine(parseFrame(line));
}

function v8Frames(jscStack) {
  if (typeof jscStack !== 'string' || jscStack === '') return '';
  if (jscStack.includes('\n    at ')) return jscStack; // already converted
  return jscStack.split('\n').filter((l) => l !== '').map(convertFrame).join('\n');
}

// V8's CallSite, for Error.prepareStackTrace (given by Error.captureStackTrace): what a JSC
// frame tells (function name, file, line, column); no receiver or function object.
class CallSite {
  #name; #file; #line; #column;
  constructor({ name, loc }) {
    this.#name = name;
    const m = /^(.*):(\d+):(\d+)$/.exec(loc);
    this.#file = m === null ? (loc === 'native' ? undefined : loc) : m[1];
    this.#line = m === null ? null : +m[2];
    this.#column = m === null ? null : +m[3];
  }
  getThis() { return undefined; }
  getFunction() { return undefined; }
  getTypeName() { return this.#name === 'Object.<anonymous>' ? 'Object' : null; }
  getFunctionName() {
    return this.#name === '' || this.#name === 'Object.<anonymous>' ? null : this.#name;
  }
  getMethodName() { return null; }
  getFileName() { return this.#file; }
  getScriptNameOrSourceURL() { return this.#file; }
  getScriptHash() { return ''; }
  getLineNumber() { return this.#line; }
  getColumnNumber() { return this.#column; }
  getEnclosingLineNumber() { return null; }
  getEnclosingColumnNumber() { return null; }
  getPosition() { return 0; }
  getEvalOrigin() { return undefined; }
  getPromiseIndex() { return null; }
  isToplevel() { return this.#name === ''; }
  isEval() { return this.#name === 'eval'; }
  isNative() { return false; }
  isConstructor() { return false; }
  isAsync() { return false; }
  isPromiseAll() { return false; }
  toString() {
    const loc = this.#file === undefined ? 'native' : this.#line === null ? this.#file : `${this.#file}:${this.#line}:${this.#column}`;
    return this.#name === '' ? loc : `${this.#name} (${loc})`;
  }
}

function errorHeader(err) {
  let name, message;
  try { name = err.name; message = err.message; } catch { /* exotic */ }
  name = name === undefined ? 'Error' : String(name);
  if (err && err[require('internal/errors').kIsNodeError] && err.code !== undefined) name = `${name} [${err.code}]`;
  message = message === undefined ? '' : String(message);
  return message === '' ? name : `${name}: ${message}`;
}

// The V8-style stack of an error: "Name: message\n    at ..." (used by inspect and uncaught printing).
function v8Stack(err) {
  let stack;
  try { stack = err.stack; } catch { return errorHeader(err); }
  if (typeof stack !== 'string') return errorHeader(err);
  if (stack.startsWith(errorHeader(err)) || /^\w*(Error|Exception)[^\n]*\n    at /.test(stack)) return stack;
  const frames = v8Frames(stack);
  return frames ? `${errorHeader(err)}\n${frames}` : errorHeader(err);
}


function parseFrames(jscStack) {
  if (typeof jscStack !== 'string' || jscStack.includes('\n    at ')) return [];
  return jscStack.split('\n').filter((l) => l !== '').map(parseFrame);
}

// V8's default text: the header, then a line per frame.
function formatFrames(err, frames) {
  const header = errorHeader(err);
  return frames.length > 0 ? `${header}\n${frames.map(frameLine).join('\n')}` : header;
}

// node's default Error.prepareStackTrace, called by hand with CallSites (or anything
// that prints as a frame)
function formatStack(err, trace) {
  const header = errorHeader(err);
  if (!Array.isArray(trace) || trace.length === 0) return header;
  return `${header}\n${trace.map((site) => `    at ${site}`).join('\n')}`;
}

// The stack a program's Error.prepareStackTrace makes of the frames, or V8's text.
function prepareStack(err, frames) {
  const prepare = require('internal/errors').programPrepareStackTrace();
  if (prepare === undefined) return formatFrames(err, frames);
  return prepare(err, frames.map((f) => new CallSite(f)));
}

// The rest of Error.captureStackTrace (internal/errors): `jscStack` is JSC's
// (limit + 20 frames, those above `fn` cut by JSC) when `limit` is positive; obj gets
// it in V8's shape, or, when the program set
// Error.prepareStackTrace, what that returns for the frames as CallSites (V8 calls it
// when the stack is first read; here at once, which the programs that set it around a
// capture, as depd does, cannot tell apart).
function finishCapture(obj, fn, limit, jscStack) {
  let frames = [];
  if (typeof limit === 'number' && limit > 0) {
    frames = parseFrames(jscStack);
    // without fn JSC cuts nothing: its frames begin with the wrapper's own
    if (typeof fn !== 'function' && frames[0] && frames[0].name === 'captureStackTrace') frames.shift();
    frames = frames.slice(0, limit);
  }
  const stack = prepareStack(obj, frames);
  Object.defineProperty(obj, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
}

// `new Error()` while a program's Error.prepareStackTrace is set (callsites, and the
// packages built on it: `new Error().stack` as an array of CallSites). JavaScriptCore has no
// such hook, so the global Error is then a proxy of the real one whose construction gives
// the error a `stack` made, when first read, by the prepareStackTrace set at that time (as
// V8's). Error.prototype.constructor is the proxy meanwhile, so `err.constructor === Error`
// holds; `Object.getPrototypeOf(TypeError) === Error` does not until the real Error is back
// in place, once the program's function is taken away. Errors the engine throws, and
// TypeError & co, are not covered.
let realError = null;
let errorProxy = null;
function programPrepareChanged(set) {
  if (set) {
    if (errorProxy === null) {
      realError = globalThis.Error;
      errorProxy = new Proxy(realError, {
        construct: function spindleErrorConstruct(target, args, newTarget) {
          return withLazyStack(() => Reflect.construct(target, args, newTarget === errorProxy ? target : newTarget));
        },
        apply: function spindleErrorConstruct(target, self, args) {
          return withLazyStack(() => Reflect.apply(target, self, args));
        },
      });
    }
    if (globalThis.Error === realError) {
      globalThis.Error = errorProxy;
      setConstructor(errorProxy);
    }
  } else if (errorProxy !== null && globalThis.Error === errorProxy) {
    globalThis.Error = realError;
    setConstructor(realError);
  }
}


function setConstructor(ctor) {
  const d = Object.getOwnPropertyDescriptor(realError.prototype, 'constructor');
  if (d !== undefined && d.configurable && (d.value === realError || d.value === errorProxy)) {
    Object.defineProperty(realError.prototype, 'constructor', { ...d, value: ctor });
  }
}

// The error make() returns, with a `stack` made when first read. The proxy's own frames (its
// trap, the engine's call into it) are on top of the error's stack: the limit is raised by as
// many while the error is made, and they are cut.
const kProxyFrames = 2;
function withLazyStack(make) {
  const limit = realError.stackTraceLimit;
  let err;
  if (typeof limit === 'number') realError.stackTraceLimit = limit + kProxyFrames;
  try {
    err = make();
  } finally {
    realError.stackTraceLimit = limit;
  }
  let frames = parseFrames(err.stack);
  const trap = frames.findIndex((f) => f.name === 'spindleErrorConstruct');
  if (trap !== -1) {
    let first = trap + 1;
    while (first < frames.length && frames[first].loc === 'native') first++;
    frames = frames.slice(first);
  }
  if (typeof limit === 'number' && frames.length > limit) frames.length = Math.max(0, limit);
  const define = (value) => Object.defineProperty(err, 'stack', { value, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(err, 'stack', {
    get() { const value = prepareStack(err, frames); define(value); return value; },
    set: define,
    enumerable: false,
    configurable: true,
  });
  return err;
}

module.exports = {
  registerWrappedFile, errorColumn, v8Frames, errorHeader, v8Stack, finishCapture, formatStack, programPrepareChanged,
};
