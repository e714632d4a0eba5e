// terminate() ends a worker blocked in Atomics.wait promptly.
const assert = require('assert');
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(4);
const w = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  parentPort.postMessage('waiting');
  Atomics.wait(new Int32Array(workerData), 0, 0);
  parentPort.postMessage('never');
`, { eval: true, workerData: sab });
w.on('message', async (m) => {
  console.log(m);
  await new Promise((r) => setTimeout(r, 20));
  const t0 = Date.now();
  const code = await w.terminate();
  const took = Date.now() - t0;
  assert.ok(took < 500, `terminate took ${took} ms`);
  console.log('terminated', code);
});
