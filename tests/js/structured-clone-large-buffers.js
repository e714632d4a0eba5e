// Buffers of 16 KiB or more that are cloned, not transferred (spindle sends their bytes as a
// block of their own instead of inside the message): contents, views sharing one buffer,
// resizable buffers, the source left intact, a transfer list beside them, detached and
// untransferable ones; by structuredClone and through a worker and back.
const { Worker, markAsUntransferable } = require('worker_threads');

const SIZE = 64 * 1024;
function filled(n, seed) {
  const u8 = new Uint8Array(n);
  for (let i = 0; i < n; i++) u8[i] = (i * 31 + seed) & 255;
  return u8;
}
function sum(u8) {
  let s = 0;
  for (let i = 0; i < u8.length; i++) s = (s * 33 + u8[i]) >>> 0;
  return s;
}
function make() {
  const shared = filled(SIZE, 1).buffer;
  const rab = new ArrayBuffer(20000, { maxByteLength: 40000 });
  new Uint8Array(rab).set(filled(20000, 5));
  return {
    plain: filled(SIZE, 2).buffer,
    exact: filled(16 * 1024, 3).buffer, // the threshold itself
    below: filled(16 * 1024 - 1, 4).buffer,
    f64: new Float64Array(10000).map((_, i) => i / 7),
    viewA: new Uint16Array(shared, 2, 100),
    viewB: new DataView(shared, 1000, 5000),
    shared,
    rab,
    tracking: new Uint8Array(rab, 16),
  };
}
function describe(v) {
  return JSON.stringify({
    plain: [v.plain.byteLength, sum(new Uint8Array(v.plain))],
    exact: [v.exact.byteLength, sum(new Uint8Array(v.exact))],
    below: [v.below.byteLength, sum(new Uint8Array(v.below))],
    f64: [v.f64.length, v.f64[9999], v.f64.buffer.byteLength],
    views: [v.viewA.buffer === v.shared, v.viewB.buffer === v.shared, v.viewA[7], v.viewB.getUint32(8, true),
      v.viewA.byteOffset, v.viewB.byteLength, sum(new Uint8Array(v.shared))],
    rab: [v.rab.resizable, v.rab.byteLength, v.rab.maxByteLength, sum(new Uint8Array(v.rab)),
      v.tracking.buffer === v.rab, v.tracking.length],
  });
}

const src = make();
const before = describe(src);
const copy = structuredClone(src);
console.log('structuredClone', describe(copy) === before, before);
console.log('source intact', describe(src) === before, src.plain.byteLength);
copy.rab.resize(30000);
console.log('copy resizes', copy.rab.byteLength, copy.tracking.length, src.rab.byteLength);
new Uint8Array(copy.plain)[0] = 99;
console.log('copies are separate', new Uint8Array(src.plain)[0], new Uint8Array(copy.plain)[0]);

// beside a transfer list: one big buffer moved, another cloned
const moved = filled(SIZE, 7).buffer, kept = filled(SIZE, 8).buffer;
const mixed = structuredClone({ moved, kept, again: kept }, { transfer: [moved] });
console.log('mixed', moved.byteLength, kept.byteLength, mixed.moved.byteLength, mixed.kept.byteLength,
  mixed.again === mixed.kept, sum(new Uint8Array(mixed.kept)) === sum(new Uint8Array(kept)));

// untransferable in the transfer list: copied instead
const pinned = filled(SIZE, 9).buffer;
markAsUntransferable(pinned);
const u = structuredClone({ pinned }, { transfer: [pinned] });
console.log('untransferable', pinned.byteLength, u.pinned.byteLength, sum(new Uint8Array(u.pinned)) === sum(new Uint8Array(pinned)));

// a detached big buffer cannot be cloned
const gone = new ArrayBuffer(SIZE);
structuredClone(gone, { transfer: [gone] });
try { structuredClone(gone); console.log('detached: cloned?'); } catch (e) { console.log('detached', e.name, e.message); }

// through a worker and back, twice (the worker sends what it got)
const w = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.on('message', (m) => parentPort.postMessage(m));
`, { eval: true });
let round = 0;
w.on('message', (m) => {
  console.log('worker round', round, describe(m) === before);
  if (++round < 2) w.postMessage(m);
  else w.terminate();
});
w.postMessage(make());
