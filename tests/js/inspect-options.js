// util.inspect options: depth, compact, breakLength, sorted, getters, showHidden, legacy arguments.
const util = require('util');
const p = (...a) => console.log(...a);
const deep = { a: { b: { c: { d: { e: 1 } } } }, arr: [[[[1]]]] };
p(util.inspect(deep, { depth: 0 }), util.inspect(deep, { depth: null }), util.inspect(deep, { depth: Infinity }));
p(util.inspect(deep, false, 1), util.inspect(deep, true, 0, false));
p(util.inspect({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true }));
p(util.inspect(['c', 'a', 'b'], { sorted: true }), util.inspect(new Set(['c', 'a']), { sorted: true }));
p(util.inspect({ b: 1, a: 2 }, { sorted: (x, y) => (x < y ? 1 : -1) }));
p(util.inspect({ a: [1, 2, { b: 1 }], s: 'str' }, { compact: false }));
p(util.inspect({ a: [1, 2, { b: 1 }], s: 'x'.repeat(90) }, { compact: true }));
p(util.inspect({ a: { b: { c: { d: 1 } } }, x: 1 }, { compact: 1 }));
p(util.inspect({ a: [[1, 2, [3, 4]], 'x'] }, { compact: 2 }));
p(util.inspect(Array.from({ length: 30 }, (_, i) => i), { compact: 1 }));
p(util.inspect({ a: 1, b: 2 }, { breakLength: 3 }), util.inspect({ a: 'x'.repeat(100) }, { breakLength: Infinity }));
const getters = { get g() { return { a: 1 }; }, get n() { return null; }, get x() { return 5; },
  get thrower() { throw new Error('oops'); }, get gs() { return 's'; }, set gs(v) {} };
p(util.inspect(getters, { getters: true }));
p(util.inspect(getters, { getters: 'get' }), util.inspect(getters, { getters: 'set' }));
p(util.inspect({ a: 1 }, { showHidden: true }), util.inspect([1, 2], { showHidden: true }));
p(util.inspect(Object.defineProperty({}, 'hid', { value: 1, enumerable: false }), { showHidden: true }));
p(util.inspect(new Map([[1, 2]]), { showHidden: true }), util.inspect(Object.defineProperty({}, Symbol('h'), { value: 2 }), { showHidden: true }));
p(util.inspect.defaultOptions);
const saved = util.inspect.defaultOptions.depth;
util.inspect.defaultOptions.depth = 0; p({ a: { b: 1 } });
util.inspect.defaultOptions = { depth: saved }; p({ a: { b: 1 } });
try { util.inspect.defaultOptions = null; } catch (e) { p(e.code, e.name); }
