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

function convertFrame(line) {
  const at = line.lastIndexOf('@');
  let name = at === -1 ? '' : line.slice(0, at);
  let loc = at === -1 ? line : line.slice(at + 1);
  if (loc === '[native code]') loc = 'native';
  else loc = convertLocation(loc);
  if (name === 'global code' || name === 'module code') return `    at ${loc}`;
  if (name === 'eval code') name = 'eval';
  if (name === '__spindle_cjs__') name = 'Object.<anonymous>';
  if (name === '') return `    at ${loc}`;
  return `    at ${name} (${loc})`;
}

function v8Frames(jscStack) {
  if (typeof jscStack !== 'string' || jscStack === '') return '';
  if (jscStack.includes('\n    at ')) return jscStack; // already converted
  return jscStack.split('\n').filter((l) => l !== '').map(convertFrame).join('\n');
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


// The rest of Error.captureStackTrace (internal/errors): `obj.stack` holds
// JSC's frames (limit + 20 of them) when `limit` is positive; give it V8's
// shape with the frames above `fn` cut.
function finishCapture(obj, fn, limit) {
  let frames = '';
  if (typeof limit === 'number' && limit > 0) {
    let list = v8Frames(obj.stack).split('\n');
    if (list[0] && list[0].startsWith('    at captureStackTrace (')) list.shift();
    if (typeof fn === 'function' && fn.name) {
      const prefix = `    at ${fn.name} (`;
      const i = list.findIndex((l) => l.startsWith(prefix) || l === `    at ${fn.name}`);
      if (i !== -1) list = list.slice(i + 1);
    }
    frames = list.slice(0, limit).join('\n');
  }
  const header = errorHeader(obj);
  Object.defineProperty(obj, 'stack', {
    value: frames ? `${header}\n${frames}` : header, writable: true, configurable: true, enumerable: false,
  });
}

module.exports = { registerWrappedFile, errorColumn, v8Frames, errorHeader, v8Stack, finishCapture };
