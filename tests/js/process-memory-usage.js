// process.memoryUsage(): sane figures, and heapUsed follows the heap as it grows, read
// again a while later (spindle re-reads the engine's heap figures only as often as their
// cost allows: they must not stay stale), in the main thread and in a worker.
const { Worker, isMainThread, parentPort } = require('worker_threads');

function check(report) {
  const before = process.memoryUsage();
  const again = process.memoryUsage(); // right away: the same kind of figures
  const keep = [];
  for (let i = 0; i < 300000; i++) keep.push({ i, s: 'item ' + i });
  setTimeout(() => {
    const after = process.memoryUsage();
    const sane = [before, again, after].every((m) => m.rss > 1e6 && m.heapUsed > 0 && m.heapTotal >= m.heapUsed &&
      m.external >= 0 && m.arrayBuffers >= 0);
    report(`sane ${sane}, grew ${after.heapUsed - before.heapUsed > 5e6}, kept ${keep.length}`);
  }, 200);
}

if (isMainThread) {
  check((line) => {
    console.log('main:', line);
    const w = new Worker(__filename);
    w.on('message', (m) => console.log('worker:', m));
  });
} else {
  check((line) => parentPort.postMessage(line));
}
