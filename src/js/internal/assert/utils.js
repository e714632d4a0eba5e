'use strict';
// assert(value) / assert.ok(value): on a falsy value Node prints the source
// text of the failing call ("The expression evaluated to a falsy value:\n\n
//   assert(x === 1)\n"), found by parsing the caller's file around the call site.
//
// spindle has no JS parser to spare, so it takes a cheaper route with the same
// result for ordinary code: JavaScriptCore reports a call frame's column just
// past the callee expression, so the call's text is the callee (scanned
// backwards over identifiers, dots and bracketed groups) plus its balanced
// argument list (scanned forwards, skipping strings, templates, comments and
// regular expressions). When the caller is not a file on disk (eval, new
// Function) no message is generated, again like Node ("false == true").

const { AssertionError } = require('internal/assert/assertion_error');

const sourceCache = new Map();

function readSource(file) {
  if (sourceCache.has(file)) return sourceCache.get(file);
  let text = null;
  try { text = binding('fs').readFileUtf8(file); } catch { text = null; }
  if (sourceCache.size > 32) sourceCache.clear();
  sourceCache.set(file, text);
  return text;
}

// File, line and column of the frame that called `fn`.
function callSite(fn) {
  const holder = {};
  const limit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, fn);
  } finally {
    Error.stackTraceLimit = limit;
  }
  const stack = typeof holder.stack === 'string' ? holder.stack : '';
  const frame = stack.split('\n').find((l) => l.startsWith('    at '));
  if (frame === undefined) return null;
  const m = /\(?((?:\/|[A-Za-z]:\\)[^()]*?):(\d+):(\d+)\)?$/.exec(frame);
  if (m === null) return null;
  return { file: m[1], line: +m[2], column: +m[3] };
}

const isIdentChar = (ch) => /[\p{ID_Continue}$\u200c\u200d]/u.test(ch);

// Index just past the end of the string/template/comment/regexp starting at i, or -1.
function skipToken(src, i, prevSignificant) {
  const ch = src[i];
  if (ch === '"' || ch === "'") {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === ch) return j + 1;
      else if (src[j] === '\n') return -1;
    }
    return -1;
  }
  if (ch === '`') {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === '`') return j + 1;
      else if (src[j] === '$' && src[j + 1] === '{') {
        j = skipBalanced(src, j + 1);
        if (j < 0) return -1;
        j--;
      }
    }
    return -1;
  }
  if (ch === '/' && src[i + 1] === '/') {
    const nl = src.indexOf('\n', i);
    return nl === -1 ? src.length : nl;
  }
  if (ch === '/' && src[i + 1] === '*') {
    const end = src.indexOf('*/', i + 2);
    return end === -1 ? -1 : end + 2;
  }
  if (ch === '/' && (prevSignificant === '' || /[(,=:[!&|?{};+\-*%<>~^]/.test(prevSignificant))) {
    let inClass = false;
    for (let j = i + 1; j < src.length; j++) {
      const c = src[j];
      if (c === '\\') j++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) {
        j++;
        while (j < src.length && /[a-z]/.test(src[j])) j++;
        return j;
      } else if (c === '\n') return -1;
    }
    return -1;
  }
  return i; // not a skippable token
}

// `open` indexes an opening bracket; returns the index just past its partner, or -1.
function skipBalanced(src, open) {
  const closers = [];
  const pairs = { '(': ')', '[': ']', '{': '}' };
  let prev = '';
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    const next = skipToken(src, i, prev);
    if (next < 0) return -1;
    if (next !== i) {
      if (src[i] === '/' && (src[i + 1] === '/' || src[i + 1] === '*')) { i = next - 1; continue; }
      prev = 'x';
      i = next - 1;
      continue;
    }
    if (pairs[ch]) closers.push(pairs[ch]);
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (closers.pop() !== ch) return -1;
      if (closers.length === 0) return i + 1;
    }
    if (!/\s/.test(ch)) prev = ch;
  }
  return -1;
}

