// MessageChannel: messages queued before a listener arrive in order once it starts;
// close() closes both ends with a 'close' event on each.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const log = [];
port2.postMessage(1);
port2.postMessage({ two: 2 });
port2.postMessage([3]);
port1.on('message', (m) => {
  log.push(JSON.stringify(m));
  if (log.length === 3) port2.close();
});
// printed once both ends closed (a fixed delay could come first on a loaded machine)
let open = 2;
const closed = (name) => { log.push(name); if (--open === 0) setImmediate(() => console.log(log.join('\n'))); };
port1.on('close', () => closed('close1'));
port2.on('close', () => closed('close2'));
