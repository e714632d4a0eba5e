// Bad input to Atomics and SharedArrayBuffer: node's errors, never a crash.
const sab = new SharedArrayBuffer(8);
const ia = new Int32Array(sab);
const tries = [
  () => Atomics.wait(new Int32Array(4), 0, 0, 0),
  () => Atomics.wait(new Float64Array(sab), 0, 0, 0),
  () => Atomics.wait(new Int16Array(sab), 0, 0, 0),
  () => Atomics.wait(ia, 2, 0, 0),
  () => Atomics.wait(ia, -1, 0, 0),
  () => Atomics.wait({}, 0, 0, 0),
  () => Atomics.notify(new Float32Array(sab), 0),
  () => Atomics.notify(ia, 5),
  () => Atomics.notify(new Int32Array(4), 0),
  () => Atomics.waitAsync(new Int32Array(4), 0, 0),
  () => Atomics.waitAsync(ia, 9, 0),
  () => new SharedArrayBuffer(-1),
  () => Atomics.add(new Float64Array(sab), 0, 1),
  () => Atomics.store(ia, 10, 1),
  () => SharedArrayBuffer.prototype.slice.call(new ArrayBuffer(2)),
  () => Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get.call({}),
];
for (const t of tries) {
  try {
    console.log('returned', t());
  } catch (e) {
    console.log(e.constructor.name);
  }
}
