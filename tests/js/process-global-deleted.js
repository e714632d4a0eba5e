// A program (a sandbox) may delete or replace the global `process`: the runtime's own code
// keeps working (ticks, timers, output, uncaught errors in a worker, exit), as in node.
const { Worker } = require('worker_threads');
const p = process;
delete globalThis.process;
p.nextTick(() => p.stdout.write('tick ran\n'));
console.log('console works', typeof globalThis.process);
setTimeout(() => {
  globalThis.process = { fake: true };
  console.log('timer ran');
  const w = new Worker(`
const { parentPort } = require('worker_threads');
const port = parentPort;
delete globalThis.process; delete globalThis.require; delete globalThis.Buffer;
port.on('message', (m) => { if (m === 'boom') throw new Error('inside the worker'); port.postMessage(m + '!'); });
port.postMessage('ready');
`, { eval: true });
  w.on('message', (m) => { console.log('message', m); w.postMessage(m === 'ready' ? 'hi' : 'boom'); });
  w.on('error', (e) => console.log('error', e.message));
  w.on('exit', (code) => { console.log('exit', code); p.exitCode = 0; });
}, 1);
