// BroadcastChannel: every other instance with the same name gets a MessageEvent,
// across threads; a closed channel throws InvalidStateError; uncloneables throw.
const { BroadcastChannel, Worker } = require('worker_threads');
const log = [];
const a = new BroadcastChannel('room');
const b = new BroadcastChannel('room');
const other = new BroadcastChannel('other');
other.onmessage = () => log.push('WRONG: other channel got a message');
console.log(a.name, typeof a.on, a instanceof EventTarget);
b.onmessage = (e) => {
  if (e.data === 'from worker') return; // a's and b's deliveries race: only a reports it
  log.push(`b got ${JSON.stringify(e.data)} ${e.constructor.name} ${e.target === b}`);
};
a.onmessage = (e) => {
  log.push(`a got ${JSON.stringify(e.data)}`);
  if (e.data === 'from worker') {
    a.close(); b.close(); other.close();
    console.log(log.join('\n'));
  }
};
a.postMessage({ n: 1 });
try { a.postMessage(() => {}); } catch (e) { console.log(e.name, e.message); }
const c = new BroadcastChannel('closed');
c.close();
try { c.postMessage(1); } catch (e) { console.log(e.name, e.code, e.message); }
setTimeout(() => {
  const w = new Worker(`
    const { BroadcastChannel } = require('worker_threads');
    const bc = new BroadcastChannel('room');
    bc.postMessage('from worker');
    bc.close();
  `, { eval: true });
}, 20);
