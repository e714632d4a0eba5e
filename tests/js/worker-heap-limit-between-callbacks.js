// As node: resourceLimits bound a worker's heap also when its JavaScript runs only in short
// callbacks (spindle's watchdog samples after 50 ms of running JS, which such a worker never
// reaches; its callbacks look too). maxOldGenerationSizeMb: 0 is a limit, not "none": node's
// worker runs out of memory as it starts, before its script, and exits with 0
// (node's test-worker-nearheaplimit-deadlock).
const { Worker } = require('worker_threads');

function run(name, code, resourceLimits, next) {
  const w = new Worker(code, { eval: true, resourceLimits });
  const guard = setTimeout(() => { console.log(name, 'still running'); w.terminate(); }, 20000);
  w.on('message', (m) => console.log(name, 'message', m));
  w.on('error', (e) => console.log(name, 'error', e.code, e.constructor.name));
  w.on('exit', (code) => {
    clearTimeout(guard);
    console.log(name, 'exit', code);
    if (next) next();
  });
}

run('zero', `require('worker_threads').parentPort.postMessage('ran'); setInterval(() => {}, 1);`,
  { maxOldGenerationSizeMb: 0 }, () =>
    run('bursts', `
      const kept = [];
      setInterval(() => {
        // ~0.25 MB of live objects per callback, each callback well under a millisecond
        for (let i = 0; i < 2000; i++) kept.push({ i, a: [i, i + 1, i + 2], s: 'x' + i });
      }, 2);`, { maxOldGenerationSizeMb: 48 }, () =>
      run('under', `setTimeout(() => require('worker_threads').parentPort.postMessage('done'), 30);`,
        { maxOldGenerationSizeMb: 48 })));
