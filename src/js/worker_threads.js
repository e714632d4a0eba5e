'use strict';
// worker_threads: Worker, the ports, and the per-thread module state.

const EventEmitter = require('events');
const native = binding('worker');
const io = require('internal/worker/io');
const { codes, validateString, validateArray, validateObject, validateBoolean } = require('internal/errors');
const child = require('internal/worker/child_state');

const processBinding = binding('process');
const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');
const kHandle = Symbol('kHandle');
const kLimits = Symbol('kLimits');
const kPort = Symbol('kPort');
const kCtrl = Symbol('kCtrl');
const kOwner = Symbol('kOwner');
const kExitCode = Symbol('kExitCode');
const kTerminating = Symbol('kTerminating');
const kStdout = Symbol('kStdout');
const kStdin = Symbol('kStdin');
const kStderr = Symbol('kStderr');
const kCaptured = Symbol('kCaptured'); // [, stdout: true, stderr: true]
const kExitTick = Symbol('kExitTick'); // 'exit' is being emitted (this tick)
const kOnline = Symbol('kOnline');
const kDelivering = Symbol('kDelivering'); // a user message is being emitted
const kLateError = Symbol('kLateError'); // an 'error' that waits for it
const kThreadId = Symbol('kThreadId');
// node's Worker has no underscore methods: the internal ones are symbol-keyed
const kOnControl = Symbol('kOnControl');
const kEmitError = Symbol('kEmitError');

const environmentData = new Map();
const { JOB_EVAL, JOB_STDIN, JOB_ENV_SHARED, JOB_ENV_GIVEN, JOB_KEEP_FDS } = child.jobFlags;

