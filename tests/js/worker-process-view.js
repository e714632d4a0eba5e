// What a worker started from a file sees of its process: argv after the script (as strings),
// workerData, env, require.main, __filename, execArgv, no IPC channel, stdio without isTTY
// (node sets it only on a terminal); process.exit(3) is the exit code.
const { Worker, isMainThread, threadId, parentPort, workerData } = require('worker_threads');
const path = require('path');
if (isMainThread) {
  console.log('main stdout isTTY', process.stdout.isTTY, 'stderr', process.stderr.isTTY);
  const w = new Worker(__filename, { argv: ['a', 1, true], workerData: { x: 1 }, env: { FOO: 'bar' } });
  w.on('message', (m) => console.log('worker sees', JSON.stringify(m)));
  w.on('exit', (c) => console.log('exit', c));
} else {
  parentPort.postMessage({
    argv: process.argv.slice(2), argv1: path.basename(process.argv[1]), workerData, foo: process.env.FOO,
    threadId, main: require.main === module, file: path.basename(__filename), execArgv: process.execArgv,
    pid: typeof process.pid, channel: typeof process.channel, connected: process.connected,
    stdoutTTY: process.stdout.isTTY, stderrTTY: process.stderr.isTTY,
  });
  process.exit(3);
}
