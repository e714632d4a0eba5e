// The buffer of a shared WebAssembly.Memory is shared memory: node shares it with the
// receiver; spindle cannot share the engine's own shared memory between VMs, so it refuses
// it with a DataCloneError. What must never happen is a silent copy (the receiver's writes
// would be lost): each way of sending it prints "ok" when the receiver shares the memory
// or the send throws a DataCloneError, and what it saw otherwise.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');

const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
const sharedWith = (other) => {
  const mine = new Int32Array(memory.buffer), theirs = new Int32Array(other);
  Atomics.store(theirs, 0, 0);
  Atomics.store(mine, 0, 42);
  return Atomics.load(theirs, 0) === 42;
};
const outcome = (label, send) => {
  let got;
  try {
    got = send();
  } catch (e) {
    console.log(label, e.name === 'DataCloneError' ? 'ok' : `threw ${e.name}`);
    return;
  }
  console.log(label, got === true ? 'ok' : `silently ${got}`);
};

// an ArrayBuffer that only calls itself shared is an ArrayBuffer, cloned as one
const dressed = new ArrayBuffer(4);
Object.defineProperty(dressed, Symbol.toStringTag, { value: 'SharedArrayBuffer' });
const dressedClone = structuredClone(dressed);
console.log('ArrayBuffer tagged SharedArrayBuffer:', dressedClone instanceof ArrayBuffer, dressedClone.byteLength);

outcome('structuredClone(buffer):', () => sharedWith(structuredClone(memory.buffer)) || 'copied');
outcome('structuredClone(view):', () => sharedWith(structuredClone(new Int32Array(memory.buffer)).buffer) || 'copied');
const { port1, port2 } = new MessageChannel();
outcome('port, same thread:', () => {
  port1.postMessage({ buffer: memory.buffer });
  return sharedWith(receiveMessageOnPort(port2).message.buffer) || 'copied';
});
port1.close();

// a worker writes into what it received; the main thread looks
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', (buffer) => { Atomics.store(new Int32Array(buffer), 1, 7); parentPort.postMessage('written'); });
`, { eval: true });
try {
  w.postMessage(memory.buffer);
  w.once('message', () => {
    const seen = Atomics.load(new Int32Array(memory.buffer), 1);
    console.log('to a worker:', seen === 7 ? 'ok' : 'silently copied');
    w.terminate();
  });
} catch (e) {
  console.log('to a worker:', e.name === 'DataCloneError' ? 'ok' : `threw ${e.name}`);
  w.terminate();
}
