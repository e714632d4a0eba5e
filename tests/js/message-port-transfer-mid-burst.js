// A MessagePort transferred to a worker from inside its own 'message' listener, while
// more messages wait for it: the ones not yet delivered go with the port and arrive in
// the worker, in order, none lost and none twice.
const { MessageChannel, Worker } = require('worker_threads');

const TOTAL = 3000;
const MOVE_AT = 10;
const worker = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ port }) => {
    const got = [];
    port.on('message', (v) => {
      got.push(v);
      if (v === ${TOTAL - 1}) {
        let inOrder = true;
        for (let i = 1; i < got.length; i++) if (got[i] !== got[i - 1] + 1) inOrder = false;
        parentPort.postMessage({ first: got[0], count: got.length, inOrder });
        port.close();
      }
    });
  });
`, { eval: true });

const { port1, port2 } = new MessageChannel();
for (let i = 0; i < TOTAL; i++) port1.postMessage(i);
const seenHere = [];
port2.on('message', (v) => {
  seenHere.push(v);
  if (v === MOVE_AT) worker.postMessage({ port: port2 }, [port2]);
});
worker.once('message', (r) => {
  console.log('main thread got', seenHere.length, 'messages:', seenHere[0], '..', seenHere[seenHere.length - 1]);
  console.log('worker got', r.count, 'from', r.first, 'in order:', r.inOrder);
  console.log('all delivered once:', seenHere.length + r.count === TOTAL && r.first === MOVE_AT + 1);
  worker.terminate();
  port1.close();
});
