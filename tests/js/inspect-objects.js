// util.inspect of plain objects, class instances, keys, getters, prototypes.
const util = require('util');
const p = (...a) => console.log(...a);
p({}, { a: 1 }, { a: 1, b: 'x', c: [1, 2, 3], d: { e: { f: { g: 1 } } } });
p({ a: { b: { c: { d: { e: 1 } } } } });
p({ [Symbol('k')]: 1, 'a-b': 2, '1x': 3, valid_id: 4, 5: 5, $dollar: 6, 'sp ace': 7, '': 8, "q'uote": 9 });
p({ __proto__: null, x: 1 }, Object.create(null), { ['__proto__']: 1 });
p({ get g() { return 1; }, set s(v) {}, get gs() { return 1; }, set gs(v) {} });
class Foo { constructor() { this.x = 1; } }
class Bar extends Foo { constructor() { super(); this.y = [1]; } }
p(new Foo(), new Bar(), [new Foo()], { f: new Foo() }, Object.create(Foo.prototype));
p(Object.create(Object.create(null)));
function Legacy() { this.v = 1; } p(new Legacy());
const anon = new (class {})(); p(anon);
p({ [Symbol.toStringTag]: 'Tagged', a: 1 });
class T { get [Symbol.toStringTag]() { return 'TT'; } } p(new T(), Object.assign(new T(), { z: 1 }));
p(Object.defineProperty({}, Symbol.toStringTag, { value: 'Hidden' }));
p(Object.defineProperty({ visible: 1 }, 'hidden', { value: 2, enumerable: false }));
p(Math, JSON, Reflect);
p({ undef: undefined, nul: null, fn() {}, arrow: () => {}, sym: Symbol('s'), big: 10n, neg: -0 });
const nested = { level1: { level2: { level3: { level4: 'deep' } }, arr: [[1, [2, [3]]]] } };
p(nested);
p([nested]);
p(Object.assign(Object.create({ inherited: 1 }), { own: 2 }));
