// URL setters (protocol/username/password/host/hostname/port/pathname/search/hash/href) and the live searchParams link.
const sets = [
  ['http://a/', 'protocol', 'https'], ['http://a/', 'protocol', 'foo'], ['foo://a/', 'protocol', 'http'], ['http://u@a/', 'protocol', 'file'],
  ['http://a:8080/', 'protocol', 'ws'], ['https://a:80/', 'protocol', 'http'], ['http://a/', 'protocol', 'h t'], ['http://a/', 'protocol', 'https:xx'],
  ['http://a/', 'username', 'us er@:'], ['file:///x', 'username', 'u'], ['http://a/', 'password', 'p@ss'], ['http://u:p@a/', 'username', ''],
  ['http://a/', 'host', 'b:81'], ['http://a/', 'host', 'b:80'], ['http://a/', 'host', ''], ['http://a:90/', 'host', 'c'], ['http://a/', 'host', 'x/y'],
  ['http://a/', 'host', '[::1]:5'], ['mailto:x', 'host', 'a'], ['foo://a/', 'host', ''], ['file://a/x', 'host', 'localhost'], ['http://a/', 'host', 'b:xx'],
  ['http://a/', 'hostname', 'b:81'], ['http://a:1/', 'hostname', 'z'], ['http://a/', 'hostname', 'B.COM'], ['foo://a/', 'hostname', ''],
  ['http://a/', 'port', '8080'], ['http://a/', 'port', '80'], ['http://a:1/', 'port', ''], ['http://a/', 'port', '12ab'], ['http://a/', 'port', 'ab'],
  ['http://a/', 'port', '70000'], ['file:///x', 'port', '1'], ['http://a/', 'port', 8080],
  ['http://a/', 'pathname', 'x/y z'], ['http://a/b', 'pathname', '/../c/./d'], ['mailto:x', 'pathname', 'y'], ['foo://a/b', 'pathname', 'x'], ['foo:/b', 'pathname', '//x'],
  ['http://a/', 'pathname', '?#'], ['file:///C:/x', 'pathname', '/..'],
  ['http://a/', 'search', 'a=b c'], ['http://a/?x', 'search', ''], ['http://a/', 'search', '?#'], ['http://a/', 'search', '??x'],
  ['http://a/', 'hash', 'x y'], ['http://a/#x', 'hash', ''], ['http://a/', 'hash', '##'], ['foo:op  ', 'hash', ''],
  ['http://a/', 'href', 'https://b/c'], ['http://a/b?c#d', 'search', 'q=1'],
];
for (const [init, prop, val] of sets) {
  const u = new URL(init);
  let r;
  try { u[prop] = val; r = u.href + ' | ' + u.host + ' | ' + u.port; } catch (e) { r = 'ERR ' + e.code; }
  console.log(JSON.stringify([init, prop, val]), '=>', r);
}
const u = new URL('http://a/?x=1&y=2');
const sp = u.searchParams;
console.log(sp === u.searchParams);
sp.append('z', 'a b'); console.log(u.href);
sp.delete('x'); console.log(u.href, sp.size);
sp.set('y', 'é'); console.log(u.href);
u.search = '?k=v'; console.log([...sp], sp.toString());
u.href = 'http://b/?m=n'; console.log([...sp]);
sp.delete('m'); console.log(u.href, JSON.stringify(u.search));
const o = new URL('foo:op  ?q'); o.searchParams.delete('q'); console.log(JSON.stringify(o.href));
try { u.href = 'not a url'; } catch (e) { console.log(e.code, e.input, u.href); }
