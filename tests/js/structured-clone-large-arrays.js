// Arrays of 64 elements or more (the codec's faster path for large dense arrays)
// keep their elements, holes, length and named properties in every shape that
// path must hand back to the general one: holes, a missing last element, a
// non-enumerable or accessor index, inherited enumerable properties, an index
// property on Array.prototype, a subclass, a frozen array.
const { Worker } = require('worker_threads');
const range = (n, f = (i) => i) => Array.from({ length: n }, (_, i) => f(i));
function make() {
  const cases = {};
  cases.dense = range(100);
  cases.denseNamed = Object.assign(range(100), { x: 1, y: 'two' });
  cases.holeMiddle = range(100); delete cases.holeMiddle[50];
  cases.holeLast = range(100); delete cases.holeLast[99]; cases.holeLast.tag = 't';
  cases.nonEnumIndex = range(100);
  Object.defineProperty(cases.nonEnumIndex, 10, { value: 'hidden', enumerable: false, writable: true, configurable: true });
  cases.nonEnumIndex.x = 'named';
  cases.accessorIndex = range(100);
  Object.defineProperty(cases.accessorIndex, 20, { get() { return 'got'; }, enumerable: true, configurable: true });
  cases.accessorIndex.x = 'named';
  cases.nonEnumNamed = range(100);
  Object.defineProperty(cases.nonEnumNamed, 'secret', { value: 1, enumerable: false });
  cases.nonEnumNamed.shown = 2;
  cases.undefinedValues = range(100, () => undefined);
  cases.undefinedNamed = Object.assign(range(100), { u: undefined });
  cases.frozen = Object.freeze(Object.assign(range(80), { f: true }));
  class Sub extends Array {}
  cases.subclass = Sub.from(range(100)); cases.subclass.x = 1;
  cases.big = Object.assign(range(5000, (i) => i * 3), { tail: 'end' });
  return cases;
}
function describe(c) {
  const keys = Object.keys(c);
  return JSON.stringify([Array.isArray(c), c.length, keys.length, keys.slice(-3),
    keys.filter((k) => !/^\d+$/.test(k)).map((k) => [k, c[k]]), c[10], c[20], c[50], c[99], 50 in c, 99 in c]);
}
function report(label, copyOf) {
  const src = make();
  for (const [name, copy] of Object.entries(copyOf)) console.log(label, name, describe(copy), describe(copy) === describe(src[name]) ? '' : '(differs from source)');
}
// with an enumerable method on Array.prototype (a polyfill) and then an index on it
Array.prototype.polyfilled = function () {};
const withPolyfill = {};
for (const [name, v] of Object.entries(make())) withPolyfill[name] = structuredClone(v);
delete Array.prototype.polyfilled;
Array.prototype[150] = 'from the prototype';
const withProtoIndex = structuredClone(make().holeMiddle);
delete Array.prototype[150];
// an index on a prototype at the hole's own place, enumerable or not
Array.prototype[50] = 'inherited';
const protoAtHole = structuredClone(make().holeMiddle);
delete Array.prototype[50];
Object.defineProperty(Object.prototype, 50, { value: 'hidden', enumerable: false, configurable: true, writable: true });
const hiddenAtHole = structuredClone(make().holeMiddle);
delete Object.prototype[50];
report('polyfill', withPolyfill);
console.log('proto index', describe(withProtoIndex), Object.keys(withProtoIndex).length, withProtoIndex.hasOwnProperty(150));
console.log('proto index at the hole', describe(protoAtHole), protoAtHole.hasOwnProperty(50), Object.keys(protoAtHole).length);
console.log('hidden index at the hole', describe(hiddenAtHole), hiddenAtHole.hasOwnProperty(50), Object.keys(hiddenAtHole).length);
const w = new Worker('const { parentPort } = require("worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));', { eval: true });
w.on('message', (m) => { report('worker', m); w.terminate(); });
w.postMessage(make());
