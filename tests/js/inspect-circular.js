// util.inspect of circular structures: <ref *N> and [Circular *N].
const p = (...a) => console.log(...a);
const circ = { name: 'c' }; circ.self = circ; circ.arr = [circ]; p(circ);
const a = {}; const b = { a }; a.b = b; p([a, b]); p(a);
const arr = [1]; arr.push(arr); p(arr);
const m = new Map(); m.set('me', m); p(m);
const s = new Set(); s.add(s); p(s);
const x = { y: { z: {} } }; x.y.z.x = x; x.y.z.y = x.y; p(x);
const two = { one: {}, other: {} }; two.one.back = two.one; two.other.back = two.other; p(two);
const shared = { v: 1 }; p({ first: shared, second: shared });
class Node { constructor() { this.next = this; } } p(new Node());
