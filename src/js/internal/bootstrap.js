'use strict';
// Runs first in every agent (main thread and each worker). Sets up the builtin
// module loader, `process` and the globals, and exports the hooks that the C
// side calls: run the main script, run timers/immediates/ticks, uncaught errors.

const builtins = binding('builtins');
const cache = new Map();
// A builtin's wrapper takes, after `process`, the realm's intrinsics it names, as they were
// before any program ran (mod_builtins' wrapperArgs, jsc/intrinsics.h), as bootstrap's own did.
const apply = Reflect.apply;

function builtinRequire(id) {
  const cached = cache.get(id);
  if (cached !== undefined) return cached.exports;
  const fn = builtins.compile(id);
  if (fn === undefined) {
    const err = new Error(`Cannot find module '${id}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  const mod = { id, exports: {}, loaded: false };
  cache.set(id, mod);
  apply(fn, mod.exports, builtins.wrapperArgs(id, mod.exports, builtinRequire, mod, binding, process));
  mod.loaded = true;
  const hooks = loadHooks.get(id);
  if (hooks !== undefined) {
    loadHooks.delete(id);
    for (const hook of hooks) hook(mod.exports);
  }
  return mod.exports;
}

// whenLoaded(id, fn): fn(exports) once builtin `id` has loaded (now, if it has): lets a
// module adjust to another without loading it.
const loadHooks = new Map();
function whenLoaded(id, fn) {
  const mod = cache.get(id);
  if (mod !== undefined && mod.loaded) {
    fn(mod.exports);
    return;
  }
  const hooks = loadHooks.get(id);
  if (hooks === undefined) loadHooks.set(id, [fn]);
  else hooks.push(fn);
}

const allIds = builtins.ids();
// Built on first use: array callbacks cost ~70 us each the first time in a fresh VM.
let publicIds;
function getPublicIds() {
  if (publicIds === undefined) publicIds = allIds.filter((id) => !id.startsWith('internal/'));
  return publicIds;
}
cache.set('internal/builtin_loader', {
  exports: {
    require: builtinRequire,
    binding,
    canBeRequiredByUsers: (id) => typeof id === 'string' && !id.startsWith('internal/') && allIds.includes(id),
    isLoaded: (id) => cache.has(id),
    whenLoaded,
    defineOnFirstUse,
    get publicIds() { return getPublicIds(); },
  },
  loaded: true,
});

// process first: everything else may use it. Every builtin gets this object as a parameter
// of its wrapper (not the global: sandboxes delete that); internal/process/object makes it
// the process, so the modules it loads itself hold the same object.
process = {}; // this module's own wrapper parameter (C passes none)
builtinRequire('internal/process/object');
Object.defineProperty(globalThis, 'process', {
  value: process, writable: true, configurable: true, enumerable: false,
});
// Symbol.dispose and Symbol.asyncDispose, as node 20 adds them where the engine has none.
// (no for-of here: its first use in a fresh VM costs time and memory)
function defineSymbol(name) {
  if (typeof Symbol[name] !== 'symbol') {
    Object.defineProperty(Symbol, name, { value: Symbol(`nodejs.${name}`), writable: false, enumerable: false, configurable: false });
  }
}
defineSymbol('dispose');
defineSymbol('asyncDispose');

Object.defineProperty(globalThis, 'global', {
  value: globalThis, writable: true, configurable: true, enumerable: true,
});

// --expose-gc: gc() as node's (a full collection; { execution: 'async' } gives a promise that
// settles after it), in every thread of the process.
if (binding('process').exposeGc) {
  const collect = binding('process').gc;
  Object.defineProperty(globalThis, 'gc', {
    value: function gc() {
      const options = arguments[0];
      if (options !== null && typeof options === 'object' && options.execution === 'async') {
        return Promise.resolve().then(() => { collect(); });
      }
      collect();
    },
    writable: true, configurable: false, enumerable: true,
  });
}

// Globals load on first use, so a script that never touches URL pays nothing for it.
const lazyGlobals = {
  console: ['internal/console', 'console'],
  setTimeout: ['timers', 'setTimeout'],
  clearTimeout: ['timers', 'clearTimeout'],
  setInterval: ['timers', 'setInterval'],
  clearInterval: ['timers', 'clearInterval'],
  setImmediate: ['timers', 'setImmediate'],
  clearImmediate: ['timers', 'clearImmediate'],
  structuredClone: ['internal/structured_clone', 'structuredClone'],
  TextEncoder: ['internal/encoding', 'TextEncoder'],
  TextDecoder: ['internal/encoding', 'TextDecoder'],
  URL: ['internal/url', 'URL'],
  URLSearchParams: ['internal/url', 'URLSearchParams'],
  Event: ['internal/event_target', 'Event'],
  EventTarget: ['internal/event_target', 'EventTarget'],
  CustomEvent: ['internal/event_target', 'CustomEvent'],
  AbortController: ['internal/abort_controller', 'AbortController'],
  AbortSignal: ['internal/abort_controller', 'AbortSignal'],
  DOMException: ['internal/domexception', 'DOMException'],
  atob: ['buffer', 'atob'],
  btoa: ['buffer', 'btoa'],
  Buffer: ['buffer', 'Buffer'],
  performance: ['perf_hooks', 'performance'],
  PerformanceEntry: ['perf_hooks', 'PerformanceEntry'],
  PerformanceMark: ['perf_hooks', 'PerformanceMark'],
  PerformanceMeasure: ['perf_hooks', 'PerformanceMeasure'],
  PerformanceObserver: ['perf_hooks', 'PerformanceObserver'],
  PerformanceObserverEntryList: ['perf_hooks', 'PerformanceObserverEntryList'],
  PerformanceResourceTiming: ['perf_hooks', 'PerformanceResourceTiming'],
  MessageChannel: ['worker_threads', 'MessageChannel'],
  MessagePort: ['worker_threads', 'MessagePort'],
  BroadcastChannel: ['worker_threads', 'BroadcastChannel'],
  MessageEvent: ['internal/worker/message_event', 'MessageEvent'],
  SharedArrayBuffer: ['internal/shared', 'SharedArrayBuffer'],
  crypto: ['crypto', 'webcrypto'],
  Crypto: ['crypto', 'Crypto'],
};
// Enumerable as in node (the web-compat functions are, the classes are not).
const enumerableGlobals = new Set(['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate',
  'clearImmediate', 'structuredClone', 'atob', 'btoa', 'performance', 'crypto']);
// A property (of globalThis, or of a module's exports) computed on its first read, then a
// plain data property (which a write also makes, after onWrite if given).
function defineOnFirstUse(target, name, enumerable, compute, onWrite) {
  const define = (value) => Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable });
  Object.defineProperty(target, name, {
    configurable: true,
    enumerable,
    get() { const value = compute(); define(value); return value; },
    set(value) { if (onWrite) onWrite(); define(value); },
  });
}
for (const name of Object.keys(lazyGlobals)) {
  const [id, key] = lazyGlobals[name];
  if (!allIds.includes(id)) continue; // not written yet
  defineOnFirstUse(globalThis, name, enumerableGlobals.has(name), () => builtinRequire(id)[key]);
}

// Atomics' waiting functions are spindle's (they work across VMs); loaded on first use.
for (const name of ['wait', 'waitAsync', 'notify']) {
  Object.defineProperty(Atomics, name, {
    configurable: true,
    enumerable: false,
    get() {
      const value = builtinRequire('internal/shared')[name];
      Object.defineProperty(Atomics, name, { value, writable: true, configurable: true, enumerable: false });
      return value;
    },
  });
}

// A FinalizationRegistry's callbacks are queued by the engine itself, where a
// later realm of the same VM would run them: a worker whose realm touched it
// does not hand its VM on (mod_worker reuses a finished worker's VM).
if (typeof FinalizationRegistry === 'function') {
  const FR = globalThis.FinalizationRegistry;
  const touched = () => binding('process').engineDeferredWork();
  defineOnFirstUse(globalThis, 'FinalizationRegistry', false, () => { touched(); return FR; }, touched);
}

// WebAssembly gets spindle's wrappers (internal/wasm) when a program first reads the
// global: most realms never do, and the wrappers' code costs each one memory.
if (typeof WebAssembly === 'object') {
  const real = globalThis.WebAssembly;
  defineOnFirstUse(globalThis, 'WebAssembly', false, () => { builtinRequire('internal/wasm').install(real); return real; });
}

const { queueMicrotask } = builtinRequire('internal/process/task_queues');
Object.defineProperty(globalThis, 'queueMicrotask', {
  value: queueMicrotask, writable: true, configurable: true, enumerable: true,
});
builtinRequire('internal/errors').installStackTraceApi();

const taskQueues = builtinRequire('internal/process/task_queues');
const execution = builtinRequire('internal/process/execution');

module.exports = {
  runMain: execution.runMain,
  evalScript: execution.evalScript,
  emitBeforeExit: execution.emitBeforeExit,
  emitExit: execution.emitExit,
  onUncaughtException: execution.onUncaughtException,
  onUnhandledRejection: taskQueues.onUnhandledRejection,
  processTicksAndRejections: taskQueues.processTicksAndRejections,
  loadBuiltin(id) { return builtinRequire(id); },
  runWorker() { builtinRequire('internal/worker/child').run(); },
  prewarmWorker() { builtinRequire('internal/worker/child').prewarm(); },
  processTimers(now) { return builtinRequire('internal/timers').processTimers(now); },
  processImmediates(first) { return builtinRequire('internal/timers').processImmediates(first); },
};
