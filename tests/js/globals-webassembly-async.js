// WebAssembly.instantiate completes (JavaScriptCore compiles asynchronously on the
// thread's GLib context, which spindle drives from its libuv loop), on the main thread
// and in a worker.
const { Worker } = require('worker_threads');
// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0,
  7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11]);
WebAssembly.instantiate(bytes).then(({ instance }) => {
  console.log('main add(2, 3) =', instance.exports.add(2, 3));
  const w = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    WebAssembly.instantiate(workerData).then(({ instance }) => parentPort.postMessage(instance.exports.add(40, 2)));
  `, { eval: true, workerData: bytes });
  w.on('message', (n) => console.log('worker add(40, 2) =', n));
});
