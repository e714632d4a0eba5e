'use strict';
// vm: scripts run in this realm or in a context. A context is a realm of its own in the
// thread's VM (src/mod/mod_vm.c), whose global object puts the context object (node's
// "contextified" object) in front of it: a name the object has reads from it, global
// assignments and declarations write to it. Values cross between the realms as they are
// (the same VM), so an array made in a context is not `instanceof Array` here, as in node.
//
// Not here (JavaScriptCore has no such hooks): `timeout` and `breakOnSigint` (a run is not
// stopped), code caches (`cachedData` is always rejected, `createCachedData()` is empty),
// `microtaskMode`, `codeGeneration`, the experimental module classes.

const native = binding('vm');
const { codes, makeNodeError, validateString, validateObject, validateArray, validateBoolean, validateInt32 } =
  require('internal/errors');

// context object -> the evaluate function of its realm (which keeps the realm alive)
const evaluators = new WeakMap();
// the realm's globalThis -> its context object: C holds the object unprotected, so it lives
// exactly as long as the realm does (a function made in the realm keeps both)
const contextObjects = new WeakMap();

const DONT_CONTEXTIFY = Symbol('vm_context_no_contextify');
const USE_MAIN_CONTEXT_DEFAULT_LOADER = Symbol('vm_dynamic_import_main_context_default');
const constants = Object.freeze({ __proto__: null, USE_MAIN_CONTEXT_DEFAULT_LOADER, DONT_CONTEXTIFY });

function isContext(object) {
  validateObject(object, 'object', { allowArray: true });
  return evaluators.has(object);
}

function evaluatorOf(contextifiedObject) {
  const evaluate = typeof contextifiedObject === 'object' && contextifiedObject !== null ?
    evaluators.get(contextifiedObject) : undefined;
  if (evaluate === undefined) throw new codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  return evaluate;
}

function validateContextOptions(options) {
  validateObject(options, 'options');
  const { name, origin, codeGeneration, microtaskMode } = options;
  if (name !== undefined) validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    const { strings, wasm } = codeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.codeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  if (microtaskMode !== undefined && microtaskMode !== 'afterEvaluate') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.microtaskMode', microtaskMode, "must be 'afterEvaluate' or undefined");
  }
}

function createContext(contextObject = {}, options = {}) {
  if (contextObject !== DONT_CONTEXTIFY) validateObject(contextObject, 'object', { allowArray: true });
  validateContextOptions(options);
  if (contextObject === DONT_CONTEXTIFY) contextObject = {};
  if (evaluators.has(contextObject)) return contextObject;
  const [evaluate, realmGlobal] = native.makeContext(contextObject);
  evaluators.set(contextObject, evaluate);
  contextObjects.set(realmGlobal, contextObject);
  return contextObject;
}

function runOptions(options) {
  if (options === undefined) return;
  if (typeof options === 'string') return;
  validateObject(options, 'options');
  const { displayErrors, timeout, breakOnSigint } = options;
  if (displayErrors !== undefined) validateBoolean(displayErrors, 'options.displayErrors');
  if (breakOnSigint !== undefined) validateBoolean(breakOnSigint, 'options.breakOnSigint');
  if (timeout !== undefined) {
    validateInt32(timeout, 'options.timeout', 1);
  }
}

class Script {
  #code;
  #filename;
  #line;

  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0, cachedData,
      produceCachedData = false,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    native.checkSyntax(code, filename, lineOffset + 1); // a SyntaxError is thrown here, as in node
    this.#code = code;
    this.#filename = filename;
    this.#line = lineOffset + 1;
    this.sourceMapURL = sourceMapURLOf(code);
    if (cachedData !== undefined) this.cachedDataRejected = true; // JavaScriptCore keeps no code caches
    if (produceCachedData) this.cachedDataProduced = false;
  }

  runInThisContext(options) {
    runOptions(options);
    return native.evaluate(this.#code, this.#filename, this.#line);
  }

  runInContext(contextifiedObject, options) {
    const evaluate = evaluatorOf(contextifiedObject);
    runOptions(options);
    return evaluate(this.#code, this.#filename, this.#line);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, contextOptionsOf(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    return require('buffer').Buffer.alloc(0);
  }
}

// The URL a `//# sourceMappingURL=` comment at the end names.
function sourceMapURLOf(code) {
  const m = /\/\/[#@] ?sourceMappingURL=([^\s'"]*)\s*$/.exec(code);
  return m ? m[1] : undefined;
}

// runInNewContext's options that are createContext's (node's contextName ...)
function contextOptionsOf(options) {
  if (options === undefined || typeof options === 'string') return {};
  validateObject(options, 'options');
  const out = {};
  if (options.contextName !== undefined) out.name = options.contextName;
  if (options.contextOrigin !== undefined) out.origin = options.contextOrigin;
  if (options.contextCodeGeneration !== undefined) out.codeGeneration = options.contextCodeGeneration;
  if (options.microtaskMode !== undefined) out.microtaskMode = options.microtaskMode;
  return out;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInThisContext(code, options) {
  return createScript(code, options).runInThisContext(options);
}

function runInContext(code, contextifiedObject, options) {
  evaluatorOf(contextifiedObject);
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  const context = createContext(contextObject, contextOptionsOf(options));
  return createScript(code, options).runInContext(context, options);
}

// A function of `params` whose body is `code`, compiled in this realm or in a context's, with
// the contextExtensions' properties in scope (through `with`, as node's are).
function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((p, i) => validateString(p, `params[${i}]`));
  validateObject(options, 'options');
  const { filename = '', lineOffset = 0, columnOffset = 0, parsingContext, contextExtensions = [] } = options;
  validateString(filename, 'options.filename');
  validateInt32(lineOffset, 'options.lineOffset');
  validateInt32(columnOffset, 'options.columnOffset');
  const evaluate = parsingContext === undefined ? native.evaluate : evaluatorOfOption(parsingContext);
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((e, i) => validateObject(e, `options.contextExtensions[${i}]`));
  // the body starts on the wrapper's line, so that its line numbers are the source's
  const head = `(function (${params.join(', ')}) {`;
  if (contextExtensions.length === 0) return evaluate(`${head}${code}\n})`, filename, lineOffset + 1);
  const names = contextExtensions.map((_, i) => `__spindle_ext${i}`);
  const withs = names.map((n) => `with (${n}) `).join('');
  const outer = evaluate(`(function (${names.join(', ')}) { ${withs}return ${head}${code}\n}); })`, filename, lineOffset + 1);
  return outer(...contextExtensions);
}

function evaluatorOfOption(parsingContext) {
  const evaluate = typeof parsingContext === 'object' && parsingContext !== null ? evaluators.get(parsingContext) : undefined;
  if (evaluate === undefined) throw new codes.ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
  return evaluate;
}

function measureMemory(options = {}) {
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  if (mode !== 'summary' && mode !== 'detailed') {
    return Promise.reject(makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.mode' must be one of: 'summary', 'detailed'. Received ${require('util').inspect(mode)}`));
  }
  if (execution !== 'default' && execution !== 'eager') {
    return Promise.reject(makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.execution' must be one of: 'default', 'eager'. Received ${require('util').inspect(execution)}`));
  }
  const used = process.memoryUsage().heapUsed;
  return Promise.resolve({ total: { jsMemoryEstimate: used, jsMemoryRange: [used, used] } });
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
