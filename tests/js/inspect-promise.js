// util.inspect of promises shows their state and value.
const util = require('util');
const p = (...a) => console.log(...a);
p(Promise.resolve(4), new Promise(() => {}), Promise.resolve({ a: [1, 2] }));
const rej = Promise.reject(3); rej.catch(() => {}); p(rej);
const rejErr = Promise.reject(Object.assign(new Error('x'), { stack: 'Error: x\n    at f (a:1:1)' })); rejErr.catch(() => {});
p(rejErr);
class MyPromise extends Promise {} p(MyPromise.resolve(1));
p(Object.assign(Promise.resolve('v'), { tag: 1 }));
p({ nested: Promise.resolve(Promise.resolve(5)) });
let resolveLater; const later = new Promise((r) => { resolveLater = r; }); p(later);
resolveLater('done'); later.then(() => p(later));
(async () => 7)().then(() => {}); const asyncResult = (async () => 8)(); setTimeout(() => p(asyncResult), 1);
p(util.types.isPromise(later), util.types.isPromise({ then() {} }));
