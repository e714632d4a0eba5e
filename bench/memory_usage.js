'use strict';
// memory_usage: what process.memoryUsage() costs with a heap of a million small
// objects, called in a loop (a memory monitor, a leak check between steps) and once
// after the heap changed. Runs under node and spindle alike; prints one JSON line:
// us per call in the loop (mean of 200 calls), ms for the first call, and whether
// the figures it returns are sane (rss and heapTotal >= heapUsed > 0).
const keep = [];
for (let i = 0; i < 1000000; i++) keep.push({ i, s: 'x' });

let t0 = performance.now();
const first = process.memoryUsage();
const firstMs = performance.now() - t0;

const N = 200;
t0 = performance.now();
let last;
for (let i = 0; i < N; i++) last = process.memoryUsage();
const loopUs = (performance.now() - t0) * 1000 / N;

const sane = [first, last].every((m) => m.rss > 1e6 && m.heapUsed > 0 && m.heapTotal >= m.heapUsed);
console.log(JSON.stringify({
  bench: 'memory_usage', objects: keep.length,
  first_call_ms: Math.round(firstMs * 1000) / 1000,
  loop_call_us: Math.round(loopUs * 10) / 10,
  sane,
}));
