'use strict';
// The start of a worker thread: receive what the parent sent, wire up
// parentPort, uncaught errors and exit, say 'online', then run the script.

const native = binding('worker');
const state = require('internal/worker/child_state');
const execution = require('internal/process/execution');

function run() {
  __mark('run start');
  require('internal/worker/io');
  __mark("require('internal/worker/io');");
  const [init, parentPort, ctrl] = native.workerInit();
  __mark('const [init, parentPort, ctrl] = native.');
  state.parentPort = parentPort;
  __mark('state.parentPort = parentPort;');
  state.ctrl = ctrl;
  __mark('state.ctrl = ctrl;');
  state.workerData = init.workerData;
  __mark('state.workerData = init.workerData;');
  state.resourceLimits = init.resourceLimits;
  __mark('state.resourceLimits = init.resourceLimi');
  state.environmentData = init.environmentData;
  __mark('state.environmentData = init.environment');
  if (init.env !== null) process.env = init.env;
  __mark('if (init.env !== null) process.env = ini');
  process.execArgv = init.execArgv;
  __mark('process.execArgv = init.execArgv;');
  ctrl.unref();
  __mark('ctrl.unref();');
  ctrl.start();
  __mark('ctrl.start();');
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
  __mark('});');

  ctrl.postMessage({ type: 'online' });
  __mark("ctrl.postMessage({ type: 'online' });");
  if (init.isEval) {
    execution.runEvalScript(init.file, '[worker eval]');
  } else {
    require('internal/modules/cjs').runMain(init.file);
  }
}

module.exports = { run };
