// util.inspect looks through proxies without running traps.
const util = require('util');
const p = (...a) => console.log(...a);
let trapped = 0;
const handler = { get(t, k) { trapped++; return Reflect.get(t, k); }, ownKeys(t) { trapped++; return Reflect.ownKeys(t); } };
p(new Proxy({ a: 1 }, handler), new Proxy([1, 2], handler), new Proxy(function f() {}, handler));
p(new Proxy(new Map([[1, 2]]), handler));
p({ inner: new Proxy({ deep: { x: 1 } }, handler) });
const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); p(proxy);
p(new Proxy(new Proxy({ twice: true }, {}), {}));
p('traps run:', trapped);
p(util.types.isProxy(new Proxy({}, {})), util.types.isProxy({}), util.types.isProxy(globalThis), util.types.isProxy(proxy));
p(util.format('%s', new Proxy({ s: 1 }, {})));
// showProxy prints the target first (the handler cannot be read in every engine).
p(util.inspect(new Proxy({ a: 1 }, {}), { showProxy: true }).startsWith('Proxy [ { a: 1 },'));
