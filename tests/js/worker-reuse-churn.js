// Many workers started and ended in quick succession, overlapping, each ending
// its own way (natural exit, process.exit, terminate() while idle, while spinning,
// or before it even started). In spindle this drives the hand-over of finished
// threads to new workers (spares, reused VMs) concurrently; every worker must
// still report exactly one 'exit' with node's exit code.
const { Worker } = require('worker_threads');

const KINDS = [
  { name: 'natural', code: 'require("worker_threads").parentPort.postMessage("hi")', exit: 0 },
  { name: 'process.exit', code: 'require("worker_threads").parentPort.postMessage("hi"); process.exit(3)', exit: 3 },
  { name: 'terminate idle', code: 'require("worker_threads").parentPort.postMessage("hi"); setInterval(() => {}, 1000)', exit: 1, terminate: true },
  { name: 'terminate busy', code: 'require("worker_threads").parentPort.postMessage("hi"); for (;;) {}', exit: 1, terminate: true },
  // node: 0 when the worker had not started yet (the usual case), 1 once it runs
  { name: 'terminate at once', code: 'setInterval(() => {}, 1000)', exit: [0, 1], early: true },
];
const COUNT = 60;

function start(i) {
  const kind = KINDS[i % KINDS.length];
  return new Promise((resolve) => {
    const w = new Worker(kind.code, { eval: true });
    let exits = 0;
    if (kind.early) w.terminate();
    w.on('message', () => { if (kind.terminate) setTimeout(() => w.terminate(), i % 3); });
    w.on('error', (e) => { throw e; });
    w.on('exit', (code) => {
      if (++exits !== 1) throw new Error(`worker ${i} (${kind.name}): a second 'exit'`);
      const ok = Array.isArray(kind.exit) ? kind.exit.includes(code) : code === kind.exit;
      setTimeout(() => resolve({ kind: kind.name, ok, code }), 5);
    });
  });
}

(async () => {
  const pending = [];
  for (let i = 0; i < COUNT; i++) {
    pending.push(start(i));
    if (i % 4 === 3) await new Promise((r) => setTimeout(r, 1));
  }
  const results = await Promise.all(pending);
  const summary = {};
  for (const r of results) {
    summary[r.kind] ??= { workers: 0, rightExitCode: 0 };
    summary[r.kind].workers++;
    if (r.ok) summary[r.kind].rightExitCode++;
  }
  console.log(summary);
})();
