// Nothing after process.exit() runs, as in node: not a catch block, not a finally block,
// not the code after them; only the 'exit' listeners, before. The same in a worker, whose
// exit code its parent sees. Also process.exitCode set by an 'exit' listener after an
// uncaught error is the code a worker exits with, and an 'uncaughtException' listener
// that throws ends a worker with 1 and that error (node's main thread would exit with 7).
const { Worker } = require('worker_threads');
const fs = require('fs');

const cases = {
  'exit in try': `const s = require('worker_threads').workerData;
    process.on('exit', (c) => Atomics.store(s, 0, 10 + c));
    function f() { try { process.exit(4); } finally { Atomics.store(s, 1, 1); } }
    try { f(); } catch { Atomics.store(s, 2, 1); }
    Atomics.store(s, 3, 1);`,
  'exitCode 98 in exit listener after an error': `process.on('exit', () => { process.exitCode = 98; }); throw new Error('boom');`,
  'exitCode 0 in exit listener after an error': `process.on('exit', () => { process.exitCode = 0; }); throw new Error('boom');`,
  'uncaughtException listener throws': `process.on('uncaughtException', () => { throw new Error('from the listener'); });
    throw new Error('first');`,
};

async function run(name) {
  const shared = new Int32Array(new SharedArrayBuffer(16));
  const w = new Worker(cases[name], { eval: true, workerData: shared });
  let error = 'none';
  w.on('error', (e) => { error = e.message; });
  const code = await new Promise((resolve) => w.on('exit', resolve));
  console.log(`${name}: exit ${code}, error: ${error}, shared: ${Array.from(shared)}`);
}

(async () => {
  for (const name of Object.keys(cases)) await run(name);
  process.on('exit', (c) => fs.writeSync(1, `main 'exit' listener: ${c}\n`));
  try {
    process.exit(0);
  } catch (e) {
    fs.writeSync(1, `caught ${e}\n`);
  } finally {
    fs.writeSync(1, 'finally ran\n');
  }
  fs.writeSync(1, 'after process.exit\n');
})();
