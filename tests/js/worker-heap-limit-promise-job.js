// A worker that goes over its heap limit inside a promise job (queued by a 'message'
// listener, as piscina runs its tasks) ends with ERR_WORKER_OUT_OF_MEMORY and exit code 1,
// as in node. It used to stop running and wait, marked as terminating, until the parent
// called terminate() (the engine drops a termination inside its job queue).
const { Worker } = require('worker_threads');
const w = new Worker(`
  require('worker_threads').parentPort.on('message', () => {
    Promise.resolve().then(() => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); });
  });
`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
w.postMessage('go');
w.on('error', (e) => console.log('error', e.name, e.code));
w.on('exit', (code) => console.log('exit', code));
