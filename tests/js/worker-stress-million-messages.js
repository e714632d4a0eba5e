// 1,000,000 messages with sequence numbers: none lost, none reordered.
const { Worker } = require('worker_threads');
// sanitizer builds run ~10x slower: there the same check runs on a tenth of the messages
const N = process.env.SPINDLE_SANITIZER ? 100000 : 1000000;
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  for (let i = 0; i < ${N}; i++) parentPort.postMessage(i);
`, { eval: true });
let next = 0;
w.on('message', (m) => {
  if (m !== next) { console.log('out of order', m, next); process.exit(1); }
  next++;
});
w.on('exit', () => console.log('received', next));