function toFilename(filename, isEval, evalOption) {
  if (isEval) {
    if (typeof filename !== 'string') throw new codes.ERR_INVALID_ARG_VALUE('options.eval', evalOption,
      'must be false when \'filename\' is not a string');
    return filename;
  }
  if (filename !== null && typeof filename === 'object' && typeof filename.href === 'string' &&
      typeof filename.protocol === 'string') {
    if (filename.protocol === 'data:') return null; // an ES module: see the constructor
    if (filename.protocol !== 'file:') {
      throw new codes.ERR_INVALID_URL_SCHEME('file');
    }
    return require('url').fileURLToPath(filename);
  }
  if (typeof filename !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (filename.startsWith('file:')) throw new codes.ERR_WORKER_PATH(filename);
  const path = require('path'); // only here: a worker's start-up never needs it
  if (!path.isAbsolute(filename) && !/^\.\.?[\\/]/.test(filename)) throw new codes.ERR_WORKER_PATH(filename);
  return path.resolve(filename);
}

function copyEnv(env) {
  const out = {};
  for (const key of Object.keys(env)) out[key] = `${env[key]}`;
  return out;
}

const { resourceLimitKeys, effectiveLimits } = child;

// worker.performance.eventLoopUtilization(): the worker's loop, read from this
// thread (zeros before it started and once it ended, as in node).
function workerLoopUtilization(worker, util1, util2) {
  if (worker[kHandle] === null) return { idle: 0, active: 0, utilization: 0 };
  const [loopStart, idle] = native.workerLoopTimes(worker[kHandle]);
  return require('internal/perf/event_loop_utilization').eventLoopUtilization(loopStart, idle, util1, util2);
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    // Validation order follows node's, since which error wins is observable (options null
    // is a TypeError, as node's read of options.execArgv).
    // As node: without the option a worker has its parent's execArgv (so its preloads too)
    let execArgv = native.isMainThread ? processBinding.execArgv : child.execArgv;
    if (options.execArgv) {
      validateArray(options.execArgv, 'options.execArgv');
      execArgv = options.execArgv.map(String);
    }
    let argv = [];
    if (options.argv) {
      validateArray(options.argv, 'options.argv');
      argv = options.argv.map(String);
    }
    const isEval = !!options.eval;
    const file = toFilename(filename, isEval, options.eval);
    let env;
    if (options.env === SHARE_ENV) {
      env = null;
    } else if (options.env === undefined || options.env === null) {
      // undefined: the copy of the C environment is made natively (cheaper)
      env = process.env === processBinding.liveEnv ? undefined : copyEnv(process.env);
    } else if (typeof options.env === 'object') {
      env = copyEnv(options.env);
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('options.env',
        ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], options.env);
    }
    let name = '';
    if (options.name) {
      validateString(options.name, 'options.name');
      name = options.name;
    }
    // As node v20: only numbers count, anything else is ignored (no error).
    const resourceLimits = {};
    const askedLimits = options.resourceLimits;
    if (typeof askedLimits === 'object' && askedLimits !== null) {
      for (const key of resourceLimitKeys) {
        if (typeof askedLimits[key] === 'number') resourceLimits[key] = askedLimits[key];
      }
    }
    // As node: checked where node's native constructor checks it, after the options above
    if (options.execArgv && execArgv.length > 0) {
      const invalid = require('internal/worker/exec_argv').invalidExecArgv(execArgv);
      if (invalid.length > 0) throw new codes.ERR_WORKER_INVALID_EXEC_ARGV(invalid);
    }
    // As node v20: read as an array-like (a string gives its characters, which
    // then fail as transferables; a number or a plain object gives nothing).
    let transferList;
    if (options.transferList) transferList = Array.prototype.slice.call(options.transferList);

    const processArgv = [process.execPath, isEval ? '[worker eval]' : file, ...argv];
    // The job goes to C as plain fields; only what only a structured clone can carry
    // (workerData, environment data, a given env) is cloned, and only when there is some.
    const flags = (isEval ? JOB_EVAL : 0) | (options.stdin ? JOB_STDIN : 0) | (env === null ? JOB_ENV_SHARED : 0) |
      (env !== null && env !== undefined ? JOB_ENV_GIVEN : 0) | ((options.trackUnmanagedFds ?? true) ? 0 : JOB_KEEP_FDS);
    const limits = effectiveLimits(resourceLimits);
    // As node: a worker given an `env` takes its preloads and flags (not process.execArgv)
    // from that env's NODE_OPTIONS, split here (refused if unterminated) and sent with the
    // env; any other follows the process's NODE_OPTIONS (internal/worker/child).
    let nodeOptions;
    if ((flags & JOB_ENV_GIVEN) !== 0 && env.NODE_OPTIONS) {
      nodeOptions = require('internal/process/exec_options').splitNodeOptions(env.NODE_OPTIONS);
      if (nodeOptions === null) {
        throw new codes.ERR_WORKER_INVALID_EXEC_ARGV(['invalid value for NODE_OPTIONS (unterminated string)\n'],
          'invalid NODE_OPTIONS env variable');
      }
    }
    let data;
    if (options.workerData !== undefined || environmentData.size > 0 || (flags & JOB_ENV_GIVEN) ||
        transferList !== undefined) {
      data = {
        workerData: options.workerData,
        environmentData: environmentData.size > 0 ? environmentData : undefined,
        env: flags & JOB_ENV_GIVEN ? env : undefined,
        nodeOptions,
      };
    }
    // JavaScriptCore has one heap: the old and young limits together bound it.
    // -1: none. An old generation of 0 MB is a limit, as in node (where the worker runs out
    // of memory as it starts).
    const heapLimitMb = resourceLimits.maxOldGenerationSizeMb === undefined ? -1 :
      Math.max(0, resourceLimits.maxOldGenerationSizeMb) + Math.max(0, resourceLimits.maxYoungGenerationSizeMb || 0);
    // node runs a data: URL as an ES module, which spindle cannot yet: refused once the
    // options have been checked as node checks them
    if (file === null) throw new codes.ERR_SPINDLE_UNSUPPORTED('A Worker from a data: URL (an ES module)');
    const [handle, threadId, port, ctrl] = native.spawn(processArgv, execArgv, file, flags,
      resourceLimitKeys.map((key) => limits[key]), data, transferList, resourceLimits.stackSizeMb || 0,
      heapLimitMb);
    handle[kOwner] = this;
    this[kHandle] = handle;
    this[kPort] = port;
    this[kCtrl] = ctrl;
    this[kExitCode] = undefined;
    this[kTerminating] = [];
    this[kThreadId] = threadId;
    this[kLimits] = resourceLimits;
    this[kCaptured] = [false, !!options.stdout, !!options.stderr];
    this[kStdout] = null; // made on first use (workerStdio)
    this[kStderr] = null;
    // `stdin: true`: what is written here becomes the worker's process.stdin (over the control port)
    this[kStdin] = options.stdin ? new (require('internal/worker/stdio').WritableWorkerStdio)((chunk, encoding) => {
      if (this[kHandle] !== null) ctrl.postMessage({ type: 'stdin', chunk, encoding });
    }) : null;
    this.performance = { eventLoopUtilization: (util1, util2) => workerLoopUtilization(this, util1, util2) };
    // Both ports deliver without keeping the process alive: the worker handle does that.
    port.on('message', (value) => {
      this[kDelivering] = true;
      try {
        // 'online' was queued on ctrl before any user message: deliver it first.
        if (!this[kOnline]) native.drain(ctrl);
        this.emit('message', value);
      } finally {
        this[kDelivering] = false;
        const late = this[kLateError];
        if (late !== undefined) {
          this[kLateError] = undefined;
          this[kEmitError](late);
        }
      }
    });
    port.on('messageerror', (err) => this.emit('messageerror', err));
    port.unref();
    ctrl.on('message', (msg) => this[kOnControl](msg));
    ctrl.unref();
    process.nextTick(() => process.emit('worker', this)); // node's 'worker' event, right after
  }

  [kOnControl](msg) {
    switch (msg.type) {
      case 'online': this[kOnline] = true; this.emit('online'); break;
      case 'stdio': {
        // as node's, whose worker.stdout/stderr are piped to the parent's unless captured
        const captured = this[kCaptured][msg.fd];
        if (!captured) process[msg.fd === 1 ? 'stdout' : 'stderr'].write(msg.chunk);
        if (captured || this[msg.fd === 1 ? kStdout : kStderr] !== null) workerStdio(this, msg.fd).push(msg.chunk);
        break;
      }
      case 'error':
        // As node: what the worker posted before it failed arrives before the
        // error, also the message being emitted right now (that one first).
        if (this[kDelivering]) this[kLateError] = msg.error;
        else this[kEmitError](msg.error);
        break;
      default: break;
    }
  }

  [kEmitError](serialized) {
    native.drain(this[kPort]);
    this.emit('error', child.deserializeError(serialized));
  }

  // As node: a getter, -1 from the 'exit' event on (the messages drained before it still see the id).
  get threadId() {
    return this[kThreadId];
  }

  // As node: {} once the worker has exited; before it is online, -1 for
  // what was not asked (node reads those from the worker's engine).
  get resourceLimits() {
    if (this[kHandle] === null) return {};
    const asked = this[kLimits];
    if (this[kOnline]) return effectiveLimits(asked);
    return {
      maxYoungGenerationSizeMb: asked.maxYoungGenerationSizeMb || -1,
      maxOldGenerationSizeMb: asked.maxOldGenerationSizeMb || -1,
      codeRangeSizeMb: asked.codeRangeSizeMb || -1,
      stackSizeMb: asked.stackSizeMb || 4,
    };
  }

  postMessage(...args) {
    if (this[kHandle] === null) return;
    this[kPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning('Passing a callback to worker.terminate() is deprecated. It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      this.once('exit', (code) => process.nextTick(callback, null, code));
    }
    if (this[kHandle] === null) return Promise.resolve();
    native.setWorkerRef(this[kHandle], true); // as node: an unref()'d worker's promise settles too
    native.terminate(this[kHandle]);
    return new Promise((resolve) => this[kTerminating].push(resolve));
  }

  ref() { if (this[kHandle]) native.setWorkerRef(this[kHandle], true); }
  unref() { if (this[kHandle]) native.setWorkerRef(this[kHandle], false); }

  getHeapSnapshot(options = {}) {
    // node's checks first: a bad option throws, even when the answer is no snapshot
    validateObject(options, 'options');
    const { exposeInternals = false, exposeNumericValues = false } = options;
    validateBoolean(exposeInternals, 'options.exposeInternals');
    validateBoolean(exposeNumericValues, 'options.exposeNumericValues');
    if (this[kHandle] === null) return Promise.reject(new codes.ERR_WORKER_NOT_RUNNING());
    return Promise.reject(new codes.ERR_SPINDLE_UNSUPPORTED('worker.getHeapSnapshot()'));
  }

  get stdin() { return this[kStdin]; }
  get stdout() { return workerStdio(this, 1); }
  get stderr() { return workerStdio(this, 2); }
}

