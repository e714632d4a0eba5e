// Deep equality of plain objects: prototypes, own enumerable keys, symbols, getters, -0/NaN.
'use strict';
const assert = require('assert');

const strict = (a, b) => { try { assert.deepStrictEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };
const loose = (a, b) => { try { assert.deepEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };

class A { constructor() { this.x = 1; } }
class B { constructor() { this.x = 1; } }
const s = Symbol('s');
const cases = {
  sameShape: [{ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }],
  differentValue: [{ a: 1 }, { a: 2 }],
  extraKey: [{ a: 1 }, { a: 1, b: 2 }],
  undefinedVsMissing: [{ a: undefined }, {}],
  nullVsUndefined: [{ a: null }, { a: undefined }],
  numberVsString: [{ a: 1 }, { a: '1' }],
  negZero: [{ a: -0 }, { a: 0 }],
  nan: [{ a: NaN }, { a: NaN }],
  nullProto: [Object.assign(Object.create(null), { a: 1 }), { a: 1 }],
  classVsClass: [new A(), new B()],
  classVsPlain: [new A(), { x: 1 }],
  symbolKeySame: [{ [s]: 1 }, { [s]: 1 }],
  symbolKeyDiff: [{ [s]: 1 }, { [s]: 2 }],
  symbolKeyMissing: [{ [s]: 1 }, {}],
  nonEnumerable: [Object.defineProperty({}, 'a', { value: 1 }), {}],
  nonEnumerableOther: [{ a: 1 }, Object.defineProperty({ b: 1 }, 'a', { value: 1 })],
  getter: [{ get a() { return 1; } }, { a: 1 }],
  toStringTag: [{ [Symbol.toStringTag]: 'X' }, {}],
  functionsSame: [{ f: Math.max }, { f: Math.max }],
  functionsDiff: [{ f() {} }, { f() {} }],
  symbols: [Symbol('a'), Symbol('a')],
  primitivesLoose: ['1', 1],
  nullUndefined: [null, undefined],
  objVsPrimitive: [{}, 1],
  argumentsVsArray: [(function () { return arguments; })(1, 2), [1, 2]],
  argumentsVsObject: [(function () { return arguments; })(1), { 0: 1 }],
  argumentsBoth: [(function () { return arguments; })(1), (function () { return arguments; })(1)],
  nested: [{ a: { b: { c: { d: 1 } } } }, { a: { b: { c: { d: '1' } } } }],
};
for (const name of Object.keys(cases)) {
  const [a, b] = cases[name];
  console.log(name.padEnd(20), strict(a, b), loose(a, b), strict(b, a), loose(b, a));
}

assert.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] });
assert.notDeepStrictEqual(new A(), new B());
assert.deepEqual(new A(), new B());
assert.notDeepEqual({ a: 1 }, { a: 2 });
