// terminate() stops a worker spinning in `while (true) {}`; exit code 1.
const assert = require('assert');
const { Worker } = require('worker_threads');
const w = new Worker('require("worker_threads").parentPort.postMessage("spinning"); while (true) {}', { eval: true });
const events = [];
w.on('message', async (m) => {
  events.push(m);
  const code = await w.terminate();
  events.push(`terminated ${code}`);
  console.log(events.join('\n'));
});
w.on('exit', (code) => { events.push(`exit ${code}`); assert.strictEqual(code, 1); });
