// A MessagePort's life around close() and transfer, as node's:
// - a port transferred away (by postMessage or structuredClone) emits 'close', in the loop's
//   closing phase; postMessage on it returns undefined, as on a closed port;
// - posting a port's own peer through it: a warning, the message is lost and both 'close';
// - the peer of a closed port learns of it a loop turn later: until then its posts return
//   true and reach the closing port's queue (receiveMessageOnPort takes them); then false
//   until its own 'close';
// - a closing port does not start again, and a port that arrives on a closed channel
//   emits 'close' a turn after it arrived;
// - 'close' events of one turn come last closed first;
// - the posting port in its own transfer list is found in the list's order.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

let turn = 0;
(function count() { turn++; if (turn < 40) setImmediate(count); })();
const log = (...a) => console.log(`[turn ${turn}]`, ...a);
process.removeAllListeners('warning');
process.on('warning', (w) => log('warning:', w.message));

const steps = [transferredAway, postedToItself, peerLearnsLater, closingDoesNotStart, arrivesClosed,
  closeOrder, sourceInList];
function next() {
  const step = steps.shift();
  if (step) { console.log(`-- ${step.name}`); step(); }
}
const after = (turns, fn) => { const at = turn + turns; (function wait() { if (turn >= at) fn(); else setImmediate(wait); })(); };

function transferredAway() {
  const a = new MessageChannel(), b = new MessageChannel(), c = new MessageChannel();
  b.port1.on('close', () => log('b.port1 (transferred by postMessage) close'));
  c.port1.on('close', () => log('c.port1 (transferred by structuredClone) close'));
  a.port2.on('message', (m) => { log('a.port2 got a port:', typeof m.p.postMessage); m.p.close(); a.port2.close(); });
  log('postMessage returned', a.port1.postMessage({ p: b.port1 }, [b.port1]));
  log('post on the transferred port returned', b.port1.postMessage('lost'));
  const moved = structuredClone(c.port1, { transfer: [c.port1] });
  log('structuredClone gave a new port:', moved !== c.port1);
  moved.close();
  setImmediate(() => log('immediate'));
  after(4, next);
}

function postedToItself() {
  const { port1, port2 } = new MessageChannel();
  port1.on('close', () => log('port1 close'));
  port2.on('close', () => log('port2 close'));
  port2.on('message', (m) => log('port2 got', m));
  log('postMessage returned', port1.postMessage({ p: port2 }, [port2]));
  log('then', port1.postMessage('after'));
  after(4, next);
}

function peerLearnsLater() {
  const { port1, port2 } = new MessageChannel();
  port1.on('close', () => log('port1 close'));
  port2.on('close', () => log('port2 close'));
  port2.close();
  log('peer posts while port2 closes:', port1.postMessage('one'));
  log('port2 takes it:', JSON.stringify(receiveMessageOnPort(port2)));
  log('port2 posts after close():', port2.postMessage('x'));
  setImmediate(() => {
    log('peer posts in an immediate:', port1.postMessage('two'));
    log('port2 takes it:', JSON.stringify(receiveMessageOnPort(port2)));
  });
  after(1, () => log('a turn later, peer posts:', port1.postMessage('three')));
  after(3, () => { log('later, peer posts:', port1.postMessage('four')); next(); });
}

function closingDoesNotStart() {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage('queued');
  port2.close();
  port2.on('message', (m) => log('closing port2 got', m));
  port2.on('close', () => log('port2 close'));
  after(3, next);
}

function arrivesClosed() {
  const a = new MessageChannel(), b = new MessageChannel();
  a.port2.on('message', (m) => {
    log('a port arrived');
    m.p.on('close', () => log('the arrived port: close'));
    a.port2.close();
  });
  b.port2.close();
  a.port1.postMessage({ p: b.port1 }, [b.port1]);
  after(5, next);
}

function closeOrder() {
  const a = new MessageChannel(), b = new MessageChannel(), c = new MessageChannel();
  const named = [['a1', a.port1], ['a2', a.port2], ['b1', b.port1], ['b2', b.port2], ['c1', c.port1], ['c2', c.port2]];
  for (const [n, p] of named) { p.on('close', () => log('close', n)); p.ref(); }
  a.port1.close();
  c.port2.close();
  b.port1.close();
  after(4, next);
}

function sourceInList() {
  const a = new MessageChannel(), b = new MessageChannel();
  b.port1.close();
  for (const list of [[a.port1], [b.port1, a.port1], [a.port1, b.port1], [b.port2, a.port1]]) {
    try {
      a.port1.postMessage('x', list);
      log('posted');
    } catch (e) {
      log(e.name, e.message);
    }
  }
  a.port1.close();
  after(3, next);
}

next();