// worker.stdout and worker.stderr are made on first use: two streams per Worker cost the main
// thread ~20-45 us of every spawn, and most programs never read them. One made after the
// worker has exited is already ended, as it would be by then.
function workerStdio(worker, fd) {
  const key = fd === 1 ? kStdout : kStderr;
  let stream = worker[key];
  if (stream === null) {
    stream = worker[key] = new (require('internal/worker/stdio').ReadableWorkerStdio)();
    // not captured: flowing, as node's stream piped to the parent's (nothing is kept for a
    // listener that comes later), and already ended once the worker has exited
    const captured = worker[kCaptured][fd];
    if (!captured) stream.resume();
    if (worker[kHandle] !== null) return stream;
    // node ends both streams as the worker exits, and a piped one emits 'end' a tick later
    if (captured || worker[kExitTick]) stream.push(null);
    else stream._markEnded();
  }
  return stream;
}

// C: the worker's thread ended. Deliver what it sent, then 'exit'.
io.hooks.emitWorkerExit = function emitWorkerExit(handle, code, outOfMemory, initError) {
  const worker = handle[kOwner];
  if (!worker) return;
  // As node: what the worker sent before it ended comes first, while the Worker
  // still looks alive (threadId, resourceLimits); then 'message' listeners go,
  // 'exit' is emitted, and every listener goes after it.
  native.drain(worker[kCtrl]);
  native.drain(worker[kPort]);
  worker[kHandle] = null;
  worker.removeAllListeners('message');
  worker[kPort].close();
  worker[kCtrl].close();
  if (outOfMemory) worker.emit('error', new codes.ERR_WORKER_OUT_OF_MEMORY('JS heap out of memory'));
  if (initError !== undefined) worker.emit('error', new codes.ERR_WORKER_INIT_FAILED(initError));
  if (worker[kStdout] !== null) worker[kStdout].push(null);
  if (worker[kStderr] !== null) worker[kStderr].push(null);
  // a stream first touched in this tick (an 'exit' listener) still sees its 'end', as node's
  worker[kExitTick] = true;
  process.nextTick(() => { worker[kExitTick] = false; });
  worker[kThreadId] = -1;
  worker.emit('exit', code);
  worker.removeAllListeners();
  for (const resolve of worker[kTerminating]) resolve(code);
  worker[kTerminating] = [];
};

