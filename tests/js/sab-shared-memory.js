// A SharedArrayBuffer posted to a worker is the same memory: writes are seen both ways.
const assert = require('assert');
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(16);
const bytes = new Uint8Array(sab);
bytes[0] = 42;
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', (sab) => {
    const b = new Uint8Array(sab);
    parentPort.postMessage(['seen', b[0], sab instanceof SharedArrayBuffer, sab.byteLength]);
    b[1] = 99;
    parentPort.postMessage('written');
  });
`, { eval: true });
w.on('message', (m) => {
  if (m === 'written') {
    assert.strictEqual(bytes[1], 99);
    console.log('parent sees', bytes[1]);
  } else {
    console.log(JSON.stringify(m));
  }
});
w.postMessage(sab);
