// A MessagePort nobody holds (never started, dropped) may be collected; when its peer
// closes later, the runtime must not bring the dead port object back to emit its
// 'close' (spindle did: the collector had already freed the objects it referred to, and
// the next collection crashed). Ports still held, started or not, get their 'close' as
// usual. Hundreds of dropped ports with objects of their own, allocation in between so
// that collections run and free them, then every peer closes.
const { MessageChannel } = require('worker_threads');

function dropPeer(i) {
  const { port1, port2 } = new MessageChannel();
  port2.data = { nested: { list: [i, i + 1, i + 2] }, label: 'port ' + i };
  return port1;
}

let sink = 0;
function churn() {
  for (let round = 0; round < 40; round++) {
    const junk = [];
    for (let i = 0; i < 20000; i++) junk.push({ nested: { list: [i] }, label: 'junk ' + i });
    sink += junk.length;
  }
}

const closers = [];
for (let i = 0; i < 300; i++) closers.push(dropPeer(i));

// held, unstarted: its 'close' still comes when the peer closes
const held = new MessageChannel();
let heldClosed = false;
held.port2.on('close', () => { heldClosed = true; });

churn();
let closed = 0;
for (const port of closers) {
  port.on('close', () => { closed++; });
  port.close();
}
held.port1.close();

setTimeout(() => {
  churn();
  setTimeout(() => {
    churn();
    console.log('closing sides closed:', closed);
    console.log('held unstarted peer closed:', heldClosed);
    console.log('allocated:', sink);
  }, 10);
}, 10);
