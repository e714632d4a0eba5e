// Without `stdout: true` / `stderr: true` a worker's output still arrives on worker.stdout /
// worker.stderr, which flow into the parent's own streams (node pipes them): a 'data'
// listener sees what was printed, including a nested worker's output passed up through its
// parent; a stream first touched in the 'exit' listener still ends, one touched long after
// has ended already (no 'end' then).
const { Worker } = require('worker_threads');

function run(code) {
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true });
    let out = '';
    let err = '';
    w.stdout.setEncoding('utf8');
    w.stderr.setEncoding('utf8');
    w.stdout.on('data', (c) => { out += c; });
    w.stderr.on('data', (c) => { err += c; });
    w.on('exit', (code) => setTimeout(() => resolve({ out, err, code }), 20));
  });
}

(async () => {
  let r = await run('console.log("one"); process.stdout.write("two\\n"); console.error("to stderr")');
  console.log('captured', JSON.stringify(r.out), 'stderr', JSON.stringify(r.err), 'exit', r.code);

  r = await run(`
    const { Worker } = require('worker_threads');
    new Worker('console.log("from the inner worker")', { eval: true }).on('exit', () => console.log('outer done'));
  `);
  console.log('nested', JSON.stringify(r.out));

  const w = new Worker('console.log("late")', { eval: true });
  w.on('exit', () => {
    w.stderr.on('end', () => console.log('stderr touched in the exit listener: end'));
    w.stderr.resume();
    setTimeout(() => {
      let ended = false;
      w.stdout.on('end', () => { ended = true; });
      w.stdout.resume();
      setTimeout(() => console.log('stdout touched later: readableEnded', w.stdout.readableEnded, 'end emitted', ended), 20);
    }, 20);
  });
})();
