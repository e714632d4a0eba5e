'use strict';
// spawn_steps: where the time of one worker's life goes, seen from JavaScript only (runs
// under node and spindle alike): the `new Worker()` call on the parent's thread, then from
// that call to the worker's own first line of code, to 'online' and to its first message
// at the parent, and from terminate() to 'exit'. Spawns one at a time, back to back and
// with 50 ms of quiet between them (a CPU that idled runs every step slower, in both
// runtimes). Medians over COUNT spawns, in ms. Times are process.hrtime.bigint(): the
// system's monotonic clock, the same in every thread (the worker does not touch
// `performance`, whose first use loads perf_hooks into its realm).
const { Worker } = require('worker_threads');

const COUNT = 30;
const CODE = `
const start = process.hrtime.bigint();
const { parentPort, workerData } = require('worker_threads');
parentPort.on('message', () => {});
parentPort.postMessage({ token: workerData.token, start });
`;

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

function spawnOnce(token) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const w = new Worker(CODE, { eval: true, workerData: { token } });
    const ctor = now() - t0;
    let online = -1;
    w.once('online', () => { online = now() - t0; });
    w.once('error', reject);
    w.once('message', (m) => {
      const first = now() - t0;
      if (!m || m.token !== token) reject(new Error('wrong reply ' + JSON.stringify(m)));
      const t1 = now();
      w.once('exit', () => resolve({ ctor, userCode: Number(m.start) / 1e6 - t0, online, first, exit: now() - t1 }));
      w.terminate();
    });
  });
}

async function run(gapMs) {
  for (let i = 0; i < 3; i++) { await spawnOnce(-1); await sleep(gapMs); } // warm-up
  const r = { ctor: [], userCode: [], online: [], first: [], exit: [] };
  for (let i = 0; i < COUNT; i++) {
    const s = await spawnOnce(i);
    for (const k in r) r[k].push(s[k]);
    if (gapMs) await sleep(gapMs);
  }
  const out = { bench: 'spawn_steps', runtime: process.versions.spindle ? 'spindle' : 'node', gap_ms: gapMs };
  for (const k in r) out[k + '_ms'] = Math.round(median(r[k]) * 1000) / 1000;
  console.log(JSON.stringify(out));
}

(async () => {
  await run(0);
  await run(50);
})();
