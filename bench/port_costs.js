'use strict';
// port_costs: what one message costs each side, in one thread (no wake-ups, no
// scheduling): postMessage (clone + queue) and receiveMessageOnPort (dequeue +
// decode), for a tiny message and for clone_medium's 1000 records. Runs under node
// and spindle alike; prints one JSON line: ns (tiny) and us (records) per call, the
// best of 7 batches. Every received message is checked.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { record } = require('./records');
const { port1, port2 } = new MessageChannel();
function fail(msg) { console.log(JSON.stringify({ bench: 'port_costs', error: msg })); process.exit(1); }

// Posts `batch` messages, then receives them; returns [post, receive] time per message in ns.
function measure(make, check, batch, batches) {
  let bestPost = Infinity, bestReceive = Infinity;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) port1.postMessage(make(i));
    const t1 = performance.now();
    for (let i = 0; i < batch; i++) {
      const got = receiveMessageOnPort(port2);
      if (!got || !check(got.message, i)) fail('message ' + i + ' arrived wrong');
    }
    const t2 = performance.now();
    bestPost = Math.min(bestPost, (t1 - t0) * 1e6 / batch);
    bestReceive = Math.min(bestReceive, (t2 - t1) * 1e6 / batch);
  }
  return [bestPost, bestReceive];
}

const tiny = measure((i) => ({ i, s: 'x' }), (m, i) => m.i === i && m.s === 'x', 100, 3000);
const records = Array.from({ length: 1000 }, (_, i) => record(i));
const big = measure(() => records, (m) => m.length === 1000 && m[999].nested.label === records[999].nested.label, 5, 40);
port1.close();
console.log(JSON.stringify({
  bench: 'port_costs',
  tiny_post_ns: Math.round(tiny[0]), tiny_receive_ns: Math.round(tiny[1]),
  records_post_us: Math.round(big[0] / 1000), records_receive_us: Math.round(big[1] / 1000),
}));
