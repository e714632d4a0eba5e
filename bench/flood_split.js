// Which side bounds a cross-thread flood: a worker posts N small messages ({i, s: 'x'}) as
// fast as it can while the main thread receives them. Prints, per round, the sender's loop
// time per message and the receiver's total per message (from 'go' to the last arrival).
// When the two are equal the sender is the bottleneck; when the receiver's is larger, the
// receiver is. Medians of 6 rounds after one warm-up; ns per message.
const { Worker } = require('worker_threads');
const N = 200000;
const worker = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.on('message', (n) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) parentPort.postMessage({ i, s: 'x' });
  parentPort.postMessage({ sent: n, ms: performance.now() - t0 });
});
`, { eval: true });
const send = [], total = [];
let next = 0, t0 = 0, round = 0;
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
worker.on('message', (m) => {
  if (m.sent === undefined) {
    if (m.i !== next++ || m.s !== 'x') throw new Error(`message ${next - 1} is wrong`);
    return;
  }
  if (next !== N) throw new Error(`${next} of ${N} arrived`);
  if (round++ > 0) {
    send.push(m.ms * 1e6 / N);
    total.push((performance.now() - t0) * 1e6 / N);
  }
  if (round <= 6) go();
  else {
    console.log(`flood of ${N}: sender ${median(send).toFixed(0)} ns/msg, receiver total ${median(total).toFixed(0)} ns/msg` +
      ` (${(1e3 / median(total)).toFixed(2)} M msg/s)`);
    worker.terminate();
  }
});
function go() { next = 0; t0 = performance.now(); worker.postMessage(N); }
go();
