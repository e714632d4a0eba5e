// Legacy url.parse / url.format / url.resolve and the helper exports.
const url = require('url');
console.log(Object.keys(url));
console.log(url.URL === URL, url.URLSearchParams === URLSearchParams);
for (const s of ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '/p/a?x=1&x=2', 'HTTP://X.COM', 'mailto:a@b.c',
  'javascript:alert(1)', '//host/p', 'file:///etc/x', 'http://[::1]:3000/a', 'http://a.com/a b', 'foo', 'http://a.com?x', 'https://ü.com/']) {
  console.log(url.parse(s));
}
console.log(url.parse('/p?a=1&a=2&b', true).query, url.parse('//h/p', false, true).host);
console.log(url.format({ protocol: 'https', hostname: 'ex.com', pathname: '/a b', query: { q: 'x y', r: [1, 2] } }));
console.log(url.format({ protocol: 'http:', host: 'h:1', pathname: 'p', search: 'a=1', hash: 'h' }));
console.log(url.format(new URL('http://u:p@ü.com/a?b#c'), { unicode: true, auth: false, fragment: false }));
console.log(url.format(new URL('http://u:p@ü.com/a?b#c')));
console.log(url.format('http://a.com/x?y#z'), url.resolve('/one/two/three', 'four'), url.resolve('http://example.com/', '/one'), url.resolve('http://example.com/one', '/two'));
console.log(url.domainToASCII('español.com'), JSON.stringify(url.domainToASCII('xn--iñvalid.com')), url.domainToUnicode('xn--espaol-zwa.com'));
console.log(url.urlToHttpOptions(new URL('https://a:b@[::1]:99/p?q#h')));
try { url.parse(5); } catch (e) { console.log(e.code, e.message); }
