// As node: an ERR_* error's constructor reads as its base class (TypeError, RangeError,
// Error), while its prototype is a subclass whose toString shows the code (node's
// test-worker-message-port-constructor asserts { constructor: TypeError }).
const { MessagePort, Worker } = require('worker_threads');
const cases = [
  () => new MessagePort(),
  () => new Worker(1),
  () => new Worker('x', { resourceLimits: { stackSizeMb: 'big' } }),
  () => require('fs').readFileSync('x', { encoding: 5 }),
  () => Buffer.alloc(-1),
  () => structuredClone(() => {}),
];
for (const f of cases) {
  try {
    f();
    console.log('no throw');
  } catch (e) {
    const proto = Object.getPrototypeOf(e);
    console.log(e.name, e.code, e.constructor.name, e.constructor === (globalThis[e.name] || DOMException),
      e instanceof Error, proto === (globalThis[e.name] || DOMException).prototype, String(e).slice(0, 60),
      Object.keys(e));
  }
}

// node's C++ constructors called without `new`
const { MessageChannel } = require('worker_threads');
for (const f of [() => MessageChannel(), () => MessagePort()]) {
  try { f(); } catch (e) { console.log(e.name, e.code, e.message, e.constructor === TypeError); }
}
class MyChannel extends MessageChannel {}
const c = new MyChannel();
console.log(c instanceof MessageChannel, c instanceof MyChannel, typeof c.port1.postMessage, Object.keys(c));
console.log(require('util').inspect(new MessageChannel(), { depth: 0 }));
c.port1.close();
