// process.setUncaughtExceptionCaptureCallback: the callback takes uncaught errors and
// rejections instead of the 'uncaughtException' listeners, after 'uncaughtExceptionMonitor';
// the origin argument says whether a rejection became the error. Also in a worker.
const { Worker, isMainThread, parentPort } = require('worker_threads');
const log = isMainThread ? console.log : (s) => parentPort.postMessage(s);

process.on('uncaughtExceptionMonitor', (e, origin) => log(`monitor ${e.message} ${origin}`));
process.on('uncaughtException', (e, origin) => log(`listener ${e.message} ${origin}`));
log(`has: ${process.hasUncaughtExceptionCaptureCallback()}`);
for (const bad of [1, 'x', {}]) {
  try {
    process.setUncaughtExceptionCaptureCallback(bad);
  } catch (e) {
    log(`${e.name} ${e.code}: ${e.message}`);
  }
}
const steps = [
  () => { throw new Error('thrown before'); },
  () => { Promise.reject(new Error('rejected before')); },
  () => {
    process.setUncaughtExceptionCaptureCallback((e) => log(`captured ${e.message}`));
    log(`has: ${process.hasUncaughtExceptionCaptureCallback()}`);
    try {
      process.setUncaughtExceptionCaptureCallback(() => {});
    } catch (e) {
      log(`${e.name} ${e.code}: ${e.message}`);
    }
    throw new Error('thrown while set');
  },
  () => { Promise.reject(new Error('rejected while set')); },
  () => {
    process.setUncaughtExceptionCaptureCallback(null);
    log(`has: ${process.hasUncaughtExceptionCaptureCallback()}`);
    throw new Error('thrown after');
  },
];
let i = 0;
const next = () => {
  if (i < steps.length) setTimeout(() => { setTimeout(next, 5); steps[i++](); }, 5);
  else if (isMainThread) {
    const w = new Worker(__filename);
    w.on('message', (s) => console.log(`worker: ${s}`));
    w.on('exit', (code) => console.log(`worker exit ${code}`));
  }
};
next();
