// resourceLimits: a worker that outgrows maxOldGenerationSizeMb ends with
// ERR_WORKER_OUT_OF_MEMORY ('error') and exit code 1; the limits are reported.
const { Worker } = require('worker_threads');
const w = new Worker(`
  const keep = [];
  for (;;) keep.push(new Array(100000).fill(1.5));
`, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 32, stackSizeMb: 2 } });
console.log('limits', w.resourceLimits.maxOldGenerationSizeMb, w.resourceLimits.stackSizeMb);
w.on('error', (e) => console.log('error', e.name, e.code, e.message));
w.on('exit', (code) => console.log('exit', code));
