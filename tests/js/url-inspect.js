// util.inspect / console.log of URL, URLSearchParams and its iterators match Node's custom format.
const util = require('util');
const u = new URL('https://user:pa@example.com:8080/p/a/t/h?query=string#hash');
console.log(u);
console.log(u.searchParams);
console.log(new URLSearchParams('a=1&b=2&a=3'), new URLSearchParams());
console.log(util.inspect(new URL('http://a/'), { depth: 0 }));
console.log([new URL('file:///tmp/x')]);
console.log({ nested: { deeper: new URL('http://x/') } });
console.log(new URLSearchParams({ a: 'x'.repeat(40), b: 'y'.repeat(40) }));
const it = new URLSearchParams('a=1&b=2').entries();
console.log(it);
it.next();
console.log(it, new URLSearchParams('k=v').keys(), new URLSearchParams('k=v').values());
console.log(String(u), JSON.stringify({ u }), `${new URL('http://x')}`);
