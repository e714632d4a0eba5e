// A clone's properties are its own even where Object.prototype has a setter or a
// read-only property of the same name (as V8 defines them): no setter runs, nothing
// throws, no value is lost, for plain objects and for an array's named properties,
// in structuredClone and across a worker.
const { Worker } = require('worker_threads');
const log = [];
function taint() {
  Object.defineProperty(Object.prototype, 'x', { set(v) { log.push('setter ' + v); }, get() { return 'inherited'; }, configurable: true });
  Object.defineProperty(Object.prototype, 'ro', { value: 'proto', writable: false, configurable: true });
}
function untaint() { delete Object.prototype.x; delete Object.prototype.ro; }
function own(o, k, v) { Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true }); return o; }
function make() {
  const list = own(own([1, 2], 'x', 'ax'), 'ro', 'aro');
  return own(own(own(own({}, 'x', 1), 'y', 2), 'ro', 3), 'list', list);
}
function show(c) {
  return JSON.stringify([Object.keys(c), c.x, c.ro, Object.keys(c.list), c.list.x, c.list.ro]);
}
taint();
try {
  console.log('structuredClone:', show(structuredClone(make())), 'setter calls:', log.length);
} catch (e) {
  console.log('structuredClone threw', e.name, e.message);
}
untaint();
const w = new Worker(`
const { parentPort } = require('worker_threads');
${taint}
taint();
parentPort.once('message', (m) => parentPort.postMessage(m));
`, { eval: true });
w.on('message', (m) => {
  taint();
  console.log('worker echo:', show(m), 'setter calls:', log.length);
  untaint();
  w.terminate();
});
w.on('error', (e) => console.log('worker error', e.name, e.message));
w.postMessage(make());
