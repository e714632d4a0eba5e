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
})();
