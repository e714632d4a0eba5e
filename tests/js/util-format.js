// util.format: every placeholder, extra arguments, edge cases.
const util = require('util');
const p = (...a) => console.log(JSON.stringify(a));
p(util.format('%s %d %i %f %j %o %O %%', 'str', 42.5, 42.5, '3.5abc', { a: 1 }, { b: [1] }, { c: 2 }));
p(util.format('%s', { a: { b: { c: 1 } } }), util.format('%s', [1, [2, [3]]]), util.format('%s', 'x'));
p(util.format('%s', 5n, 'extra', 7), util.format('%d', '0x10'), util.format('%i', 'abc'), util.format('%d', 5n));
p(util.format('%c styled', 'color: red'), util.format('no args %s'), util.format('%s:%s', 'a'), util.format(1, 2, '3'));
p(util.format('%j', (() => { const o = {}; o.o = o; return o; })()), util.format('%j', undefined), util.format('%j', 'str'));
p(util.format('%s', null, undefined), util.format('%s', Symbol('x')), util.format('%s', -0), util.format('%d', -0));
class A { toString() { return 'A!'; } } p(util.format('%s', new A()), util.format('%s', new (class B {})()));
p(util.format('%s', new Date(0)), util.format('%s', () => 1), util.format('%s', function named() {}));
p(util.format('a%', 1), util.format('%x', 1), util.format('%%s', 1), util.format('%', 'x'), util.format('%%'));
p(util.format('%d %i %f', Symbol('a'), Symbol('b'), Symbol('c')), util.format('%d', {}), util.format('%i', 42.9), util.format('%f', '1e3'));
p(util.format('%o', [1, { a: 2 }]), util.format('%o', { s: 'x', n: new Map([[1, [2]]]) }));
p(util.format(), util.format(''), util.format('', 1), util.format(undefined, 'x'), util.format({ a: 1 }, 'x'));
p(util.format('%s %s', 'only one'), util.format('%s', 'a', 'b', { c: 1 }));
p(util.format('%s', Object.create(null)), util.format('%s', { toString() { return 'own'; } }));
p(util.format('%s', new Error('err msg')).split('\n')[0], util.format('%s', [new Map([[1, 2]])]));
p(util.format('%O', { a: { b: { c: { d: 1 } } } }), util.format('%s', 1.50), util.format('%d', '42abc'));
p(util.formatWithOptions({ compact: false }, '%O', { a: 1 }), util.formatWithOptions({ depth: 0 }, { a: { b: 1 } }));
try { util.formatWithOptions(null, 'x'); } catch (e) { p(e.code, e.name, e.message); }
