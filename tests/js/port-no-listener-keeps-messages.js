// As node: a port whose last 'message' listener went away (off, once, onmessage = null)
// stops receiving; what arrives meanwhile stays queued for the next listener.
const { MessageChannel, Worker } = require('worker_threads');
// Waits are for the events themselves, or a few loop turns (a message posted in one thread
// is delivered in the next turn), never a fixed time: a slow machine must not change them.
const turns = (n) => new Promise((resolve) => { (function next(k) { if (k === 0) resolve(); else setImmediate(next, k - 1); })(n); });
const logged = (fn) => new Promise((resolve) => fn(resolve));

(async () => {
  const c = new MessageChannel();
  let f;
  await logged((resolve) => {
    f = (m) => { console.log('first listener', m); resolve(); };
    c.port2.on('message', f);
    c.port1.postMessage(1);
  });
  c.port2.off('message', f);
  c.port1.postMessage(2);
  await turns(5);
  console.log('no listener: nothing delivered yet');
  await logged((resolve) => c.port2.on('message', (m) => { console.log('new listener', m); resolve(); }));

  const d = new MessageChannel();
  await logged((resolve) => {
    d.port2.onmessage = (e) => { console.log('onmessage', e.data); d.port2.onmessage = null; resolve(); };
    d.port1.postMessage('p');
    d.port1.postMessage('q');
  });
  await turns(5);
  await logged((resolve) => {
    d.port2.once('message', (m) => { console.log('once', m); resolve(); });
    d.port1.postMessage('r');
  });
  await turns(5);
  await logged((resolve) => d.port2.on('message', (m) => { console.log('on', m); resolve(); }));

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
