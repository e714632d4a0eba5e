// As node: process._fatalException(err, fromPromise) runs an uncaught error's listeners
// and returns whether one took it; when none did it marks the process as exiting with 1
// and emits 'exit' (the natural end emits it once more), and returns false without
// ending anything. 'beforeExit' still comes. In a worker too (node's
// test-worker-non-fatal-uncaught-exception: the listener's tick sees the result).
// expect-exit: 1
const { Worker, isMainThread } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  w.on('exit', (code) => {
    console.log('worker exit', code);
    process.on('exit', (code) => console.log('exit', code, process.exitCode, process._exiting));
    process.on('beforeExit', (code) => console.log('beforeExit', code));
    console.log('unhandled:', process._fatalException(new Error('nobody')));
    console.log('exitCode', process.exitCode);
  });
  return;
}
process.on('uncaughtExceptionMonitor', (err, origin) => console.log('monitor', err.message, origin));
process.once('uncaughtException', (err, origin) => {
  console.log('listener', err.message, origin);
  process.nextTick(() => console.log('tick sees', res));
});
const res = process._fatalException(new Error('taken'), true);
console.log('returned', res);
