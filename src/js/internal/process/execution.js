'use strict';
// Running the main script, process exit events, and uncaught errors.

const native = binding('process');

function runMain(filename) {
  const Module = require('internal/modules/cjs');
  Module.runMain(filename);
}

function evalScript(source, print) {
  const Module = require('internal/modules/cjs');
  const result = Module.evalScript(source, '[eval]');
  if (print) {
    const { inspect } = require('internal/util/inspect');
    native.write(1, `${typeof result === 'string' ? result : inspect(result)}\n`);
  }
}

function emitBeforeExit() {
  if (process._exiting) return;
  process.emit('beforeExit', process.exitCode || 0);
}

// The loop ran dry: emit 'exit' and return the final exit code.
function emitExit() {
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  }
  return process.exitCode || 0;
}

// Source line and caret for an error thrown from a file, as node prints them.
function sourceContext(err) {
  try {
    const file = err.sourceURL;
    const line = err.line;
    if (typeof file !== 'string' || !file.startsWith('/') || !(line > 0)) return '';
    const text = binding('fs').readFileUtf8(file).split('\n')[line - 1];
    if (text === undefined) return '';
    const col = Math.max(0, (err.column || 1) - 1);
    return `${file}:${line}\n${text}\n${' '.repeat(Math.min(col, text.length))}^\n\n`;
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
  const ctx = err !== null && typeof err === 'object' ? sourceContext(err) : '';
  return `${ctx}${body}\n\nNode.js ${process.version}\n`;
}

// Set by the worker runtime: an uncaught error ends the worker and goes to its parent.
let workerHandler = null;
function setWorkerUncaughtHandler(fn) { workerHandler = fn; }

function onUncaughtException(err) {
  if (process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err, 'uncaughtException');
    return;
  }
  if (workerHandler !== null) {
    workerHandler(err);
    return;
  }
  native.write(2, formatUncaught(err));
  process.exitCode = 1;
  if (!process._exiting) {
    process._exiting = true;
    try { process.emit('exit', 1); } catch { /* already failing */ }
  }
  native.reallyExit(1);
}

function reportMicrotaskError(err) {
  onUncaughtException(err);
}

module.exports = {
  runMain, evalScript, emitBeforeExit, emitExit, onUncaughtException, reportMicrotaskError,
  formatUncaught, setWorkerUncaughtHandler,
};
