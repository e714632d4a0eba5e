// Several workers each Atomics.add 1,000,000 times on one shared counter: the total is exact.
const { Worker } = require('worker_threads');
const N = 1000000;
const WORKERS = 3;
const sab = new SharedArrayBuffer(8);
const counter = new Int32Array(sab);
let done = 0;
for (let i = 0; i < WORKERS; i++) {
  const w = new Worker(`
    const { workerData } = require('worker_threads');
    const c = new Int32Array(workerData);
    for (let i = 0; i < ${N}; i++) Atomics.add(c, 0, 1);
  `, { eval: true, workerData: sab });
  w.on('exit', () => {
    if (++done === WORKERS) console.log('total', Atomics.load(counter, 0));
  });
}
