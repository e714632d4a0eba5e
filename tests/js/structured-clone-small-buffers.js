// Small ArrayBuffers and typed arrays (spindle writes them in JavaScript when no transfer
// list is in play): every view kind with offsets, views sharing a buffer, empty ones, a
// DataView, unusual buffers (re-prototyped, resizable, detached, shared), tampered
// prototypes, and the same through postMessage to a worker and back.
const { Worker } = require('worker_threads');

const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array];
function make() {
  const shared = new ArrayBuffer(256);
  new Uint8Array(shared).forEach((_, i, a) => { a[i] = (i * 7) & 255; });
  const v = {};
  for (const K of kinds) v[K.name] = new K(shared, 8, 3);
  v.whole = new Uint8Array(shared);
  v.shared = shared;
  v.empty = new Float64Array(0);
  v.emptyBuffer = new ArrayBuffer(0);
  v.dataView = new DataView(shared, 3, 9);
  v.lone = new Uint16Array([1, 65535, 300]);
  v.sameTwice = [v.lone, v.lone];
  return v;
}
function describe(v) {
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    if (ArrayBuffer.isView(x)) {
      out[k] = [Object.prototype.toString.call(x), x.byteOffset, x.byteLength, x.buffer === v.shared,
        x instanceof DataView ? x.getUint8(0) : String(x[0])];
    } else if (x instanceof ArrayBuffer) {
      out[k] = ['buffer', x.byteLength, Array.from(new Uint8Array(x).slice(0, 4)).join()];
    } else {
      out[k] = [x[0] === x[1], x[0].length];
    }
  }
  return JSON.stringify(out);
}
const src = make();
const expected = describe(src);
console.log('clone', describe(structuredClone(src)) === expected, expected);

// unusual buffers
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'THROW', e.name, e.message); }
};
t('null prototype buffer', () => {
  const b = new ArrayBuffer(4); new Uint8Array(b)[1] = 9;
  Object.setPrototypeOf(b, null);
  const c = structuredClone(b);
  return [c instanceof ArrayBuffer, c.byteLength, new Uint8Array(c)[1]];
});
t('resizable buffer', () => {
  const b = new ArrayBuffer(4, { maxByteLength: 16 }); new Uint8Array(b)[2] = 5;
  const c = structuredClone({ b, view: new Uint8Array(b, 1) });
  return [c.b.resizable, c.b.maxByteLength, c.view.length, c.view[1], c.view.buffer === c.b];
});
t('detached buffer', () => { const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return structuredClone(b); });
t('view on a detached buffer', () => {
  const b = new ArrayBuffer(8); const v = new Uint8Array(b); structuredClone(b, { transfer: [b] }); return structuredClone(v);
});
t('view subclass', () => {
  class Bytes extends Uint8Array {}
  const c = structuredClone(new Bytes([4, 5]));
  return [Object.prototype.toString.call(c), c instanceof Bytes, c[1]];
});
t('tampered prototypes', () => {
  const saved = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'buffer');
  const savedSet = Object.getPrototypeOf(Uint8Array.prototype).set;
  const savedLen = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength');
  Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'buffer', { get() { return new ArrayBuffer(1); }, configurable: true });
  Object.getPrototypeOf(Uint8Array.prototype).set = function () { throw new Error('set called'); };
  Object.defineProperty(ArrayBuffer.prototype, 'byteLength', { get() { return 1; }, configurable: true });
  try {
    const c = structuredClone(new Int16Array([3, -4]));
    return [c.length, c[1]];
  } finally {
    Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'buffer', saved);
    Object.getPrototypeOf(Uint8Array.prototype).set = savedSet;
    Object.defineProperty(ArrayBuffer.prototype, 'byteLength', savedLen);
  }
});
t('SharedArrayBuffer view', () => {
  const s = new SharedArrayBuffer(8); const v = new Int32Array(s); v[1] = 42;
  const c = structuredClone({ v });
  c.v[0] = 7;
  return [Object.prototype.toString.call(c.v.buffer), c.v[1], v[0]];
});

const w = new Worker(`
const { parentPort } = require('worker_threads');
parentPort.on('message', (m) => parentPort.postMessage(m));
`, { eval: true });
w.on('message', (m) => {
  console.log('worker', describe(m) === expected);
  w.terminate();
});
w.postMessage(make());
