// process.env in a worker is a copy (or the given object, stringified) unless SHARE_ENV.
const { Worker, SHARE_ENV } = require('worker_threads');
process.env.SPINDLE_TEST_A = 'parent';
const code = `
  const { parentPort } = require('worker_threads');
  parentPort.postMessage([process.env.SPINDLE_TEST_A, process.env.SPINDLE_TEST_B]);
  process.env.SPINDLE_TEST_C = 'from worker';
`;
const run = (options) => new Promise((resolve) => {
  const w = new Worker(code, { eval: true, ...options });
  w.on('message', (m) => console.log(JSON.stringify(m)));
  w.on('exit', resolve);
});
(async () => {
  await run({});
  console.log('after copy:', process.env.SPINDLE_TEST_C);
  await run({ env: { SPINDLE_TEST_B: 5 } });
  await run({ env: SHARE_ENV });
  console.log('after share:', process.env.SPINDLE_TEST_C);
  // the copy is taken when the Worker is constructed
  const late = run({});
  process.env.SPINDLE_TEST_B = 'set after new Worker()';
  await late;
  delete process.env.SPINDLE_TEST_B;
  // a worker's own env (a plain copy) is what its children copy
  await run({ env: { SPINDLE_TEST_A: 'outer' }, workerData: 0 });
  const nested = new Worker(`
    const { Worker, parentPort } = require('worker_threads');
    process.env.SPINDLE_TEST_B = 'outer worker';
    const inner = new Worker(\`require('worker_threads').parentPort.postMessage(
      [process.env.SPINDLE_TEST_A, process.env.SPINDLE_TEST_B, Object.keys(process.env).length])\`, { eval: true });
    inner.on('message', (m) => parentPort.postMessage(m));
  `, { eval: true, env: { SPINDLE_TEST_A: 'outer' } });
  nested.on('message', (m) => console.log('nested:', JSON.stringify(m)));
})();
