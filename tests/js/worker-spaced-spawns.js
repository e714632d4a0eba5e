// Workers started with pauses in between (in spindle the later ones run on a warm spare
// thread that booted ahead of its job): each sees its own threadId, workerData, argv,
// env copy, name-independent state and environment data, exactly as a fresh one would.
const { Worker, threadId, setEnvironmentData } = require('worker_threads');

const code = `
const wt = require('worker_threads');
wt.parentPort.on('message', (m) => {
  if (m === 'bye') process.exit(0);
  wt.parentPort.postMessage({
    reply: m + 1,
    isMain: wt.isMainThread,
    threadIdMatches: wt.threadId === wt.workerData.expectId,
    workerData: wt.workerData.payload,
    argv: process.argv.slice(2),
    env: process.env.SPINDLE_SPACED,
    envKeys: Object.keys(process.env).includes('SPINDLE_SPACED'),
    envData: wt.getEnvironmentData('round'),
    limits: wt.resourceLimits,
  });
});
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let lastId = threadId;

async function round(i, options = {}) {
  process.env.SPINDLE_SPACED = 'round ' + i;
  setEnvironmentData('round', i);
  const expectId = lastId + 1;
  const w = new Worker(code, {
    eval: true, argv: ['a' + i, i], workerData: { payload: { i, list: [i, 'x'] }, expectId }, ...options,
  });
  if (w.threadId !== expectId) throw new Error(`threadId ${w.threadId}, expected ${expectId}`);
  lastId = w.threadId;
  const reply = new Promise((resolve) => w.once('message', resolve));
  const exited = new Promise((resolve) => w.once('exit', resolve));
  w.postMessage(i * 10);
  console.log(i, JSON.stringify(await reply));
  console.log(i, 'running with', JSON.stringify(w.resourceLimits)); // online: the engine's values
  w.postMessage('bye');
  console.log('exit', await exited, JSON.stringify(w.resourceLimits));
}

(async () => {
  for (let i = 0; i < 4; i++) {
    await round(i);
    await sleep(150); // room for a spare to boot completely
  }
  await round(4, { resourceLimits: { stackSizeMb: 2 } }); // its own stack: never the spare
  await round(5);
})();
