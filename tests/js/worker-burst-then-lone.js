// Bursts of workers started in one tick, then lone ones spaced out, then a burst
// that ends on its own. In spindle a burst that takes the last warm spare boots
// the next one only later (a timer), while the burst's threads come back as
// spares when they end; a lone spawn boots the next spare at once. Every worker
// must still see its own workerData and threadId, answer, and exit with node's
// code, and the process must end by itself after the last burst. As in node,
// worker.threadId is -1 from the 'exit' event on (and still the id in the
// messages delivered before it).
const { Worker, threadId } = require('worker_threads');

const code = `
const wt = require('worker_threads');
wt.parentPort.postMessage({ token: wt.workerData.token, id: wt.threadId });
if (wt.workerData.stay) wt.parentPort.on('message', () => {});
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function start(token, stay) {
  const w = new Worker(code, { eval: true, workerData: { token, stay } });
  const id = w.threadId;
  const reply = new Promise((resolve) => w.once('message', (m) => resolve({ ...m, seen: w.threadId })));
  const exit = new Promise((resolve) => w.once('exit', (c) => resolve(c + (w.threadId === -1 ? '' : '(id ' + w.threadId + ')'))));
  w.on('error', (e) => { throw e; });
  return { w, id, reply, exit };
}

async function check(label, started) {
  const replies = await Promise.all(started.map((s) => s.reply));
  const ok = replies.every((r, i) => r.token === label + ':' + i && r.id === started[i].id && r.seen === r.id);
  const ids = new Set(started.map((s) => s.id));
  console.log(label, 'replies', replies.length, 'tokens and ids ok', ok, 'distinct ids', ids.size === started.length,
    'none is main', !ids.has(threadId));
}

(async () => {
  for (const label of ['burst1', 'burst2']) {
    const started = [];
    for (let i = 0; i < 8; i++) started.push(start(label + ':' + i, true));
    await check(label, started);
    for (const s of started) s.w.terminate();
    console.log(label, 'exit codes', (await Promise.all(started.map((s) => s.exit))).join(','));
  }
  await sleep(60); // past the deferred spare boot
  const lone = [];
  for (let i = 0; i < 3; i++) {
    lone.push(start('lone:' + i, true));
    await lone[i].reply;
    await sleep(40);
  }
  await check('lone', lone);
  for (const s of lone) s.w.terminate();
  console.log('lone exit codes', (await Promise.all(lone.map((s) => s.exit))).join(','));
  // a last burst whose workers end by themselves: nothing keeps the process alive after it
  const last = [];
  for (let i = 0; i < 4; i++) last.push(start('last:' + i, false));
  await check('last', last);
  console.log('last exit codes', (await Promise.all(last.map((s) => s.exit))).join(','));
})();
