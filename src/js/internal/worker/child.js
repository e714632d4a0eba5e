'use strict';
// The start of a worker thread: receive what the parent sent, wire up
// parentPort, uncaught errors and exit, say 'online', then run the script.

const native = binding('worker');
const state = require('internal/worker/child_state');
const execution = require('internal/process/execution');

function setEnv(value) {
  Object.defineProperty(process, 'env', { value, writable: true, enumerable: true, configurable: true });
}

// As node's: what a worker cannot do throws at once, from a stub marked `disabled`.
function unavailable(name) {
  function unavailableInWorker() {
    throw new (require('internal/errors').codes.ERR_WORKER_UNSUPPORTED_OPERATION)(name);
  }
  unavailableInWorker.disabled = true;
  return unavailableInWorker;
}

function run() {
  require('internal/worker/io');
  for (const name of ['abort', 'chdir', 'initgroups', 'setgroups', 'setegid', 'seteuid', 'setgid', 'setuid']) {
    process[name] = unavailable(`process.${name}()`);
  }
  // the process's: a worker cannot change them (node ignores the set)
  for (const key of ['title', 'debugPort']) {
    const value = process[key];
    Object.defineProperty(process, key, { get: () => value, set() {}, enumerable: true, configurable: true });
  }
  const [argv, execArgv, file, flags, limits, data, parentPort, ctrl] = native.workerInit();
  const { JOB_EVAL, JOB_STDIN, JOB_ENV_SHARED, JOB_ENV_GIVEN } = state.jobFlags;
  process.argv = argv;
  state.parentPort = parentPort;
  state.ctrl = ctrl;
  state.workerData = data === undefined ? undefined : data.workerData;
  state.resourceLimits = {};
  state.resourceLimitKeys.forEach((key, i) => { state.resourceLimits[key] = limits[i]; });
  state.environmentData = data === undefined ? undefined : data.environmentData;
  state.hasJob = true;
  if (state.onJob) state.onJob();
  const envCopy = binding('process').envCopy;
  if (flags & JOB_ENV_GIVEN) {
    process.env = envCopy(data.env);
  } else if (!(flags & JOB_ENV_SHARED)) {
    // the parent's environment, copied in C at spawn: made an object on first use
    Object.defineProperty(process, 'env', {
      get() { const env = envCopy(native.jobEnv()); setEnv(env); return env; },
      set: setEnv,
      enumerable: true,
      configurable: true,
    });
  }
  // a worker of a process with an IPC channel (NODE_CHANNEL_FD in its env) cannot use it
  if (process.env.NODE_CHANNEL_FD) {
    for (const name of ['send', 'disconnect']) process[name] = unavailable(`process.${name}()`);
    for (const name of ['channel', 'connected']) {
      Object.defineProperty(process, name, { get: unavailable(`process.${name}`), enumerable: false, configurable: true });
    }
  }
  process.execArgv = execArgv;
  state.execArgv = execArgv;
  // NODE_OPTIONS's come first, whatever its execArgv, as node's: those of a given env (its
  // parent split them: worker_threads), else the process's
  const nodeOptions = flags & JOB_ENV_GIVEN ? data.nodeOptions || [] : binding('process').nodeOptions;
  const options = nodeOptions.length > 0 ? nodeOptions.concat(execArgv) : execArgv;
  const preloads = options.length > 0 ? require('internal/process/exec_options').applyExecArgv(process, options) : [];
  if (options.includes('--no-warnings')) { // the default 'warning' printer goes (process/object)
    for (const listener of process.listeners('warning')) {
      if (listener.name === 'onWarning') process.removeListener('warning', listener);
    }
  }
  ctrl.unref();
  ctrl.start();
  setUpStdin(ctrl, (flags & JOB_STDIN) !== 0);
  // As node: a worker's stdout and stderr travel to its parent, which writes them to its own
  // (or, with `stdout: true` / `stderr: true`, only to worker.stdout / worker.stderr).
  process._writeStdio = (fd, chunk) => { ctrl.postMessage({ type: 'stdio', fd, chunk }); };

  // As node's: 'exit' first (not when an 'uncaughtException' listener threw), then the error
  // goes to the parent (after what the 'exit' listeners posted, on its own port).
  execution.setWorkerUncaughtHandler((err, fromPromise, handlerThrew) => {
    execution.exitForError(!handlerThrew);
    let serialized;
    try {
      serialized = state.serializeError(err, fromPromise ? '' : execution.sourceContext(err));
    } catch {
      serialized = { kind: 'inspected', text: String(err) };
    }
    try { ctrl.postMessage({ type: 'error', error: serialized }); } catch { /* parent gone */ }
    binding('process').reallyExit(execution.exitCodeAfterError(), true);
  });

  native.postOnline(ctrl); // { type: 'online' }, written in C
  if (preloads.length > 0) require('internal/modules/cjs')._preloadModules(preloads);
  if (flags & JOB_EVAL) {
    execution.runEvalScript(file, '[worker eval]');
  } else {
    require('internal/modules/cjs').runMain(file);
  }
}

// A worker's process.stdin: empty unless the parent passed `stdin: true`, then what the
// parent writes to worker.stdin, ended by its end(). Made on first use or first data.
// While it is read and not ended it keeps the worker alive (as node's, by the port).
function setUpStdin(ctrl, fromParent) {
  let stdin;
  const get = () => {
    if (stdin !== undefined) return stdin;
    const { ReadableWorkerStdio } = require('internal/worker/stdio');
    stdin = new ReadableWorkerStdio((waiting) => (waiting ? ctrl.ref() : ctrl.unref()));
    if (!fromParent) stdin.push(null);
    Object.defineProperty(process, 'stdin', { value: stdin, writable: true, configurable: true, enumerable: false });
    return stdin;
  };
  Object.defineProperty(process, 'stdin', { get, set: undefined, configurable: true, enumerable: false });
  if (!fromParent) return;
  ctrl.on('message', (msg) => {
    if (msg !== null && typeof msg === 'object' && msg.type === 'stdin') get().push(msg.chunk, msg.encoding);
  });
  ctrl.unref(); // a listener refs the port; only reading stdin should keep the worker alive
}

// A spare thread (booted before anyone asked for it) gets ready for any job:
// first runs are what make a fresh VM slow (each function is compiled on its
// first call), so it runs what every job runs: worker_threads, a port pair,
// one message through the structured-clone codec and an EventEmitter emit.
function prewarm() {
  const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
  const { port1, port2 } = new MessageChannel();
  port1.postMessage({ s: 'x', n: 1, f: 1.5, a: [true, null, undefined], d: new Date(0), o: { k: 'v' } });
  const received = receiveMessageOnPort(port2);
  port2.once('message', () => {});
  require('internal/worker/io').hooks.deliverMessage(port2, received && received.message, false);
  port1.close();
}

module.exports = { run, prewarm };
