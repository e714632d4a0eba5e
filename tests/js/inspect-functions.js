// util.inspect of functions and classes.
const p = (...a) => console.log(...a);
function foo() {} const arrow = () => {}; async function af() {} function* gf() {} async function* agf() {}
p(foo, arrow, af, gf, agf, async () => {}, function () {});
class K {} class Sub extends K {} p(K, Sub, class {}, class extends K {});
const fnp = function withProps() {}; fnp.x = 1; fnp.nested = { y: [1] }; p(fnp);
p(Object.assign(() => {}, { a: 1 }), Object.assign(class Q {}, { staticProp: 2 }));
p({ method() {}, get acc() { return 1; }, fn: foo, cls: K });
p([Math.max, Array, Map, Symbol, Promise.resolve]);
const nullProtoFn = function np() {}; Object.setPrototypeOf(nullProtoFn, null); p(nullProtoFn);
const bound = foo.bind(null); p(bound);
p(Object.defineProperty(function named() {}, 'name', { value: 'renamed' }));
