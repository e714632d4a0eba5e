// Atomics.waitAsync: immediate results, a promise resolved by notify from a worker, a timeout,
// and the pending promise keeps the process alive.
const { Worker } = require('worker_threads');
const ia = new Int32Array(new SharedArrayBuffer(8));
console.log(JSON.stringify(Atomics.waitAsync(ia, 0, 1)), JSON.stringify(Atomics.waitAsync(ia, 0, 0, 0)));
const timed = Atomics.waitAsync(ia, 1, 0, 30);
console.log(timed.async, timed.value instanceof Promise);
timed.value.then((v) => console.log('index 1:', v));
const r = Atomics.waitAsync(ia, 0, 0);
setTimeout(() => {
  const w = new Worker(`
    const ia = new Int32Array(require('worker_threads').workerData);
    Atomics.store(ia, 0, 7);
    const n = Atomics.notify(ia, 0);
    require('worker_threads').parentPort.postMessage(n);
  `, { eval: true, workerData: ia.buffer });
  // the wake-up and the worker's message race: report both once both arrived
  w.on('message', (n) => r.value.then((v) => console.log('index 0:', v, Atomics.load(ia, 0), 'worker woke', n)));
}, 60);
