// Deep equality terminates on cyclic structures and compares their shape.
'use strict';
const assert = require('assert');

const strict = (a, b) => { try { assert.deepStrictEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };

const a = { name: 'x' }; a.self = a;
const b = { name: 'x' }; b.self = b;
console.log('self', strict(a, b));

const c = { name: 'x' }; c.self = { name: 'x', self: c };
console.log('unrolled', strict(a, c));

const d = { name: 'y' }; d.self = d;
console.log('different', strict(a, d));

const arr1 = [1]; arr1.push(arr1);
const arr2 = [1]; arr2.push(arr2);
console.log('array', strict(arr1, arr2));

const m1 = new Map(); m1.set('me', m1);
const m2 = new Map(); m2.set('me', m2);
console.log('map', strict(m1, m2));

const s1 = new Set(); s1.add(s1);
const s2 = new Set(); s2.add(s2);
console.log('set', strict(s1, s2));

const x1 = { list: [] }; x1.list.push({ parent: x1 });
const x2 = { list: [] }; x2.list.push({ parent: x2 });
console.log('parent', strict(x1, x2));

assert.deepStrictEqual(a, b);
assert.deepEqual(arr1, arr2);

// Different cycle lengths with the same unrolled shape are equal; a differing value is not.
const c1 = { v: 1 }; const c2 = { v: 2, n: c1 }; c1.n = c2;
const k1 = { v: 1 }; k1.n = { v: 2, n: { v: 1, n: k1 } };
const k2 = { v: 1 }; k2.n = { v: 2, n: { v: 2, n: k2 } };
console.log('two-cycle', strict(c1, k1), strict(c1, k2));
