// A resizable ArrayBuffer (maxByteLength) stays resizable, with the same maximum, through
// structuredClone and postMessage, copied or transferred (the sender's then detached), to a
// worker and back; views over it keep tracking its length or keep their fixed length; a
// view its shrunk buffer no longer holds is a DataCloneError (node's words).
const { Worker, MessageChannel } = require('worker_threads');

const show = (label, b) => console.log(label, b.resizable, b.maxByteLength, b.byteLength, [...new Uint8Array(b)].join(','));
const t = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
// the engines word their own TypeErrors differently: the name only
const tn = (f) => { try { return f(); } catch (e) { return e.name; } };

function make() {
  const rab = new ArrayBuffer(6, { maxByteLength: 32 });
  new Uint8Array(rab).set([1, 2, 3, 4, 5, 6]);
  return rab;
}

// copies
const rab = make();
const c = structuredClone(rab);
show('copy', c);
c.resize(9);
show('copy grown', c);
show('original untouched', rab);
show('zero max', structuredClone(new ArrayBuffer(0, { maxByteLength: 0 })));
show('fixed stays fixed', structuredClone(new ArrayBuffer(3)));

// views: length-tracking and fixed typed arrays and DataViews, sharing one buffer
const views = {
  rab,
  tracking: new Uint8Array(rab, 2),
  tracking16: new Uint16Array(rab, 2),
  fixed: new Uint16Array(rab, 0, 2),
  dvTracking: new DataView(rab, 1),
  dvFixed: new DataView(rab, 0, 3),
};
const v = structuredClone(views);
console.log('same buffer', v.tracking.buffer === v.rab, v.fixed.buffer === v.rab, v.dvTracking.buffer === v.rab);
const lengths = (o) => [o.tracking.length, o.tracking16.length, o.fixed.length, tn(() => o.dvTracking.byteLength), tn(() => o.dvFixed.byteLength)].join(' ');
console.log('lengths', lengths(v));
v.rab.resize(20);
console.log('grown', lengths(v));
v.rab.resize(2);
console.log('shrunk', lengths(v));
console.log('serializing did not change the original', rab.byteLength, [...new Uint8Array(rab)].join(','), lengths(views));
// a view whose buffer sits at its maximum
const full = new ArrayBuffer(4, { maxByteLength: 4 });
const fv = structuredClone({ a: new Uint8Array(full), b: new Uint8Array(full, 0, 4) });
fv.a.buffer.resize(1);
console.log('at max', fv.a.length, fv.b.length);

// out of bounds
const shrinking = new ArrayBuffer(8, { maxByteLength: 8 });
const oob = new Uint8Array(shrinking, 4, 4), oobDv = new DataView(shrinking, 4, 4);
shrinking.resize(2);
console.log('oob view', t(() => structuredClone(oob)));
console.log('oob DataView', t(() => structuredClone(oobDv)));

// transfer
const moved = make();
const m = structuredClone(moved, { transfer: [moved] });
show('transferred', m);
console.log('sender detached', moved.byteLength, tn(() => moved.resize(1)));

// through ports and a worker, copied and transferred
const worker = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.on('message', ({ copy, moved, view }) => {
  copy.resize(copy.byteLength + 1);
  view.buffer.resize(10);
  parentPort.postMessage({ copy, viewLength: view.length, moved }, [moved]);
});
`, { eval: true });
const toSend = make(), viewed = make();
worker.postMessage({ copy: make(), moved: toSend, view: new Uint8Array(viewed, 1) }, [toSend]);
console.log('sent and detached', toSend.byteLength);
worker.once('message', ({ copy, viewLength, moved: back }) => {
  show('worker copy', copy);
  console.log('worker view length after resize', viewLength);
  show('round trip', back);
  const { port1, port2 } = new MessageChannel();
  port2.once('message', (b) => { show('port', b); port2.close(); worker.terminate(); });
  port1.postMessage(back, [back]);
});
