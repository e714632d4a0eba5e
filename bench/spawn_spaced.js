'use strict';
// spawn_spaced: new Worker -> first message, with 50 ms of quiet between spawns,
// the way an application starts a worker now and then (the shared spawn_online
// spawns back to back). In spindle this is the latency of a warm spare worker;
// node has none. Prints one JSON line; runs under node and spindle alike.
const { Worker } = require('worker_threads');

const COUNT = 20;
const GAP_MS = 50;
const CODE = `
const { parentPort, workerData } = require('worker_threads');
parentPort.postMessage({ echo: workerData.token + 1 });
`;

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

function spawnOnce(token) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const w = new Worker(CODE, { eval: true, workerData: { token } });
    w.once('message', (m) => {
      const ms = performance.now() - t0;
      if (!m || m.echo !== token + 1) reject(new Error('wrong reply ' + JSON.stringify(m)));
      w.once('exit', () => resolve(ms));
    });
    w.once('error', reject);
  });
}

(async () => {
  const ms = [];
  for (let i = 0; i < COUNT; i++) {
    ms.push(await spawnOnce(i));
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  console.log(JSON.stringify({ bench: 'spawn_spaced', unit: 'ms', median: +median(ms).toFixed(3),
    min: +Math.min(...ms).toFixed(3), max: +Math.max(...ms).toFixed(3), workers: COUNT }));
})().catch((e) => { console.error(e); process.exit(1); });
