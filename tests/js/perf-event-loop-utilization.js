// Event-loop utilization and the process-wide clock: performance.eventLoopUtilization()
// and nodeTiming in the main thread and a worker, worker.performance.eventLoopUtilization()
// read from the parent, and a worker's performance.now()/timeOrigin/process.uptime()
// counting from the process's start as in node. Busy and idle phases last 300 ms and
// are judged against 0.5, so a slow machine (or a sanitizer build) does not flip them.
'use strict';
const { Worker } = require('worker_threads');
const { performance } = require('perf_hooks');

const PHASE_MS = 300;
function spin(ms) { const end = performance.now() + ms; while (performance.now() < end); }
function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
function zeros(u) { return u.idle === 0 && u.active === 0 && u.utilization === 0; }
function sane(u) {
  return u.idle >= 0 && u.active >= 0 && u.utilization >= 0 && u.utilization <= 1 &&
    Math.abs(u.utilization - u.active / (u.idle + u.active)) < 1e-9;
}

// While the main script runs, the loop has not started: zeros, loopStart -1.
console.log('sync', zeros(performance.eventLoopUtilization()), performance.nodeTiming.loopStart,
  performance.nodeTiming.idleTime);
// nodeTiming: one PerformanceEntry with live getters (uvMetricsInfo, libuv 1.45's, left out).
const nt = performance.nodeTiming;
console.log(Object.keys(nt).filter((k) => k !== 'uvMetricsInfo'), Object.keys(nt.toJSON()));
console.log(nt === performance.nodeTiming, nt instanceof require('perf_hooks').PerformanceEntry,
  nt.constructor.name, Object.prototype.toString.call(nt), typeof Object.getOwnPropertyDescriptor(nt, 'loopStart').get,
  nt.name, nt.entryType, nt.startTime, nt.loopExit, nt.duration > 0, nt.environment <= nt.bootstrapComplete);
const spawnedAt = performance.now();

const w = new Worker(`
const { parentPort } = require('worker_threads');
const { performance } = require('perf_hooks');
function spin(ms) { const end = performance.now() + ms; while (performance.now() < end); }
// A worker's loop has started before its script runs; its clock is the process's.
parentPort.postMessage({
  loopStarted: performance.nodeTiming.loopStart > 0,
  nonZero: performance.eventLoopUtilization().active > 0,
  timeOrigin: performance.timeOrigin,
  now: performance.now(),
  uptime: process.uptime(),
});
parentPort.on('message', (m) => {
  if (m === 'busy') {
    const before = performance.eventLoopUtilization();
    spin(${PHASE_MS});
    const own = performance.eventLoopUtilization(before);
    parentPort.postMessage({ ownBusy: own.utilization > 0.5 && own.active >= ${PHASE_MS} - 1 });
  } else {
    parentPort.postMessage('idle');
  }
});
`, { eval: true });

function next() { return new Promise((resolve) => w.once('message', resolve)); }

(async () => {
  const first = await next();
  console.log('worker: loop started', first.loopStarted, 'measures itself', first.nonZero);
  console.log('worker: same timeOrigin', first.timeOrigin === performance.timeOrigin,
    'clock from the process start', first.now >= spawnedAt, first.uptime * 1000 >= spawnedAt);

  // The main thread: its loop runs now.
  const t = performance.nodeTiming;
  console.log('main loop started', t.loopStart > 0, t.idleTime >= 0, t.loopStart <= performance.now());
  const a = performance.eventLoopUtilization();
  console.log('main sane', sane(a), Math.abs(a.idle + a.active - (performance.now() - t.loopStart)) < 5);
  await sleep(PHASE_MS);
  const idle = performance.eventLoopUtilization(a);
  console.log('main idle phase', sane(idle), idle.utilization < 0.5, idle.idle > PHASE_MS / 2);
  const b = performance.eventLoopUtilization();
  spin(PHASE_MS);
  const busy = performance.eventLoopUtilization(b);
  console.log('main busy phase', sane(busy), busy.utilization > 0.5, busy.active >= PHASE_MS - 1);
  // Two readings: their difference, exactly.
  const c = performance.eventLoopUtilization();
  const diff = performance.eventLoopUtilization(c, a);
  console.log('difference', diff.idle === c.idle - a.idle, diff.active === c.active - a.active,
    diff.utilization === diff.active / (diff.idle + diff.active));

  // The worker's loop, read from here.
  const w0 = w.performance.eventLoopUtilization();
  console.log('worker from parent sane', sane(w0), w0.idle + w0.active > 0);
  w.postMessage('busy');
  const reply = await next();
  const wBusy = w.performance.eventLoopUtilization(w0);
  console.log('worker busy', reply.ownBusy, sane(wBusy), wBusy.utilization > 0.5, wBusy.active >= PHASE_MS - 1);
  const w1 = w.performance.eventLoopUtilization();
  await sleep(PHASE_MS);
  const wIdle = w.performance.eventLoopUtilization(w1);
  console.log('worker idle', sane(wIdle), wIdle.utilization < 0.5, wIdle.idle > PHASE_MS / 2);
  w.postMessage('ping');
  console.log(await next());
  await w.terminate();
  console.log('after exit', zeros(w.performance.eventLoopUtilization()),
    zeros(w.performance.eventLoopUtilization(w1)));
})();
