// An unref'd worker does not keep the process alive; ref() would.
const { Worker } = require('worker_threads');
const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
w.unref();
process.on('exit', (c) => console.log('process exit', c));
console.log('main done');
