'use strict';
// Inside a worker thread: the state handed over by the parent (filled by
// internal/worker/child before user code runs), and error (de)serialization
// for the 'error' event, shared by both sides.

const state = {
  parentPort: null,
  ctrl: null,
  workerData: null,
  resourceLimits: {},
  environmentData: null,
  hasJob: false, // set once the fields above hold what the parent sent
  onJob: null,   // called then, if set (by worker_threads loaded ahead, in a spare)
  serializeError,
  deserializeError,
};

// An uncaught error crosses threads as a plain object; the parent rebuilds it
// with its name, message, stack (V8 shape), and own properties such as `code`.
function serializeError(err) {
  if (err === null || (typeof err !== 'object' && typeof err !== 'function')) {
    return { isError: false, value: err };
  }
  const { v8Stack } = require('internal/errors');
  const out = { isError: err instanceof Error, name: undefined, message: undefined, stack: undefined, props: {} };
  try { out.name = err.name; } catch { /* ignore */ }
  try { out.message = err.message; } catch { /* ignore */ }
  try { out.stack = err instanceof Error ? v8Stack(err) : undefined; } catch { /* ignore */ }
  for (const key of Object.keys(err)) {
    try {
      const v = err[key];
      structuredClone(v);
      out.props[key] = v;
    } catch { /* not cloneable: dropped */ }
  }
  if (!out.isError) {
    try { structuredClone(err); out.value = err; } catch { out.value = String(err); }
  }
  return out;
}

const ctors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };

function deserializeError(data) {
  if (!data || !data.isError) return data ? data.value : data;
  const Ctor = ctors[data.name] || Error;
  const err = Object.create(Ctor.prototype);
  Object.defineProperty(err, 'message', { value: data.message, writable: true, configurable: true, enumerable: false });
  if (data.name !== Ctor.name) {
    Object.defineProperty(err, 'name', { value: data.name, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(err, 'stack', { value: data.stack, writable: true, configurable: true, enumerable: false });
  Object.assign(err, data.props);
  return err;
}

module.exports = state;
