'use strict';
// vm: scripts run in this realm or in a context. A context is a realm of its own in the
// thread's VM (src/mod/mod_vm.c), whose global object puts the context object (node's
// "contextified" object) in front of it: a name the object has reads from it, global
// assignments and declarations write to it. Values cross between the realms as they are
// (the same VM), so an array made in a context is not `instanceof Array` here, as in node.
//
// Not here (JavaScriptCore has no such hooks): `timeout` and `breakOnSigint` (a run is not
// stopped), code caches (`cachedData` is always rejected, `createCachedData()` is empty),
// `microtaskMode`, contexts without code generation (refused), the experimental module classes.

const native = binding('vm');
const { codes, makeNodeError, validateString, validateObject, validateArray, validateBoolean, validateInt32, validateUint32 } =
  require('internal/errors');

// what C asks of the realm's global (held here, so alive as long as any context)
const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
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
  validateObject(contextifiedObject, 'object', { allowArray: true });
  const evaluate = evaluators.get(contextifiedObject);
  if (evaluate === undefined) throw new codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  return evaluate;
}

// names: what the options are called where they were given (runInNewContext's are contextName ...)
function validateContextOptions(options, names) {
  validateObject(options, 'options');
  const { name, origin, codeGeneration, microtaskMode } = options;
  if (name !== undefined) validateString(name, names.name);
  if (origin !== undefined) validateString(origin, names.origin);
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, names.codeGeneration);
    const { strings, wasm } = codeGeneration;
    if (strings !== undefined) validateBoolean(strings, `${names.codeGeneration}.strings`);
    if (wasm !== undefined) validateBoolean(wasm, `${names.codeGeneration}.wasm`);
    // a context that may not make code from strings or compile wasm: the C API cannot forbid
    // either, and quietly allowing what the caller forbade would be worse than refusing
    if (strings === false || wasm === false) {
      throw new codes.ERR_SPINDLE_UNSUPPORTED('vm contexts without code generation (options.codeGeneration)');
    }
  }
  if (microtaskMode !== undefined && microtaskMode !== 'afterEvaluate') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.microtaskMode', microtaskMode, "must be 'afterEvaluate' or undefined");
  }
}

const contextOptionNames = { name: 'options.name', origin: 'options.origin', codeGeneration: 'options.codeGeneration' };
const newContextOptionNames = {
  name: 'options.contextName', origin: 'options.contextOrigin', codeGeneration: 'options.contextCodeGeneration',
};

function createContext(contextObject = {}, options = {}) {
  return contextify(contextObject, options, contextOptionNames);
}

// createContext, with the names the options had where they were given
function contextify(contextObject, options, optionNames) {
  if (contextObject !== DONT_CONTEXTIFY) validateObject(contextObject, 'object', { allowArray: true });
  validateContextOptions(options, optionNames);
  if (contextObject === DONT_CONTEXTIFY) contextObject = {};
  if (evaluators.has(contextObject)) return contextObject;
  const [evaluate, realmGlobal] = native.makeContext(contextObject, getOwnPropertyDescriptor);
  evaluators.set(contextObject, evaluate);
  contextObjects.set(realmGlobal, contextObject);
  return contextObject;
}

// A Script's run options (an object); the functions that make the Script also take a string,
// its filename, which is no run option (runOptionsOf).
function runOptions(options) {
  if (options === undefined) return;
  validateObject(options, 'options');
  const { displayErrors, timeout, breakOnSigint } = options;
  if (displayErrors !== undefined) validateBoolean(displayErrors, 'options.displayErrors');
  if (breakOnSigint !== undefined) validateBoolean(breakOnSigint, 'options.breakOnSigint');
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
}
const runOptionsOf = (options) => (typeof options === 'string' ? undefined : options);

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
    // the C API takes no column offset: the first line is shifted by as many spaces
    this.#code = columnOffset > 0 ? ' '.repeat(columnOffset) + code : code;
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
    return this.runInContext(newContext(contextObject, options), options);
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

// runInNewContext's context: from its context object and the options that are createContext's
function newContext(contextObject = {}, options) {
  return contextify(contextObject, contextOptionsOf(options), newContextOptionNames);
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
  return createScript(code, options).runInThisContext(runOptionsOf(options));
}

function runInContext(code, contextifiedObject, options) {
  evaluatorOf(contextifiedObject);
  return createScript(code, options).runInContext(contextifiedObject, runOptionsOf(options));
}

function runInNewContext(code, contextObject, options) {
  return createScript(code, options).runInContext(newContext(contextObject, options), runOptionsOf(options));
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
  // The parameters and the body are parsed on their own first (the Function constructor parses
  // each as what it must be), so that neither can close the wrapper below and run code of its
  // own: `compileFunction('}); evil(); (function () {')` is a SyntaxError, as in node.
  new (evaluate('Function', filename, 1))(...params, code);
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

let measureMemoryWarned = false;
function measureMemory(options = {}) {
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  const { inspect } = require('util');
  if (mode !== 'summary' && mode !== 'detailed') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.mode' must be one of: 'summary', 'detailed'. Received ${inspect(mode)}`);
  }
  if (execution !== 'default' && execution !== 'eager') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'options.execution' must be one of: 'default', 'eager'. Received ${inspect(execution)}`);
  }
  if (!measureMemoryWarned) {
    measureMemoryWarned = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time', 'ExperimentalWarning');
  }
  // the thread's one heap: contexts share it, so all of it is the current context's
  const used = process.memoryUsage().heapUsed;
  const estimate = () => ({ jsMemoryEstimate: used, jsMemoryRange: [used, used] });
  const result = { total: estimate() };
  if (mode === 'detailed') Object.assign(result, { current: estimate(), other: [] });
  return Promise.resolve(result);
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
