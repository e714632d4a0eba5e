// worker.stdout with `stdout: true`, first touched only after the worker has exited: what the
// worker printed is there, then 'end'. And worker.stdout/stderr are the same object on every
// read, readable streams, also for a worker whose output was never captured.
const { Worker } = require('worker_threads');
const w = new Worker('console.log("out"); process.stdout.write("more\\n")', { eval: true, stdout: true });
w.on('exit', (code) => {
  setTimeout(() => {
    let text = '';
    w.stdout.setEncoding('utf8');
    w.stdout.on('data', (c) => { text += c; });
    w.stdout.on('end', () => console.log('exit', code, 'then stdout:', JSON.stringify(text)));
  }, 20);
});
const plain = new Worker('0', { eval: true });
console.log('same object', plain.stdout === plain.stdout, plain.stderr === plain.stderr,
  typeof plain.stdout.read, typeof plain.stderr.on);
