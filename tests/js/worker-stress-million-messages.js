// 1,000,000 messages with sequence numbers: none lost, none reordered.
const { Worker } = require('worker_threads');
// Sanitizer builds run ~10x slower: under ASan the same check runs on a tenth of the
// messages. Under TSan this test hangs about one run in ten inside the engine: the GC
// collector thread waits forever in WTF::Thread::suspend for a thread that TSan keeps
// from handling the suspend signal (our threads are all idle by then; 40/40 normal runs
// pass). Until that engine/TSan interaction is solved, TSan skips this one test.
if (process.env.SPINDLE_SANITIZER === 'thread') {
  console.log('skipped under ThreadSanitizer (engine signal-suspension deadlock)');
  return;
}
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
