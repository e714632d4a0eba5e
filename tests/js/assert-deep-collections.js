// Deep equality of Map and Set: order-insensitive, object keys matched deeply, loose coercion.
'use strict';
const assert = require('assert');

const strict = (a, b) => { try { assert.deepStrictEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };
const loose = (a, b) => { try { assert.deepEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };

const cases = {
  setOrder: [new Set([1, 2, 3]), new Set([3, 2, 1])],
  setDiff: [new Set([1, 2]), new Set([1, 3])],
  setSize: [new Set([1]), new Set([1, 2])],
  setObjects: [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])],
  setObjectsDiff: [new Set([{ a: 1 }, { a: 1 }]), new Set([{ a: 1 }, { a: 2 }])],
  setNested: [new Set([[1, 2], [3]]), new Set([[3], [1, 2]])],
  setLoose: [new Set([1, '2']), new Set(['1', 2])],
  setLooseNull: [new Set([null]), new Set([undefined])],
  setLooseBool: [new Set([true]), new Set([1])],
  setNaN: [new Set([NaN]), new Set([NaN])],
  setNegZero: [new Set([-0]), new Set([0])],
  setMixed: [new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])],
  setProp: [Object.assign(new Set(), { x: 1 }), new Set()],
  mapOrder: [new Map([[1, 'a'], [2, 'b']]), new Map([[2, 'b'], [1, 'a']])],
  mapValueDiff: [new Map([[1, 'a']]), new Map([[1, 'b']])],
  mapValueDeep: [new Map([[1, { x: [1] }]]), new Map([[1, { x: [1] }]])],
  mapObjectKeys: [new Map([[{ a: 1 }, 1], [{ a: 1 }, 2]]), new Map([[{ a: 1 }, 2], [{ a: 1 }, 1]])],
  mapObjectKeysDiff: [new Map([[{ a: 1 }, 1]]), new Map([[{ a: 2 }, 1]])],
  mapLooseKey: [new Map([[1, 'a']]), new Map([['1', 'a']])],
  mapLooseValue: [new Map([[1, 1]]), new Map([[1, '1']])],
  mapLooseNull: [new Map([[null, 1]]), new Map([[undefined, 1]])],
  mapNaNKey: [new Map([[NaN, 1]]), new Map([[NaN, 1]])],
  mapUndefinedValue: [new Map([[1, undefined]]), new Map([[2, undefined]])],
  mapVsSet: [new Map(), new Set()],
  mapVsObject: [new Map([['a', 1]]), { a: 1 }],
  fakeMap: [Object.create(Map.prototype), new Map()],
};
for (const name of Object.keys(cases)) {
  const [a, b] = cases[name];
  console.log(name.padEnd(18), strict(a, b), loose(a, b), strict(b, a), loose(b, a));
}
assert.deepStrictEqual(new Map([[{ k: 1 }, new Set([1])]]), new Map([[{ k: 1 }, new Set([1])]]));
assert.notDeepStrictEqual(new Set([1]), new Set(['1']));
assert.deepEqual(new Set([1]), new Set(['1']));