function setEnvironmentData(key, value) {
  if (value === undefined) environmentData.delete(key);
  else environmentData.set(key, value);
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

// The mark lives with the structured-clone code, which copies marked buffers. (node 20 has
// no isMarkedAsUntransferable: it came in 21)
const { markAsUntransferable } = require('internal/structured_clone');


// node v20.20's; internal/worker/messaging is loaded on the first call
async function postMessageToThread(threadId, value, transferList, timeout) {
  return require('internal/worker/messaging').postMessageToThread(threadId, value, transferList, timeout);
}

module.exports = {
  isMainThread: native.isMainThread,
  MessagePort: io.MessagePort,
  MessageChannel: io.MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext: io.moveMessagePortToContext,
  receiveMessageOnPort: io.receiveMessageOnPort,
  resourceLimits: {},
  threadId: native.threadId,
  SHARE_ENV,
  Worker,
  parentPort: null,
  postMessageToThread,
  workerData: null,
  getEnvironmentData,
  setEnvironmentData,
};
// Inside a worker, what the parent sent. A warm spare thread loads this module
// before it has a job, so the values are filled in when the job arrives.
function bindJob() {
  const out = module.exports;
  out.resourceLimits = child.resourceLimits;
  out.threadId = native.threadId;
  out.parentPort = child.parentPort;
  out.workerData = child.workerData;
  // (size first: a Map's iterator costs ~70 us the first time in a new thread)
  if (child.environmentData instanceof Map && child.environmentData.size > 0) {
    for (const [k, v] of child.environmentData) environmentData.set(k, v);
  }
}
if (!native.isMainThread) {
  if (child.hasJob) bindJob();
  else child.onJob = bindJob;
}

Object.defineProperty(module.exports, 'BroadcastChannel', {
  get() { return require('internal/worker/broadcast').BroadcastChannel; }, enumerable: true, configurable: true,
});