const keywords = new Set(['return', 'typeof', 'void', 'delete', 'await', 'yield', 'throw', 'case',
  'in', 'of', 'new', 'instanceof', 'else', 'do']);

// Start of the callee expression that ends at `end` (exclusive), or -1.
function calleeStart(src, end) {
  const skipSpaceBack = (k) => { while (k > 0 && /\s/.test(src[k - 1])) k--; return k; };
  const wordBefore = (k) => { let j = k; while (j > 0 && isIdentChar(src[j - 1])) j--; return src.slice(j, k); };
  let i = skipSpaceBack(end);
  // `f?.(x)`: the engine's column is past the `?.`.
  if (src[i - 1] === '.' && src[i - 2] === '?') i = skipSpaceBack(i - 2);
  for (;;) {
    if (i === 0) return -1;
    const ch = src[i - 1];
    if (ch === ')' || ch === ']') {
      // Walk back to the partner bracket (strings inside are rare in callees).
      const open = ch === ')' ? '(' : '[';
      let depth = 0;
      let k = i - 1;
      for (; k >= 0; k--) {
        if (src[k] === ch) depth++;
        else if (src[k] === open && --depth === 0) break;
      }
      if (k < 0) return -1;
      i = k;
      // `a[0]`, `f(1)(2)`: the group continues an expression unless a keyword precedes it.
      const prev = i > 0 ? src[i - 1] : '';
      if (prev === ')' || prev === ']' || (isIdentChar(prev) && !keywords.has(wordBefore(i)))) continue;
    } else if (isIdentChar(ch)) {
      while (i > 0 && isIdentChar(src[i - 1])) i--;
    } else {
      return -1;
    }
    const before = skipSpaceBack(i);
    if (before > 0 && src[before - 1] === '.' && src[before - 2] !== '.') {
      i = before - 1;
      if (i > 0 && src[i - 1] === '?') i--;
      i = skipSpaceBack(i);
      continue;
    }
    return i;
  }
}

const controlEscapes = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;
function escapeControl(ch) {
  const code = ch.charCodeAt(0);
  if (code === 8) return '\\b';
  if (code === 12) return '\\f';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

// The source of the call `fn` was called from, indented as Node prints it; undefined if unknown.
function callExpressionText(fn) {
  const site = callSite(fn);
  if (site === null) return undefined;
  const src = readSource(site.file);
  if (typeof src !== 'string') return undefined;
  let lineStart = 0;
  for (let l = 1; l < site.line; l++) {
    lineStart = src.indexOf('\n', lineStart) + 1;
    if (lineStart === 0) return undefined;
  }
  const calleeEnd = lineStart + site.column - 1;
  let open = calleeEnd;
  while (open < src.length && /\s/.test(src[open])) open++;
  if (src[open] === '?' && src[open + 1] === '.') open += 2;
  while (open < src.length && /\s/.test(src[open])) open++;
  if (src[open] !== '(') return undefined;
  const close = skipBalanced(src, open);
  const start = calleeStart(src, calleeEnd);
  if (close < 0 || start < 0) return undefined;
  let text = src.slice(start, close).replace(controlEscapes, escapeControl);
  if (text.includes('\n')) {
    // Continuation lines lose up to the call's own indentation.
    const column = start - (src.lastIndexOf('\n', start - 1) + 1);
    const [first, ...rest] = text.replace(/\r\n/g, '\n').split('\n');
    text = first;
    for (const line of rest) {
      let pos = 0;
      while (pos < column && (line[pos] === ' ' || line[pos] === '\t')) pos++;
      text += `\n  ${line.slice(pos)}`;
    }
  }
  return `The expression evaluated to a falsy value:\n\n  ${text}\n`;
}

// Shared by assert(), assert.ok() and assert.strict().
function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    try { message = callExpressionText(fn); } catch { message = undefined; }
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

module.exports = { innerOk };
