'use strict';
// transfer_bounce: a 64 MiB ArrayBuffer moved back and forth between the main
// thread and a worker with no pause between trips (the shared transfer_64mb times
// 20 trips, mostly while the heaps are still small). In spindle every arriving
// buffer is a new engine ArrayBuffer that JavaScriptCore counts as 64 MiB freshly
// allocated, so this shows the collections that costs over a long run. Runs under
// node and spindle alike; prints one JSON line: the median round trip over
// batches of 50 after a warm-up, and the slowest batch. Bytes are checked.
const { Worker } = require('worker_threads');

const SIZE = 64 * 1024 * 1024;
const WARMUP = 50;
const BATCHES = 8;
const BATCH = 50;

function fail(msg) {
  console.log(JSON.stringify({ bench: 'transfer_bounce', error: msg }));
  process.exit(1);
}

const worker = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.on('message', (buf) => {
  const u8 = new Uint8Array(buf);
  u8[1] = (u8[1] + 1) & 255; // the worker touches what it got
  parentPort.postMessage(buf, [buf]);
});
`, { eval: true });
worker.on('error', (e) => fail('worker error: ' + (e && e.message)));

let buf = new ArrayBuffer(SIZE);
new Uint8Array(buf)[SIZE - 1] = 42;
let trips = 0;
let batchStart = 0;
const perTripUs = [];

worker.on('message', (back) => {
  if (!(back instanceof ArrayBuffer) || back.byteLength !== SIZE) fail('got back something else than the buffer');
  const u8 = new Uint8Array(back);
  if (u8[SIZE - 1] !== 42 || u8[1] !== (trips + 1) % 256) fail('bytes changed in transit at trip ' + trips);
  trips++;
  if (trips === WARMUP) batchStart = performance.now();
  if (trips > WARMUP && (trips - WARMUP) % BATCH === 0) {
    const now = performance.now();
    perTripUs.push((now - batchStart) * 1000 / BATCH);
    batchStart = now;
    if (perTripUs.length === BATCHES) {
      const sorted = perTripUs.slice().sort((a, b) => a - b);
      console.log(JSON.stringify({
        bench: 'transfer_bounce',
        median_us: Math.round(sorted[sorted.length >> 1] * 10) / 10,
        slowest_batch_us: Math.round(sorted[sorted.length - 1] * 10) / 10,
        trips,
      }));
      process.exit(0);
    }
  }
  buf = back;
  worker.postMessage(buf, [buf]);
  if (buf.byteLength !== 0) fail('the sent buffer was not detached');
});
worker.postMessage(buf, [buf]);
