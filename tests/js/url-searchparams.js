// URLSearchParams: constructors, methods, sort stability, form-urlencoded serialization, errors.
const p = new URLSearchParams([['a', '1'], ['b', '2'], ['a', '3']]);
p.sort();
console.log(p.toString(), p.getAll('a'), p.get('zz'), p.has('a', '3'), p.has('a', '4'), p.size);
const q = new URLSearchParams('z=1&a=2&z=0&b=+%20%2B&c=%zz&d&&=e');
q.sort();
console.log([...q.keys()], [...q.values()], q.toString());
console.log(new URLSearchParams({ 'a b': 'c&d', é: '=' }).toString(), new URLSearchParams('?x=1').get('x'));
console.log(new URLSearchParams("!'()~*-._ \u{1F600}\uD800").toString());
console.log(new URLSearchParams(new Map([['m', 'n']])).toString(), new URLSearchParams(p).toString());
const d = new URLSearchParams('a=1&b=2&a=3&a=1');
d.delete('a', '1'); console.log(d.toString());
d.set('a', 'x'); console.log(d.toString());
d.delete('a'); console.log(d.toString(), d.size);
for (const bad of [[[1]], [[1, 2, 3]], [5], { [Symbol.iterator]: 5 }]) {
  try { new URLSearchParams(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
for (const call of [() => p.append('a'), () => p.get(), () => p.set('a'), () => URLSearchParams.prototype.get.call({}, 'a'), () => p.forEach(5)]) {
  try { call(); } catch (e) { console.log(e.name, e.code, e.message); }
}
p.forEach(function (v, k, self) { console.log(k, v, self === p, this.t); }, { t: 1 });
const it = p.entries();
console.log(it.next(), Object.prototype.toString.call(it), Object.prototype.toString.call(p), typeof it[Symbol.iterator]);
console.log([...p], [...p.keys()], [...p.values()]);
console.log(Object.keys(URLSearchParams.prototype));
