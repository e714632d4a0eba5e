// A MessagePort also speaks EventTarget: onmessage (which starts it) and addEventListener get events with .data.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => {
  console.log('onmessage', e.data, e.target === port1);
  port1.onmessage = null;
  port1.close();
};
port2.postMessage('hello');
const c = new MessageChannel();
c.port1.addEventListener('message', (e) => { console.log('listener', e.data); c.port1.close(); }, { once: true });
c.port1.start();
c.port2.postMessage(42);
