// Atomics.notify returns how many waiters it woke, and wakes no more than asked.
const { Worker } = require('worker_threads');
const sab = new SharedArrayBuffer(8);
const ia = new Int32Array(sab);
const workers = [];
for (let i = 0; i < 3; i++) {
  const w = new Worker(`
    const ia = new Int32Array(require('worker_threads').workerData);
    Atomics.add(ia, 1, 1);
    Atomics.notify(ia, 1);
    Atomics.wait(ia, 0, 0);
  `, { eval: true, workerData: sab });
  workers.push(new Promise((resolve) => w.on('exit', resolve)));
}
while (Atomics.load(ia, 1) < 3) Atomics.wait(ia, 1, Atomics.load(ia, 1), 100);
// all three incremented; give them time to reach their wait
setTimeout(async () => {
  let woken = 0;
  while (woken < 1) woken += Atomics.notify(ia, 0, 1);
  console.log('first notify woke', woken);
  let rest = 0;
  const deadline = Date.now() + 2000;
  while (rest < 2 && Date.now() < deadline) rest += Atomics.notify(ia, 0);
  console.log('then woke', rest);
  await Promise.all(workers);
  console.log('all exited');
}, 100);
