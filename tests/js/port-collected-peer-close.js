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

// held, unstarted: its 'close' still comes when the peer closes. Held by a global: a local
// that no function uses is garbage once this script's body has run, and so would its ports
// be (the peer learns of a close a loop turn later, by when a collection may have run).
const held = globalThis.heldChannel = new MessageChannel();
let heldClosed = false;
held.port2.on('close', () => { heldClosed = true; check(); });

churn();
let closed = 0;
for (const port of closers) {
  port.on('close', () => { closed++; check(); });
  port.close();
}
held.port1.close();

// Allocation while the closes are being emitted, then once they all came (or after a
// deadline far beyond any machine's: what arrived by then is printed) more of it, so that
// collections run over whatever the closes touched.
let done = false;
const churner = setInterval(churn, 5);
const deadline = setTimeout(report, 30000);
function check() {
  if (closed === closers.length && heldClosed) setTimeout(report, 10);
}
function report() {
  if (done) return;
  done = true;
  clearInterval(churner);
  clearTimeout(deadline);
  churn();
  console.log('closing sides closed:', closed);
  console.log('held unstarted peer closed:', heldClosed);
  console.log('allocated:', sink > 0);
}
