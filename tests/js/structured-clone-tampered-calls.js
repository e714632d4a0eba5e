// The clone codec calls some builtins the fast way (f.call(o), s.charCodeAt(i)) only while
// those still reach the builtins: a program that replaces Function.prototype.call,
// String.prototype.charCodeAt, or gives Object.prototype.toString an own `call`, gets the
// same clones as before (node's serializer does not go through them at all).
// Also: which keys a plain object clones with (own enumerable only, getters that delete or
// add properties while it is being cloned), as in V8.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const words = [];
for (let i = 0; i < 400; i++) words.push('w' + i + (i % 3 ? '' : '\u00e9') + (i % 5 ? '' : '\u0100'));
const value = {
  n: 300, d: 1.5, s: 'abcdefghijklmnop', words,
  when: new Date(Date.UTC(2024, 0, 2)), nested: { list: [1, 'two', { three: 3 }], big: 10n ** 20n },
  map: new Map([['a', 1], [2, { b: 'c' }]]), set: new Set(['x', 3, 'y']), bytes: new Uint16Array([1, 500, 65535]),
};
function viaPort(v) {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(v);
  const got = receiveMessageOnPort(port2).message;
  port1.close();
  return got;
}
function show(v) {
  return JSON.stringify(v, (k, x) => typeof x === 'bigint' ? x + 'n'
    : x instanceof Map ? ['Map', ...x] : x instanceof Set ? ['Set', ...x]
    : ArrayBuffer.isView(x) ? [Object.prototype.toString.call(x), ...x] : x);
}
const expected = show(value);
for (let round = 0; round < 3; round++) { // the reader's string tables fill after a few hundred strings
  if (show(structuredClone(value)) !== expected || show(viaPort(value)) !== expected) console.log('warm-up differs');
}

function check(what, tamper, restore) {
  let a, b;
  tamper();
  try {
    a = structuredClone(value);
    b = viaPort(value);
  } catch (e) {
    a = b = 'threw ' + e.message;
  } finally {
    restore();
  }
  const ok = typeof a === 'object' && show(a) === expected && show(b) === expected &&
    a.when instanceof Date && b.when instanceof Date;
  console.log(what + ':', ok ? 'same clone' : 'changed: ' + String(typeof a === 'object' ? show(a) : a).slice(0, 80));
}

const call = Function.prototype.call;
check('Function.prototype.call replaced',
  () => { Function.prototype.call = function () { return 'fake'; }; },
  () => { Function.prototype.call = call; });

const cca = String.prototype.charCodeAt;
check('String.prototype.charCodeAt replaced',
  () => { String.prototype.charCodeAt = function () { return 65; }; },
  () => { String.prototype.charCodeAt = cca; });

check('Object.prototype.toString with an own call',
  () => { Object.defineProperty(Object.prototype.toString, 'call', { value: () => '[object Date]', configurable: true }); },
  () => { delete Object.prototype.toString.call; });

check('Date.prototype.getTime with an own call',
  () => { Object.defineProperty(Date.prototype.getTime, 'call', { value: () => 7, configurable: true }); },
  () => { delete Date.prototype.getTime.call; });

check('Map.prototype.set with an own call',
  () => { Object.defineProperty(Map.prototype.set, 'call', { value: () => 'fake', configurable: true }); },
  () => { delete Map.prototype.set.call; });

check('Set.prototype.add with an own call',
  () => { Object.defineProperty(Set.prototype.add, 'call', { value: () => 'fake', configurable: true }); },
  () => { delete Set.prototype.add.call; });

const hasOwn = Object.prototype.hasOwnProperty;
check('Object.prototype.hasOwnProperty replaced',
  () => { Object.prototype.hasOwnProperty = () => true; },
  () => { Object.prototype.hasOwnProperty = hasOwn; });

// Keys: inherited enumerable properties are not cloned, an own non-enumerable one hides
// an inherited enumerable one of the same name.
Object.prototype.inheritedA = 1;
Array.prototype.inheritedB = 2;
const shadow = { own: 1, arr: [1, 2] };
Object.defineProperty(shadow, 'inheritedA', { value: 5, enumerable: false });
const sc = structuredClone(shadow);
console.log('inherited:', Object.keys(sc).join(','), Object.keys(sc.arr).join(','),
  Object.prototype.hasOwnProperty.call(sc, 'inheritedA'), Object.prototype.hasOwnProperty.call(sc.arr, 'inheritedB'));
delete Object.prototype.inheritedA;
delete Array.prototype.inheritedB;

// A getter that deletes a later property, one that adds a property, one that deletes an
// array's named property: the deleted ones are skipped, the added one is not cloned.
const mutating = { a: 1, get b() { delete this.c; this.z = 26; return 2; }, c: 3, d: 4 };
const arr = [1, 2, 3];
arr.named = 'x';
Object.defineProperty(arr, 'getter', { enumerable: true, get() { delete arr.later; return 'g'; } });
arr.later = 'gone';
arr.last = 'kept';
for (const [name, v] of [['object', mutating], ['array', arr]]) {
  const fresh = name === 'object' ? { a: 1, get b() { delete this.c; this.z = 26; return 2; }, c: 3, d: 4 } : v;
  if (name === 'array') { arr.later = 'gone'; }
  console.log('getter mutation (' + name + '):', JSON.stringify(Object.entries(structuredClone(fresh))));
  if (name === 'array') { arr.later = 'gone'; }
  const fresh2 = name === 'object' ? { a: 1, get b() { delete this.c; this.z = 26; return 2; }, c: 3, d: 4 } : v;
  console.log('getter mutation via a port (' + name + '):', JSON.stringify(Object.entries(viaPort(fresh2))));
}

// Class instances and null-prototype objects clone as plain objects with their own
// enumerable properties.
class Point { constructor() { this.x = 1; this.y = 2; } get sum() { return 3; } }
const np = Object.create(null);
np.k = 'v';
np.toString = 'not a function';
console.log('instances:', JSON.stringify(structuredClone({ p: new Point(), np })));
