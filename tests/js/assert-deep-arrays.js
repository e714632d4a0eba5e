// Deep equality of arrays: holes, lengths, extra (non-index) properties, typed arrays.
'use strict';
const assert = require('assert');

const strict = (a, b) => { try { assert.deepStrictEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };
const loose = (a, b) => { try { assert.deepEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };

const cases = {
  equal: [[1, 2, [3]], [1, 2, [3]]],
  order: [[1, 2], [2, 1]],
  length: [[1, 2], [1, 2, undefined]],
  holeVsUndefined: [[1, , 3], [1, undefined, 3]], // eslint-disable-line no-sparse-arrays
  holeVsHole: [[1, , 3], [1, , 3]], // eslint-disable-line no-sparse-arrays
  trailingHoles: [new Array(5), new Array(5)],
  sparseProps: [Object.assign([1, , 3], { x: 1 }), Object.assign([1, , 3], { x: 1 })], // eslint-disable-line no-sparse-arrays
  extraProp: [Object.assign([1], { x: 1 }), [1]],
  extraPropDiff: [Object.assign([1], { x: 1 }), Object.assign([1], { x: 2 })],
  symbolProp: [Object.assign([1], { [Symbol.for('s')]: 1 }), [1]],
  arrayVsObject: [[1], { 0: 1, length: 1 }],
  looseElements: [[1, '2', null], ['1', 2, undefined]],
  negZero: [[-0], [0]],
  nan: [[NaN], [NaN]],
  subclass: [new (class X extends Array {})(), []],
  u8: [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
  u8diff: [new Uint8Array([1, 2]), new Uint8Array([1, 3])],
  u8vsI8: [new Uint8Array([1]), new Int8Array([1])],
  u8vsArray: [new Uint8Array([1]), [1]],
  f64nan: [new Float64Array([NaN]), new Float64Array([NaN])],
  f64zero: [new Float64Array([0]), new Float64Array([-0])],
  f32: [new Float32Array([1.5]), new Float32Array([1.5])],
  bigint64: [new BigInt64Array([1n]), new BigInt64Array([1n])],
  typedExtraProp: [Object.assign(new Uint8Array(1), { x: 1 }), new Uint8Array(1)],
  typedOffset: [new Uint8Array(new Uint8Array([9, 1, 2]).buffer, 1), new Uint8Array([1, 2])],
  arrayBuffer: [new Uint8Array([1, 2]).buffer, new Uint8Array([1, 2]).buffer],
  arrayBufferDiff: [new Uint8Array([1, 2]).buffer, new Uint8Array([1, 3]).buffer],
  arrayBufferLen: [new ArrayBuffer(2), new ArrayBuffer(3)],
  dataView: [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))],
  dataViewDiff: [new DataView(new Uint8Array([1]).buffer), new DataView(new Uint8Array([2]).buffer)],
  bufferVsView: [new ArrayBuffer(1), new Uint8Array(1)],
};
for (const name of Object.keys(cases)) {
  const [a, b] = cases[name];
  console.log(name.padEnd(16), strict(a, b), loose(a, b), strict(b, a), loose(b, a));
}
assert.deepStrictEqual([1, [2, [3]]], [1, [2, [3]]]);
assert.notDeepStrictEqual([1, , 3], [1, undefined, 3]); // eslint-disable-line no-sparse-arrays
