// Promises are recognised (util.types.isPromise, subclasses, extra properties). Their
// state is not printed here: JavaScriptCore's C API cannot read it, spindle prints
// `Promise { <unknown> }` where node prints the state (see README).
const util = require('util');
class MyPromise extends Promise {}
console.log(util.types.isPromise(Promise.resolve(1)), util.types.isPromise(MyPromise.resolve(1)),
  util.types.isPromise({ then() {} }), util.types.isPromise(null));
console.log(util.inspect(Promise.resolve(1)).startsWith('Promise {'),
  util.inspect(MyPromise.resolve(1)).startsWith('MyPromise [Promise] {'));
