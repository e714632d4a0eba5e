// Workers started one after another never see each other's state. spindle runs a
// finished worker's next job in a new realm of the same engine VM (mod_worker:
// reused threads), so this checks what a realm could leak: globals, builtin
// prototypes, the builtin module cache, process fields, listeners, timers, and
// that unhandled rejections, FinalizationRegistry, terminate() in a busy loop and
// process.exit() all leave the next worker intact. Runs the same under node.
const { Worker } = require('worker_threads');

const probe = `
const { parentPort, workerData } = require('worker_threads');
const events = require('events');
const seen = [];
if (globalThis.leaked !== undefined) seen.push('global');
if (Array.prototype.leaked !== undefined) seen.push('Array.prototype');
if (Object.prototype.leaked !== undefined) seen.push('Object.prototype');
if (events.leaked !== undefined) seen.push('events module');
if (process.leaked !== undefined) seen.push('process');
if (process.env.SPINDLE_TEST_LEAKED !== undefined) seen.push('process.env');
if (typeof JSON.parse !== 'function' || JSON.leaked) seen.push('JSON');
globalThis.leaked = workerData.i;
Array.prototype.leaked = workerData.i;
Object.prototype.leaked = workerData.i;
events.leaked = workerData.i;
process.leaked = workerData.i;
process.env.SPINDLE_TEST_LEAKED = '1';
JSON.leaked = true;
process.on('exit', () => {});
setTimeout(() => parentPort.postMessage({ late: workerData.i }), 50).unref();
parentPort.postMessage({ i: workerData.i, seen, exitListeners: process.listenerCount('exit') });
`;

function run(code, options) {
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true, ...options });
    const messages = [];
    let error = null;
    w.on('message', (m) => messages.push(m));
    w.on('error', (e) => { error = e; });
    w.on('exit', (code) => resolve({ code, messages, error }));
  });
}

async function main() {
  const ids = new Set();
  let exitListeners = -1;
  for (let i = 0; i < 12; i++) {
    const r = await run(probe, { workerData: { i } });
    const m = r.messages[0];
    if (r.code !== 0 || !m || m.i !== i) throw new Error(`probe ${i}: ${JSON.stringify(r)}`);
    if (m.seen.length) throw new Error(`probe ${i} saw a previous worker's ${m.seen.join(', ')}`);
    if (exitListeners < 0) exitListeners = m.exitListeners;
    if (m.exitListeners !== exitListeners) throw new Error(`probe ${i} saw a previous worker's exit listener`);
    if (r.messages.length !== 1) throw new Error(`probe ${i}: a late message arrived: ${JSON.stringify(r.messages)}`);
  }
  console.log('12 workers in a row: no state carried over');

  // An unhandled rejection is still reported by a worker that follows others.
  for (let i = 0; i < 3; i++) {
    const r = await run('Promise.reject(new Error("nobody catches " + 1))');
    console.log('unhandled rejection:', r.code, r.error && r.error.message);
  }

  // A realm that used FinalizationRegistry; the next worker must run normally.
  const fr = await run(`
    const r = new FinalizationRegistry(() => require('worker_threads').parentPort.postMessage('finalized'));
    for (let i = 0; i < 100; i++) r.register({}, i);
    require('worker_threads').parentPort.postMessage(typeof FinalizationRegistry);
  `);
  console.log('FinalizationRegistry worker:', fr.code, fr.messages[0]);
  const after = await run(probe, { workerData: { i: 99 } });
  console.log('next worker:', after.code, JSON.stringify(after.messages[0].seen));

  // terminate() while JS runs, and process.exit() with work queued: the next worker is intact.
  const busy = new Worker('require("worker_threads").parentPort.postMessage("spinning"); for (;;) {}', { eval: true });
  await new Promise((resolve) => busy.once('message', resolve));
  console.log('busy worker terminated:', await busy.terminate());
  const exiting = await run(`
    Promise.resolve().then(() => require('worker_threads').parentPort.postMessage('microtask'));
    queueMicrotask(() => process.exit(3));
    setImmediate(() => require('worker_threads').parentPort.postMessage('immediate'));
  `);
  console.log('process.exit worker:', exiting.code, JSON.stringify(exiting.messages));
  for (let i = 100; i < 104; i++) {
    const r = await run(probe, { workerData: { i } });
    if (r.code !== 0 || r.messages[0].seen.length) throw new Error(`after exits: ${JSON.stringify(r)}`);
    ids.add(r.messages[0].i);
  }
  console.log('workers after those:', ids.size, 'clean');
}

main().catch((e) => { console.error(e); process.exit(1); });
