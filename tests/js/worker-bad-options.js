// Wrong arguments to new Worker throw node's errors, with the same code.
const { Worker } = require('worker_threads');
const attempts = [
  () => new Worker(42),
  () => new Worker('relative/path.js'),
  () => new Worker('file:///tmp/x.js'),
  () => new Worker('x', { argv: 'no' }),
  () => new Worker('x', 5),
  () => new Worker({}, { eval: true }),
  () => new Worker('x', { eval: true, name: 3 }),
  () => new Worker(new URL('http://example.com/x.js')),
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
