// A worker can start its own worker; messages relay through both.
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { Worker, parentPort, threadId } = require('worker_threads');
  const inner = new Worker(\`
    const { parentPort, threadId, isMainThread } = require('worker_threads');
    parentPort.postMessage({ from: 'inner', isMainThread, tid: typeof threadId });
  \`, { eval: true });
  inner.on('message', (m) => parentPort.postMessage({ relayed: m }));
  inner.on('exit', (c) => parentPort.postMessage({ innerExit: c }));
`, { eval: true });
w.on('message', (m) => console.log(JSON.stringify(m)));
w.on('exit', (c) => console.log('outer exit', c));
