// As node: a worker that tracks its descriptors (trackUnmanagedFds, the default) warns when
// one fs opens is already its own (closed behind its back, then reused), and when fs closes
// one it did not open.
const { Worker } = require('worker_threads');
const fs = require('fs');
const preamble = `const fs = require('fs'); const { parentPort } = require('worker_threads');
process.on('warning', (w) => parentPort.postMessage({ warning: w.message.replace(/\\d+/, 'N') }));`;
const w1 = new Worker(`${preamble}
parentPort.postMessage(fs.openSync(${JSON.stringify(__filename)}));
parentPort.once('message', () => { const again = fs.openSync(${JSON.stringify(__filename)}); fs.closeSync(again); });`, { eval: true });
w1.once('message', (fd) => {
  fs.closeSync(fd); // behind the worker's back: the number is free again
  w1.postMessage('');
  w1.once('message', (m) => {
    console.log('reopened:', m.warning);
    w1.terminate();
    const w2 = new Worker(`${preamble} parentPort.once('message', (fd) => fs.closeSync(fd));`, { eval: true });
    w2.postMessage(fs.openSync(__filename));
    w2.once('message', (m2) => { console.log('closed:', m2.warning); w2.terminate(); });
  });
});
