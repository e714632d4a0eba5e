// A MessagePort is an EventTarget in node: a 'message' listener that throws does not stop
// the port's other listeners (on(), addEventListener, onmessage alike); the error is
// reported as an uncaught exception afterwards, before the next message. A Worker is an
// EventEmitter: its first throwing listener stops the rest, as emit() does.
const { MessageChannel, Worker } = require('worker_threads');

const seen = [];
process.on('uncaughtException', (e) => seen.push('uncaught ' + e.message));

function portCase() {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port2.on('message', (m) => {
      seen.push('on ' + m);
      if (m === 'last') setImmediate(() => { port1.close(); resolve(); });
      throw new Error('from on ' + m);
    });
    port2.addEventListener('message', (e) => { seen.push('addEventListener ' + e.data); });
    port2.onmessage = (e) => { seen.push('onmessage ' + e.data); if (e.data === 2) throw new Error('from onmessage'); };
    port2.once('message', (m) => { seen.push('once ' + m); throw new Error('from once'); });
    port1.postMessage(1);
    port1.postMessage(2);
    port1.postMessage('last');
  });
}

function messageErrorCase() {
  // no 'messageerror' here: a listener throwing on 'close' is still an uncaught exception
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port2.on('close', () => { seen.push('close 1'); });
    port2.on('close', () => { seen.push('close 2'); setImmediate(resolve); });
    port1.close();
  });
}

function workerCase() {
  return new Promise((resolve) => {
    const w = new Worker(`
      const { parentPort } = require('worker_threads');
      process.on('uncaughtException', (e) => parentPort.postMessage('worker caught ' + e.message));
      parentPort.on('message', (m) => {
        setImmediate(() => parentPort.postMessage('end'));
        throw new Error('in worker ' + m);
      });
      parentPort.on('message', (m) => { parentPort.postMessage('second listener got ' + m); });
    `, { eval: true });
    w.on('message', (m) => { seen.push('worker says: ' + m); if (m === 'end') w.terminate(); });
    w.on('exit', () => resolve());
    w.postMessage('x');
  });
}

function workerEmitterCase() {
  return new Promise((resolve) => {
    const w = new Worker(`require('worker_threads').parentPort.postMessage('hi');`, { eval: true });
    w.on('message', (m) => { seen.push('worker listener 1 ' + m); throw new Error('worker listener threw'); });
    w.on('message', (m) => { seen.push('worker listener 2 ' + m); });
    w.on('exit', () => setImmediate(resolve));
  });
}

(async () => {
  await portCase();
  await messageErrorCase();
  await workerCase();
  await workerEmitterCase();
  console.log(seen.join('\n'));
})();
