// util.inspect of Map, Set, WeakMap, WeakSet, boxed primitives, Date, RegExp.
const util = require('util');
const p = (...a) => console.log(...a);
p(new Map([['a', 1], [{ x: 1 }, [1, 2]]]), new Set([1, 'a', {}]), new Map(), new Set());
p(new Map([[new Map([[1, 2]]), new Set([new Set([1])])]]));
p(new Map(Array.from({ length: 8 }, (_, i) => ['key' + i, { value: i }])));
p(new Set(Array.from({ length: 30 }, (_, i) => i)));
p(util.inspect(new Set([1, 2, 3]), { maxArrayLength: 1 }), util.inspect(new Map([[1, 1], [2, 2]]), { maxArrayLength: 0 }));
class MyMap extends Map {} class MySet extends Set {}
p(new MyMap([[1, 2]]), new MySet(), Object.assign(new Map([[1, 2]]), { extra: 1 }));
p(new WeakMap(), new WeakSet(), { wm: new WeakMap([[{}, 1]]) });
p(new Number(3), new Number(-0), new String('ab'), new Boolean(false), Object(Symbol('q')), Object(5n));
p(Object.assign(new String('xy'), { extra: 1 }), Object.assign(new Number(1), { n: 2 }));
p(new Date(0), new Date(NaN), new Date(Date.UTC(2020, 1, 29, 12, 30, 45, 678)));
p(Object.assign(new Date(0), { label: 'epoch' }));
class MyDate extends Date {} p(new MyDate(0));
p(/ab+c/gi, /[/]\//, new RegExp('a\nb'), Object.assign(/x/, { prop: 1 }), /(?<name>x)/suy);
class MyRegExp extends RegExp {} p(new MyRegExp('z', 'g'));
p({ m: new Map([['nested', { deep: { deeper: { deepest: 1 } } }]]) });
p(util.inspect(new Map([[1, { a: 1 }]]), { depth: 0 }), util.inspect(new Set([[1]]), { depth: -1 }));
