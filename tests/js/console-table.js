// console.table: Node's box-drawing tables.
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([[1, 2], [3, 4, 5]]);
console.table({ r1: { c: 1 }, r2: { c: 2, d: [1, 2, 3, 4] } });
console.table([1, 'two', { three: 3 }]);
console.table(new Map([['k', { v: 1 }], ['k2', 2]]));
console.table(new Set([1, 2]));
console.table([{ a: 1, b: 2 }], ['b']);
console.table([{ a: 1, b: 2 }, 5], ['a', 'z']);
console.table('not tabular'); console.table(null); console.table(42);
console.table([]);
console.table({});
console.table([{ 'ü': 'ñ', long: 'x'.repeat(10), wide: '日本語' }]);
console.table([{ nested: { a: 1, b: 2, c: 3 } }, { nested: { a: 1 } }]);
console.group('grouped'); console.table([{ g: 1 }]); console.groupEnd();
