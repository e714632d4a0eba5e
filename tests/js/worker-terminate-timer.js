// terminate() ends a worker kept alive by a long interval and a pending timer.
const { Worker } = require('worker_threads');
const w = new Worker(`
  setInterval(() => {}, 1000);
  setTimeout(() => {}, 100000);
  require('worker_threads').parentPort.postMessage('ready');
`, { eval: true });
w.on('message', () => w.terminate().then((code) => console.log('terminate resolved', code)));
w.on('exit', (code) => console.log('exit', code));
