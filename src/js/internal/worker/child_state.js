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
  execArgv: [],  // the job's (its workers' default)
  hasJob: false, // set once the fields above hold what the parent sent
  onJob: null,   // called then, if set (by worker_threads loaded ahead, in a spare)
  serializeError,
  deserializeError,
  // resourceLimits' keys, in the order the parent's spawn() and the worker's workerInit() pass them
  resourceLimitKeys: ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb', 'codeRangeSizeMb', 'stackSizeMb'],
  // a job's flags, as the parent's spawn() and the worker's workerInit() pass them (mod_worker.c's JOB_*)
  jobFlags: { JOB_EVAL: 1, JOB_STDIN: 2, JOB_ENV_SHARED: 4, JOB_ENV_GIVEN: 8, JOB_KEEP_FDS: 16 },
};

// An uncaught error crosses threads as node's internal/error_serdes sends it: an Error as
// the name of the nearest standard constructor on its prototype chain plus every property
// along that chain (as descriptors, getters read, functions left out), so the parent gets
// name, message, stack, cause, errors, code and the rest as the worker had them, on an
// object of that constructor's prototype. Anything else is structured-cloned, or else
// travels as its inspected text. `stackPrefix`: the source line and caret node puts
// above the stack of an error thrown (not rejected) in a worker.
const errorCtors = { Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError, EvalError };
const objectToString = Object.prototype.toString;
// JavaScriptCore's own properties of an error (V8 has none of them)
const engineKeys = new Set(['line', 'column', 'sourceURL']);

function standardConstructorName(error) {
  for (let o = error; o !== null; o = Object.getPrototypeOf(o)) {
    const ctor = Object.getOwnPropertyDescriptor(o, 'constructor');
    const name = ctor && ctor.value ? Object.getOwnPropertyDescriptor(ctor.value, 'name') : undefined;
    if (name && Object.hasOwn(errorCtors, name.value)) return name.value;
  }
  return undefined;
}

// Nearer properties win: the chain is walked from its far end.
function allProperties(object, target) {
  const all = { __proto__: null };
  if (object === null) return all;
  Object.assign(all, allProperties(Object.getPrototypeOf(object), target));
  for (const key of Object.getOwnPropertyNames(object)) {
    let d;
    try { d = Object.getOwnPropertyDescriptor(object, key); } catch { continue; }
    if (engineKeys.has(key) && !d.enumerable) continue;
    if (d.get && key !== '__proto__') {
      try { d.value = d.get.call(target); } catch { /* left without a value */ }
    }
    if ('value' in d && typeof d.value !== 'function') {
      delete d.get;
      delete d.set;
      all[key] = d;
    }
  }
  return all;
}

function serializeError(error, stackPrefix = '') {
  if (typeof error === 'symbol') return { kind: 'symbol', description: error.description ?? '' };
  try {
    if (error !== null && typeof error === 'object' && objectToString.call(error) === '[object Error]') {
      // node writes the source line into the error's own stack before sending it (either way)
      try {
        if (typeof error.stack === 'string') error.stack = stackPrefix + require('internal/errors').v8Stack(error);
      } catch { /* a frozen error keeps its stack */ }
      const constructor = standardConstructorName(error);
      if (constructor !== undefined) {
        const properties = allProperties(error, error);
        const data = { kind: 'error', constructor, properties };
        structuredClone(data); // an uncloneable property: sent the next way, as node does
        return data;
      }
    }
  } catch { /* the next way */ }
  const { inspect } = require('internal/util/inspect');
  try {
    if (error != null && Object.hasOwn(error, inspect.custom)) return { kind: 'custom', text: inspect(error) };
  } catch { /* the next way */ }
  try {
    structuredClone(error);
    return { kind: 'value', value: error };
  } catch { /* the last way */ }
  return { kind: 'inspected', text: inspectOrString(error) };
}

function inspectOrString(value) {
  try { return require('internal/util/inspect').inspect(value); } catch { return String(value); }
}

function deserializeError(data) {
  switch (data && data.kind) {
    case 'error': {
      const ctor = errorCtors[data.constructor] || Error;
      const properties = data.properties;
      Object.defineProperty(properties, Symbol.toStringTag, {
        value: { value: 'Error', configurable: true }, enumerable: true,
      });
      return Object.create(ctor.prototype, properties);
    }
    case 'value': return data.value;
    case 'symbol': return Symbol(data.description);
    case 'custom': {
      const { inspect } = require('internal/util/inspect');
      return { __proto__: null, [inspect.custom]: () => data.text };
    }
    default: return data && data.text;
  }
}

// The limits a worker reports (worker.resourceLimits, and resourceLimits inside
// it): what was asked, else V8's defaults as node reports them (the old
// generation defaults to a quarter of the RAM, at most 4 GiB). v8's heap limit too.
let quarterOfRam; // read once: /proc/meminfo on every spawn cost ~50 us
state.effectiveLimits = function effectiveLimits(asked) {
  if (quarterOfRam === undefined) quarterOfRam = Math.floor(binding('os').totalmem() / 4 / (1024 * 1024));
  return {
    maxYoungGenerationSizeMb: asked.maxYoungGenerationSizeMb || 48,
    maxOldGenerationSizeMb: asked.maxOldGenerationSizeMb || Math.min(4096, Math.max(256, quarterOfRam)),
    codeRangeSizeMb: asked.codeRangeSizeMb || 0,
    stackSizeMb: asked.stackSizeMb || 4,
  };
};

module.exports = state;
