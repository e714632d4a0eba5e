'use strict';
// A real worker pool (piscina, from npm) pushing tiny tasks through 2 threads: the
// pool's scheduling, its MessagePorts and promises, under spindle and node alike.
// Prints one JSON line: tasks per second over 50,000 tasks after a warm-up of 2,000,
// the median task run time piscina measured (ms), and whether every result was right.
const Piscina = require('piscina');
const path = require('path');
const { performance } = require('perf_hooks');

const N = 50000;
const pool = new Piscina({ filename: path.join(__dirname, 'add.js'), minThreads: 2, maxThreads: 2 });

(async () => {
  await Promise.all(Array.from({ length: 2000 }, (_, i) => pool.run({ a: i, b: 1 })));
  let sum = 0;
  const t0 = performance.now();
  const all = [];
  for (let i = 0; i < N; i++) all.push(pool.run({ a: i, b: 1 }).then((v) => { sum += v; }));
  await Promise.all(all);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({
    bench: 'piscina_tiny_tasks', tasks_per_second: Math.round(N / ms * 1000),
    run_time_p50_ms: pool.runTime.p50, ok: sum === N * (N - 1) / 2 + N,
  }));
  await pool.destroy();
})();
