// util.inspect of proxies with transparent handlers prints what the target would.
// (spindle cannot detect a proxy through JavaScriptCore's C API: no isProxy/showProxy here.)
const util = require('util');
const p = (...a) => console.log(...a);
p(new Proxy({ a: 1 }, {}), new Proxy([1, 2], {}), new Proxy(function f() {}, {}));
p({ inner: new Proxy({ deep: { x: 1 } }, {}) });
p(new Proxy(new Proxy({ twice: true }, {}), {}));
p(util.types.isProxy({}), util.types.isProxy(globalThis));
p(util.format('%s', new Proxy({ s: 1 }, {})));
