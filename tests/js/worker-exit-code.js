// A worker's exit code: process.exit(n), process.exitCode, natural end, uncaught error.
const { Worker } = require('worker_threads');
const cases = [
  ['process.exit(7)', 7],
  ['process.exitCode = 3', 3],
  ['1 + 1', 0],
  ['process.exit()', 0],
  ['setTimeout(() => process.exit(5), 10)', 5],
  ['process.on("exit", (c) => { require("worker_threads").parentPort.postMessage("exit event " + c) }); process.exit(4)', 4],
];
(async () => {
  for (const [code, expected] of cases) {
    const w = new Worker(code, { eval: true });
    w.on('message', (m) => console.log('message:', m));
    const got = await new Promise((resolve) => w.on('exit', resolve));
    console.log(JSON.stringify(code), '->', got, got === expected ? 'ok' : 'WRONG');
  }
})();
