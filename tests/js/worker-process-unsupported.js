// What a worker may not change for the whole process, as in node: process.chdir()
// and setting process.umask() throw ERR_WORKER_UNSUPPORTED_OPERATION there (the
// main thread's working directory stays); reading the umask is fine.
const { Worker } = require('worker_threads');
const before = process.cwd();
const code = `
const results = [];
for (const [name, fn] of [
  ['chdir', () => process.chdir('/')],
  ['umask()', () => typeof process.umask()],
  ['umask(mask)', () => process.umask(0o77)],
]) {
  try { results.push(name + ': ' + fn()); } catch (e) { results.push(name + ': ' + e.name + ' ' + e.code + ' ' + e.message); }
}
require('worker_threads').parentPort.postMessage(results);
`;
const w = new Worker(code, { eval: true });
w.on('message', (results) => {
  for (const r of results) console.log(r);
  console.log('main cwd unchanged', process.cwd() === before);
});
