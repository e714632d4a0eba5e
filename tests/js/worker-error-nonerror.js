// Throwing a non-Error in a worker: the parent's 'error' gets the value.
const { Worker } = require('worker_threads');
const w = new Worker('throw 42', { eval: true });
w.on('error', (e) => console.log('error', typeof e, e));
w.on('exit', (code) => console.log('exit', code));
