// stdout: true: the worker's output is read from worker.stdout instead of going to the
// process's stdout; without it, worker console output reaches stdout directly.
const { Worker } = require('worker_threads');
const plain = new Worker('console.log("straight to stdout")', { eval: true });
plain.on('exit', () => {
  const w = new Worker('console.log("captured", 1); process.stdout.write("second\\n")', { eval: true, stdout: true });
  let text = '';
  w.stdout.setEncoding('utf8');
  w.stdout.on('data', (chunk) => { text += chunk; });
  w.stdout.on('end', () => console.log('parent read:', JSON.stringify(text)));
});
