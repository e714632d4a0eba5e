// deepStrictEqual / deepEqual failure messages: Node's "+ actual - expected" diff.
'use strict';
const assert = require('assert');

function show(fn) {
  try { fn(); } catch (e) {
    if (e.code !== 'ERR_ASSERTION') {
      console.log(e.name, e.code, e.message);
      return;
    }
    console.log(e.message);
    console.log('--', e.operator, e.generatedMessage);
    return;
  }
  throw new Error('expected a failure');
}

show(() => assert.deepStrictEqual({ a: 1, b: 2, c: [1, 2, 3] }, { a: 1, b: 3, c: [1, 2, 4] }));
show(() => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 11]));
show(() => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 }));
show(() => assert.deepStrictEqual([1, 2], [1, 2, 3, 4]));
show(() => assert.deepStrictEqual([1, 2, 3, 4], [1]));
show(() => assert.deepStrictEqual({ a: Symbol('x') }, { a: Symbol('x') }));
show(() => assert.deepStrictEqual(1, '1'));
show(() => assert.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]])));
show(() => assert.deepStrictEqual(new Set([1, 2]), new Set([1, 3])));
show(() => assert.deepStrictEqual(new Error('a'), new Error('b')));
show(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }, 'custom'));
show(() => assert.deepStrictEqual('a long string value here', 'a long string value there'));
show(() => assert.deepStrictEqual(Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => (i === 15 ? -1 : i))));
show(() => assert.deepStrictEqual(Array.from({ length: 80 }, (_, i) => i), Array.from({ length: 80 }, (_, i) => -i)));
show(() => assert.deepEqual({ a: 1 }, { a: 2 }));
show(() => assert.deepEqual([1, 2], '1,2'));
show(() => assert.notDeepStrictEqual({ a: [1] }, { a: [1] }));
show(() => assert.notDeepStrictEqual(1, 1));
show(() => assert.notDeepEqual({ a: 1 }, { a: 1 }));
show(() => assert.notDeepEqual({ a: 1 }, { a: '1' }));
show(() => assert.deepStrictEqual({ a: 1 }));
