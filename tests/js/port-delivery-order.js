// In which order a thread's MessagePorts deliver, as node's: each loop turn walks the ports
// in the order they were made (node walks its async handles so); a port posted to by one
// that delivers earlier in the walk still delivers in it, one posted to by a later port
// waits for the next turn (after that turn's immediates). Among one port's listeners (node
// takes each one's successor before calling it): one removed by an earlier listener is not
// called, one added is called when the walk reaches it (not when the listener that added it
// was the last), and `onmessage = fn2` keeps the place of fn.
const { MessageChannel } = require('worker_threads');

let turn = 0;
(function count() { turn++; if (turn < 40) setImmediate(count); })();
const log = (...a) => console.log(`[turn ${turn}]`, ...a);
const after = (turns, fn) => { const at = turn + turns; (function wait() { if (turn >= at) fn(); else setImmediate(wait); })(); };

const steps = [pingPong, creationOrder, listenersDuringDispatch, replacedHandler];
function next() {
  const step = steps.shift();
  if (step) { console.log(`-- ${step.name}`); step(); }
}

function pingPong() {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (m) => {
    log('port1 got', m);
    setImmediate(() => log('immediate after port1', m));
    if (m < 6) port1.postMessage(m + 1);
    else { port1.close(); after(2, next); }
  });
  port2.on('message', (m) => {
    log('port2 got', m);
    setImmediate(() => log('immediate after port2', m));
    port2.postMessage(m + 1);
  });
  port2.postMessage(0);
}

function creationOrder() {
  const a = new MessageChannel(), b = new MessageChannel(), c = new MessageChannel();
  for (const [name, p] of [['a', a.port2], ['b', b.port2], ['c', c.port2]]) {
    p.on('message', (m) => {
      log(name, 'got', m);
      if (m === 'from c') a.port1.postMessage('from c to a'); // a is behind: next turn
      if (m === 'from a') c.port1.postMessage('from a to c'); // c is ahead: this turn
    });
  }
  c.port1.postMessage('from c');
  b.port1.postMessage('from b');
  a.port1.postMessage('from a');
  after(3, () => { for (const ch of [a, b, c]) ch.port1.close(); after(2, next); });
}

function listenersDuringDispatch() {
  const { port1, port2 } = new MessageChannel();
  const second = (m) => log('second', m);
  const added = (m) => log('added by first', m);
  const addedByLast = (m) => log('added by the last', m);
  port2.on('message', (m) => {
    log('first', m);
    if (m === 1) port2.off('message', second);
    if (m === 1) port2.on('message', added);
  });
  port2.on('message', second);
  port2.on('message', function last(m) {
    log('last', m);
    if (m === 1) port2.on('message', addedByLast);
  });
  port1.postMessage(1);
  port1.postMessage(2);
  after(3, () => { port1.close(); after(2, next); });
}

function replacedHandler() {
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = (e) => log('onmessage (first)', e.data);
  port2.on('message', (m) => log('on', m));
  port1.postMessage(1);
  after(1, () => {
    port2.onmessage = (e) => log('onmessage (replaced)', e.data);
    port1.postMessage(2);
    after(2, () => { port1.close(); after(2, next); });
  });
}

next();
