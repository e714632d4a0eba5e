// terminate() while the worker floods the parent with messages: it ends, and what
// arrived came in order.
const assert = require('assert');
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  let i = 0;
  for (;;) parentPort.postMessage(i++);
`, { eval: true });
let next = 0;
w.on('message', (m) => {
  assert.strictEqual(m, next++);
  if (m === 1000) w.terminate();
});
w.on('exit', (code) => {
  assert.ok(next > 1000);
  console.log('exit', code);
});
