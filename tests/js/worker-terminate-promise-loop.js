// terminate() stops a worker that runs nothing but promise jobs (an `await` loop, a
// then() chain, queueMicrotask), as node's does: exit code 1. Such a loop enters the engine
// once per job, and the engine restarted its watchdog's deadlines at every entry, so
// spindle's terminate() never stopped it (and process.exit() in the main thread waited for
// it forever). Last, process.exit() while such a worker runs.
const { Worker } = require('worker_threads');

const loops = {
  'await loop': '(async () => { for (;;) await null; })();',
  'then chain': 'function loop() { Promise.resolve().then(loop); } loop();',
  queueMicrotask: 'function again() { queueMicrotask(again); } again();',
};

async function stop(name) {
  const w = new Worker(`require('worker_threads').parentPort.postMessage('running'); ${loops[name]}`, { eval: true });
  await new Promise((resolve) => w.once('message', resolve));
  const exited = new Promise((resolve) => w.once('exit', resolve));
  const code = await w.terminate();
  console.log(`${name}: terminate() gave ${code}, 'exit' ${await exited}`);
}

(async () => {
  for (const name of Object.keys(loops)) await stop(name);
  const w = new Worker(`require('worker_threads').parentPort.postMessage('running'); ${loops['await loop']}`, { eval: true });
  w.once('message', () => {
    console.log('process.exit() while a worker loops');
    process.exit(0);
  });
})();
