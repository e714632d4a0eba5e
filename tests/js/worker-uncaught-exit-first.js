// As node: a worker's uncaught error emits its 'exit' event before the error is sent to the
// parent (what an 'exit' listener does to the error is seen there), and none when an
// 'uncaughtException' listener threw; the exit code is 1 unless a listener changed it.
const { Worker } = require('worker_threads');
const cases = [
  `const e = new Error('boom'); process.on('exit', () => { e.extra = 'set in exit'; }); throw e;`,
  `process.on('uncaughtException', () => { throw new Error('handler threw'); }); process.on('exit', () => { require('fs').writeSync(1, 'exit listener ran\\n'); }); throw new Error('first');`,
  `process.on('exit', (c) => { require('fs').writeSync(1, 'exit ' + c + ' ' + process.exitCode + '\\n'); }); throw new Error('x');`,
];
(async () => {
  for (const c of cases) {
    await new Promise((res) => {
      const w = new Worker(c, { eval: true });
      w.on('error', (e) => console.log('error', e.message, e.extra));
      w.on('exit', (code) => { console.log('exit', code); res(); });
    });
  }
})();
