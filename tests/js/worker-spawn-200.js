// 200 workers spawned and terminated in a loop: all exit, and RSS does not grow without bound.
const { Worker } = require('worker_threads');
(async () => {
  let rssAfter20 = 0;
  const total = process.env.SPINDLE_SANITIZER ? 50 : 200; // sanitizer builds are ~10x slower
  for (let i = 0; i < total; i++) {
    const w = new Worker('require("worker_threads").parentPort.postMessage(0); setInterval(() => {}, 1000)', { eval: true });
    await new Promise((resolve) => w.once('message', resolve));
    const code = await w.terminate();
    if (code !== 1) throw new Error(`exit code ${code}`);
    if (i === 19) rssAfter20 = process.memoryUsage().rss;
  }
  const growth = (process.memoryUsage().rss - rssAfter20) / 1048576;
  console.log('all workers done');
  // sanitizer builds keep freed memory in quarantine: the bound only holds for real builds
  if (!process.env.SPINDLE_SANITIZER && growth > 60) throw new Error(`RSS grew ${growth.toFixed(1)} MiB from worker 20 to 200`);
})();
