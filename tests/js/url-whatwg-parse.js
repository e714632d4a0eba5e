// WHATWG URL parsing: special/non-special schemes, bases, hosts (IPv4/IPv6/IDNA), ports, paths, percent-encoding, failures.
const cases = [
  ['http://example.com/a/b/../c/./d'], ['HTTP://EXAMPLE.COM:80/'], ['https://example.com:443/x'], ['http://example.com:0081/'],
  ['http://[::1]:8080/'], ['http://[2001:db8::1:0:0:1]/'], ['http://[0:0:0:0:0:0:13.1.68.3]/'], ['http://[::ffff:192.168.0.1]/'],
  ['http://[1:0::]'], ['http://[1:2:3:4:5:6:7:8]'], ['http://[1::2::3]'], ['http://[::1.2.3.]'], ['http://[::1.2.3.4.5]'],
  ['http://0x7f.1/'], ['http://127.0.0.1.'], ['http://0300.0250.0.1/'], ['http://4294967295/'], ['http://4294967296/'], ['http://1.2.3.256/'],
  ['http://256.256.256.256.256/'], ['http://1.2.3.09/'], ['http://foo.09/'], ['http://foo.0x/'], ['http://0x/'],
  ['http://user:pass@host/'], ['http://us@er:pa:ss@host/'], ['http://@host/'], ['http://:@host/'], ['http://a b/'], ['http://a%20b/'], ['http://a%41b/'],
  ['http://ExAmPlE.CoM/%7Efoo/ bar?q= x#f g'], ['http://host/pa th?qu\'ery"<>#frag`"<>'], ['ws://host/\'x\'?\'y\''], ['foo://host/\'x\'?\'y\''],
  ['file:///C:/x'], ['file:///etc/passwd'], ['file://localhost/etc'], ['file://host/share'], ['file:/x'], ['file:x'], ['file:c:\\foo\\bar'], ['file://C|/x'],
  ['/a/b', 'file:///C:/x/y'], ['..', 'file:///C:/'], ['file:..', 'http://x/y'], ['//host/p', 'file:///a'],
  ['mailto:someone@example.com'], ['javascript:alert(1)'], ['data:text/plain,hello world'], ['blob:https://a.com/uuid'], ['blob:foo'],
  ['urn:isbn:0451450523'], ['foo:/bar/../baz'], ['foo://host/a/../b'], ['foo:/.//p'], ['web+demo:/.//not-a-host/'], ['sc://ñ.com/'], ['sc://%/'], ['sc:// /'],
  ['non-spec:/..//p'], ['foo://'], ['foo:'], ['foo:///x'], ['foo:opaque path  ?q#h'],
  ['a', 'http://example.com/b/c'], ['../a', 'http://example.com/b/c/d'], ['?x', 'http://example.com/b?y#z'], ['#x', 'http://example.com/b?y#z'],
  ['', 'http://example.com/b?y#z'], ['//other/x', 'https://example.com/'], ['\\\\other\\x', 'https://example.com/'], ['/\\x', 'http://a/'],
  ['  http://example.com/  '], ['ht\ttp://exa\nmple.com/'], ['http:example.com', 'http://a/b'], ['http:/example.com/', 'http://a/'], ['https:example.com', 'http://a/'],
  ['http://a/%2e%2E/b/.%2e/c'], ['http://a/b/%2e'], ['http://a/b/..'], ['http://a/b/c/.'], ['http://a/./'], ['http://a/b/../../..'],
  ['http://münchen.de/'], ['http://xn--mnchen-3ya.de/'], ['http://EXAMPLE.com./'], ['http://a.b.c.d/x'], ['http://例子.测试/'], ['http://faß.de/'],
  ['http://a/?a=b c&d=é'], ['http://a/#é'], ['http://a/é'], ['http://a:65536/'], ['http://a:65535/'], ['http://a:b/'], ['http://a:/'], ['http:///'], ['http://'],
  ['https://[::1'], ['http://a<b/'], ['http://a^b/'], ['foo://a<b/'], ['foo://[x]/'], ['http://1.2.3.4.5/'], ['http://0..0x300/'], ['http://[::127.0.0.1]'],
  ['x', 'mailto:a'], ['#f', 'mailto:a'], ['http://a/\u0000b'], ['http://a/b?\u0001'], ['http://\uD83D\uDE00.com/'],
];
for (const [input, base] of cases) {
  let out;
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    out = [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash].join(' | ');
  } catch (e) { out = 'ERR ' + e.code; }
  console.log(JSON.stringify([input, base]), '=>', out);
}
