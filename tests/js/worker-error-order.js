// What a worker posts before it fails arrives before its 'error' event, and
// everything before 'exit', as in node: the failure at the top of the script,
// in a later timer, and after a burst of messages. The main thread stays busy
// until the worker has failed, so everything is queued before it looks.
const { Worker } = require('worker_threads');

const cases = [
  ['at once', `parentPort.postMessage('a'); parentPort.postMessage('b'); done(); throw new Error('boom 1');`],
  ['in a timer', `parentPort.postMessage('a');
    setTimeout(() => { parentPort.postMessage('b'); done(); throw new Error('boom 2'); }, 5);`],
  ['after a burst', `for (let i = 0; i < 200; i++) parentPort.postMessage(i);
    done(); throw new TypeError('boom 3');`],
];

const prelude = `const { parentPort, workerData } = require('worker_threads');
const flag = new Int32Array(workerData);
function done() { Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); }
`;

function run([name, code]) {
  return new Promise((resolve) => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const w = new Worker(prelude + code, { eval: true, workerData: flag.buffer });
    const seen = [];
    let count = 0;
    w.on('message', (m) => { if (typeof m === 'number') count++; else seen.push('message ' + m); });
    w.on('error', (e) => seen.push(`error ${e.name}: ${e.message} (after ${count} numbers)`));
    let online = false; // before or after the messages: node says 'online' after them here
    w.on('online', () => { online = true; });
    w.on('exit', (code) => {
      seen.push('exit ' + code, 'online ' + online);
      console.log(name + ': ' + seen.join(', '));
      resolve();
    });
    Atomics.wait(flag, 0, 0, 10000);
    const until = Date.now() + 100; // the worker reports its error and exits meanwhile
    while (Date.now() < until);
  });
}

(async () => {
  for (const c of cases) await run(c);
})();
