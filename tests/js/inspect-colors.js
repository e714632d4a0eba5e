// util.inspect with colors: ANSI styles per type, inspect.colors / inspect.styles tables.
const util = require('util');
const p = (...a) => console.log(...a);
p(JSON.stringify(util.inspect({ a: 1, b: 'str', c: null, d: undefined, e: Symbol('x'), f: 5n, g: true,
  h: new Date(0), r: /x/, fn() {}, arr: [1, , 3], m: new Map([[1, 2]]), big: Array.from({ length: 10 }, (_, i) => i) }, { colors: true })));
p(JSON.stringify(util.inspect(new Number(1), { colors: true })), JSON.stringify(util.inspect(Object.assign(new Number(1), { x: 1 }), { colors: true })));
p(JSON.stringify(util.inspect(Array.from({ length: 30 }, (_, i) => 'w' + i), { colors: true })));
p(Object.keys(util.inspect.colors).join(), util.inspect.colors.grey, util.inspect.colors.gray);
p(util.inspect.styles);
util.inspect.styles.number = 'red';
p(JSON.stringify(util.inspect(5, { colors: true })));
util.inspect.styles.number = 'yellow';
p(JSON.stringify(util.formatWithOptions({ colors: true }, '%s %o %d', 'plain', [1], 3, { x: 'y' })));
