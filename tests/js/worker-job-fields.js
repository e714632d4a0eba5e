// What a Worker starts with arrives whole: eval code with text outside Latin-1 and a lone
// surrogate, process.argv (values made strings), execArgv, the env given, workerData
// (undefined when not given, also as the module's export), a transferList with or without
// workerData (its buffers detached here either way), resourceLimits inside the worker and
// environment data, in workers started one after another (reused threads) and at once.
const { Worker, setEnvironmentData } = require('worker_threads');

const code = `
  const wt = require('worker_threads');
  const text = 'héllo — 世界 \uD83D\uDE00 lone:\uD800';
  wt.parentPort.postMessage({
    text, units: [...text].map((c) => c.charCodeAt(0)),
    argv: process.argv.slice(1), execArgv: process.execArgv,
    envA: process.env.SPINDLE_JOB_A, hasWorkerData: 'workerData' in wt, workerData: wt.workerData,
    limits: wt.resourceLimits.stackSizeMb, envData: wt.getEnvironmentData('k'),
  });
`;

function run(options) {
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, ...options });
    let got;
    w.on('message', (m) => { got = m; });
    w.on('error', reject);
    w.on('exit', () => resolve(got));
  });
}

function show(label, m) {
  const d = m.workerData;
  const data = d instanceof Uint8Array ? `Uint8Array(${d.length}) ${d[0]}` : JSON.stringify(d);
  console.log(label, JSON.stringify(m.text), m.units.join(','), JSON.stringify(m.argv), JSON.stringify(m.execArgv),
    m.envA, m.hasWorkerData, data, m.limits, m.envData);
}

(async () => {
  show('plain', await run({}));
  show('argv', await run({ argv: [1, 'two', null], execArgv: ['--no-warnings'] }));
  show('env', await run({ env: { SPINDLE_JOB_A: 42 }, workerData: { a: [1, 2] } }));
  show('limits', await run({ resourceLimits: { stackSizeMb: 2 }, workerData: null }));

  const buf = new Uint8Array([7, 8, 9]);
  show('transfer', await run({ workerData: buf, transferList: [buf.buffer] }));
  console.log('sender buffer after transfer', buf.byteLength);
  const alone = new ArrayBuffer(16);
  show('transfer without data', await run({ transferList: [alone] }));
  console.log('sender buffer not in workerData', alone.byteLength);

  setEnvironmentData('k', { deep: 'value' });
  show('environment data', await run({}));
  setEnvironmentData('k', undefined);

  const all = await Promise.all([1, 2, 3, 4].map((i) => run({ workerData: i, argv: [i] })));
  for (const m of all) show('at once', m);
})();
