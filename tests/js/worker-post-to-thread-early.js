// postMessageToThread to a Worker right after `new Worker()`, before its script has run:
// node keeps the message until the worker runs and has its listener, so the sender sees
// the listener's outcome (delivered, ERRORED, or TIMEOUT while the worker is busy), not
// "no such thread". Both the worker's report and the sender's outcome go through the main
// thread's log in a fixed order.
const { Worker, postMessageToThread, workerData, parentPort } = require('worker_threads');

if (workerData) {
  parentPort.on('message', () => {}); // stays alive until terminated
  if (workerData.mode === 'busy') {
    // blocks until the main thread has seen its timeout, then listens
    Atomics.wait(new Int32Array(workerData.memory), 0, 0);
  }
  process.on('workerMessage', (value) => {
    if (workerData.mode === 'throw') throw new Error('listener failed');
    parentPort.postMessage(`worker (${workerData.mode}) got ${JSON.stringify(value)}`);
  });
} else {
  const outcome = (p) => p.then(() => 'delivered', (e) => `${e.name} ${e.code}`);
  const reply = (w) => new Promise((resolve) => w.once('message', resolve));

  (async () => {
    // a listening worker: the early message arrives, the sender learns it was delivered
    const w1 = new Worker(__filename, { workerData: { mode: 'listen' } });
    const got = reply(w1);
    console.log('to a new worker:', await outcome(postMessageToThread(w1.threadId, { early: 1 })));
    console.log(await got);

    // its listener throws: the sender gets ERRORED
    const w2 = new Worker(__filename, { workerData: { mode: 'throw' } });
    console.log('to a new worker whose listener throws:', await outcome(postMessageToThread(w2.threadId, 'x')));

    // busy before it listens: the sender's timeout passes first; the message still arrives
    const memory = new SharedArrayBuffer(4);
    const w3 = new Worker(__filename, { workerData: { mode: 'busy', memory } });
    const late = reply(w3);
    console.log('to a new busy worker, 200 ms:', await outcome(postMessageToThread(w3.threadId, 'late', 200)));
    const flag = new Int32Array(memory);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    console.log(await late);

    await Promise.all([w1, w2, w3].map((w) => w.terminate()));
    console.log('to an exited worker:', await outcome(postMessageToThread(w1.threadId, 'gone')));
  })();
}
