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
