// util.inspect of built-in kinds whose prototype was removed: Node names them from the engine's class.
const util = require('util');
const p = (...a) => console.log(...a);
p(util.inspect(new Proxy(function f() {}, {})), util.inspect([].values()));
p(util.inspect(Object.create(Array.prototype)), util.inspect(Object.setPrototypeOf(new Map([[1, 2]]), null)));
p(util.inspect(Object.setPrototypeOf([1, 2], null)), util.inspect(Object.setPrototypeOf(new Uint8Array(2), null)));
p(util.inspect(Object.setPrototypeOf(new Date(0), null)), util.inspect(Object.setPrototypeOf(/x/g, null)));
p(util.inspect(Object.setPrototypeOf(new Error('x'), null)).split('\n')[0]);
p(util.inspect(Object.setPrototypeOf(new Map([[1, 2]]), null)), util.inspect(Object.setPrototypeOf(new Number(2), null)));
p(util.inspect(Object.setPrototypeOf(new Set([1]), null)), util.inspect(Object.setPrototypeOf({ a: 1 }, Object.create(null))));
class Foo {} const inst = new Foo(); Object.setPrototypeOf(Foo.prototype, null); p(inst);
p(util.inspect(globalThis).length > 10, util.inspect(process).length > 10, util.inspect(util).length > 10);
