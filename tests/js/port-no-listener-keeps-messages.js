// As node: a port whose last 'message' listener went away (off, once, onmessage = null)
// stops receiving; what arrives meanwhile stays queued for the next listener.
const { MessageChannel, Worker } = require('worker_threads');
const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

(async () => {
  const c = new MessageChannel();
  const f = (m) => console.log('first listener', m);
  c.port2.on('message', f);
  c.port1.postMessage(1);
  await later(10);
  c.port2.off('message', f);
  c.port1.postMessage(2);
  await later(10);
  console.log('no listener: nothing delivered yet');
  c.port2.on('message', (m) => console.log('new listener', m));
  await later(10);

  const d = new MessageChannel();
  d.port2.onmessage = (e) => { console.log('onmessage', e.data); d.port2.onmessage = null; };
  d.port1.postMessage('p');
  d.port1.postMessage('q');
  await later(10);
  d.port2.once('message', (m) => console.log('once', m));
  d.port1.postMessage('r');
  await later(10);
  d.port2.on('message', (m) => console.log('on', m));
  await later(10);

  // a worker's parentPort: once() takes one message, the next waits for a listener
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.once('message', (m) => {
      parentPort.postMessage('once got ' + m);
      setTimeout(() => parentPort.once('message', (n) => parentPort.postMessage('later got ' + n)), 50);
    });
  `, { eval: true });
  w.postMessage('a');
  w.postMessage('b');
  w.on('message', (m) => console.log('worker:', m));
  w.on('exit', (code) => {
    console.log('worker exit', code);
    c.port1.close();
    d.port1.close();
  });
})();
