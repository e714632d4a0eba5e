// A parentPort 'message' listener keeps a worker alive; closing the port lets it end.
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    parentPort.postMessage('got ' + m);
    if (m === 'last') parentPort.close();
  });
`, { eval: true });
w.on('message', (m) => console.log(m));
w.on('exit', (c) => console.log('exit', c));
setTimeout(() => w.postMessage('first'), 50);
setTimeout(() => w.postMessage('last'), 100);
