// When a MessagePort's 'close' comes, as node: in the loop's closing phase (after that
// turn's messages, timers and setImmediate callbacks), the closing side first, then the
// peer; a port closed before its queued messages were delivered emits none of them
// (receiveMessageOnPort can still take one right after close()); a close() inside a
// 'message' listener lets the rest of that delivery go on.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const log = (...a) => console.log(...a);

const { port1, port2 } = new MessageChannel();
port1.on('close', () => log('port1 close'));
port2.on('close', () => { log('port2 close'); setImmediate(second); });
port2.on('message', (m) => log('port2 got', m));
setImmediate(() => log('immediate before'));
process.nextTick(() => log('tick before'));
Promise.resolve().then(() => log('promise before'));
port1.postMessage('a');
port1.close();
setImmediate(() => log('immediate after'));
setTimeout(() => log('timeout 0'), 0);
process.nextTick(() => log('tick after'));

function second() {
  const c = new MessageChannel();
  c.port1.on('message', (m) => log('c port1 got', m));
  c.port1.on('close', () => { log('c port1 close'); setImmediate(third); });
  c.port2.postMessage('first: taken by hand');
  c.port2.postMessage('second: never emitted');
  c.port1.close();
  log('taken after close:', JSON.stringify(receiveMessageOnPort(c.port1)));
}

function third() {
  const d = new MessageChannel();
  d.port1.on('message', (m) => { log('d got', m); if (m === 1) d.port1.close(); });
  d.port1.on('close', () => log('d port1 close'));
  d.port2.postMessage(1);
  d.port2.postMessage(2);
}
