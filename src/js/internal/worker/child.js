'use strict';
// The start of a worker thread: receive what the parent sent, wire up
// parentPort, uncaught errors and exit, say 'online', then run the script.

const native = binding('worker');
const state = require('internal/worker/child_state');
const execution = require('internal/process/execution');

function run() {
  require('internal/worker/io');
  const [init, parentPort, ctrl] = native.workerInit();
  state.parentPort = parentPort;
  state.ctrl = ctrl;
  state.workerData = init.workerData;
  state.resourceLimits = init.resourceLimits;
  state.environmentData = init.environmentData;
  if (init.env !== null) process.env = init.env;
  process.execArgv = init.execArgv;
  ctrl.unref();
  ctrl.start();
  if (init.stdout || init.stderr) {
    // `stdout: true` / `stderr: true`: the parent reads this output from worker.stdout/stderr
    const write = process._writeStdio;
    process._writeStdio = (fd, chunk) => {
      if ((fd === 1 && init.stdout) || (fd === 2 && init.stderr)) ctrl.postMessage({ type: 'stdio', fd, chunk });
      else write(fd, chunk);
    };
  }

  execution.setWorkerUncaughtHandler((err) => {
    let serialized;
    try { serialized = state.serializeError(err); } catch { serialized = { isError: false, value: String(err) }; }
    try { ctrl.postMessage({ type: 'error', error: serialized }); } catch { /* parent gone */ }
    process.exitCode = 1;
    if (!process._exiting) {
      process._exiting = true;
      try { process.emit('exit', 1); } catch { /* already failing */ }
    }
    binding('process').reallyExit(1);
  });

  ctrl.postMessage({ type: 'online' });
  if (init.isEval) {
    execution.runEvalScript(init.file, '[worker eval]');
  } else {
    require('internal/modules/cjs').runMain(init.file);
  }
}

module.exports = { run };
