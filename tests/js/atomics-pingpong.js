// 100,000 wait/notify turns between the main thread and a worker on one Int32Array cell:
// main writes odd numbers, the worker answers with the next even one.
const { Worker } = require('worker_threads');
// Under ThreadSanitizer the engine's collector can deadlock with TSan's deferred
// signals while a thread blocks (ENGINE.md, Makefile): fewer turns, fewer chances.
const TURNS = process.env.SPINDLE_SANITIZER === 'thread' ? 5000 : 100000;
const sab = new SharedArrayBuffer(4);
const cell = new Int32Array(sab);
const w = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const cell = new Int32Array(workerData);
  parentPort.postMessage('ready');
  for (let k = 0; k < ${TURNS}; k++) {
    const want = 2 * k + 1;
    let v;
    while ((v = Atomics.load(cell, 0)) !== want) Atomics.wait(cell, 0, v);
    Atomics.store(cell, 0, want + 1);
    Atomics.notify(cell, 0, 1);
  }
`, { eval: true, workerData: sab });
w.once('message', () => {
  for (let k = 0; k < TURNS; k++) {
    const want = 2 * k + 2;
    Atomics.store(cell, 0, want - 1);
    Atomics.notify(cell, 0, 1);
    let v;
    while ((v = Atomics.load(cell, 0)) !== want) {
      if (v !== want - 1) throw new Error(`saw ${v}, expected ${want}`);
      Atomics.wait(cell, 0, v);
    }
  }
  console.log('turns done', Atomics.load(cell, 0));
});
w.on('exit', (code) => console.log('exit', code));
