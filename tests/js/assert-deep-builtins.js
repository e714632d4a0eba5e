// Deep equality of built-in objects: Date, RegExp, errors, boxed primitives, promises.
'use strict';
const assert = require('assert');

const strict = (a, b) => { try { assert.deepStrictEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };
const loose = (a, b) => { try { assert.deepEqual(a, b); return true; } catch (e) { if (e.code !== 'ERR_ASSERTION') throw e; return false; } };

const withProp = (o, props) => Object.assign(o, props);
const cases = {
  date: [new Date(1000), new Date(1000)],
  dateDiff: [new Date(1000), new Date(2000)],
  dateInvalid: [new Date(NaN), new Date(NaN)],
  dateProp: [withProp(new Date(0), { x: 1 }), new Date(0)],
  dateVsObject: [new Date(0), {}],
  regexp: [/a/gi, /a/gi],
  regexpFlags: [/a/g, /a/i],
  regexpSource: [/a/, /b/],
  regexpLastIndex: [withProp(/a/g, { lastIndex: 2 }), /a/g],
  regexpProp: [withProp(/a/, { x: 1 }), /a/],
  error: [new Error('a'), new Error('a')],
  errorMessage: [new Error('a'), new Error('b')],
  errorName: [new TypeError('a'), new Error('a')],
  errorProp: [withProp(new Error('a'), { code: 1 }), withProp(new Error('a'), { code: 2 })],
  errorCause: [new Error('a', { cause: 1 }), new Error('a', { cause: 2 })],
  errorCauseSame: [new Error('a', { cause: { x: 1 } }), new Error('a', { cause: { x: 1 } })],
  errorCauseMissing: [new Error('a', { cause: undefined }), new Error('a')],
  aggregate: [new AggregateError([1], 'a'), new AggregateError([1], 'a')],
  aggregateDiff: [new AggregateError([1], 'a'), new AggregateError([2], 'a')],
  errorVsObject: [new Error('a'), { name: 'Error', message: 'a' }],
  number: [new Number(1), new Number(1)],
  numberDiff: [new Number(1), new Number(2)],
  numberVsPrimitive: [new Number(1), 1],
  numberNaN: [new Number(NaN), new Number(NaN)],
  numberNegZero: [new Number(-0), new Number(0)],
  string: [new String('a'), new String('a')],
  stringProp: [withProp(new String('a'), { x: 1 }), new String('a')],
  stringVsNumber: [new String('1'), new Number(1)],
  boolean: [new Boolean(false), new Boolean(false)],
  booleanDiff: [new Boolean(false), new Boolean(true)],
  bigint: [Object(1n), Object(1n)],
  bigintDiff: [Object(1n), Object(2n)],
  symbolBox: [Object(Symbol.iterator), Object(Symbol.iterator)],
  symbolBoxDiff: [Object(Symbol('a')), Object(Symbol('a'))],
  promise: [Promise.resolve(1), Promise.resolve(2)],
  weakMap: [new WeakMap(), new WeakMap()],
  bigintPrim: [1n, 1n],
  bigintLoose: [1n, 1],
};
for (const name of Object.keys(cases)) {
  const [a, b] = cases[name];
  console.log(name.padEnd(18), strict(a, b), loose(a, b), strict(b, a), loose(b, a));
}
assert.deepStrictEqual(new Date(5), new Date(5));
assert.notDeepStrictEqual(/a/g, /a/i);
