// When the peer closes, node queues its 'close' behind the messages it had sent: a port that
// was not started yet emits 'close' only once those messages are taken, by receiveMessageOnPort
// (the call that finds nothing more) or by starting it; until then they stay receivable
// (spindle emitted 'close' at once and dropped them). A port with nothing queued gets its
// 'close' right away, started or not.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const log = (...a) => console.log(...a);

// nothing queued: 'close' comes without starting
const empty = new MessageChannel();
empty.port1.on('close', () => log('empty: close'));
empty.port2.close();

// queued, taken with receiveMessageOnPort
const taken = new MessageChannel();
taken.port1.on('close', () => log('taken: close'));
taken.port2.postMessage('x');
taken.port2.postMessage({ y: 2 });
taken.port2.close();

// queued, delivered once a 'message' listener starts it
const started = new MessageChannel();
started.port1.on('close', () => log('started: close'));
started.port2.postMessage('first');
started.port2.postMessage('second');
started.port2.close();

// queued, never taken, closed on this side: the messages are dropped, 'close' comes
const dropped = new MessageChannel();
dropped.port1.on('close', () => log('dropped: close'));
dropped.port2.postMessage('never read');
dropped.port2.close();

setTimeout(() => {
  log('taken 1:', JSON.stringify(receiveMessageOnPort(taken.port1)));
  setTimeout(() => {
    log('taken 2:', JSON.stringify(receiveMessageOnPort(taken.port1)));
    log('taken 3:', JSON.stringify(receiveMessageOnPort(taken.port1)));
    setTimeout(() => {
      log('starting');
      started.port1.on('message', (m) => log('started got', m));
      setTimeout(() => {
        log('closing dropped');
        dropped.port1.close();
        setTimeout(() => log('end'), 20);
      }, 20);
    }, 20);
  }, 20);
}, 20);
