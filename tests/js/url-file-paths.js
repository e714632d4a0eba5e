// url.fileURLToPath / url.pathToFileURL: percent-encoding and the errors Node raises.
const url = require('url');
for (const p of ['/tmp/a b', '/a b?c#d%e\\f\nü\t', '/tmp/x/', '/tmp/./y/../z', '/a/%2f/b', 'relative/p']) {
  const href = url.pathToFileURL(p).href;
  console.log(href.replace(url.pathToFileURL(process.cwd()).href, 'CWD'));
  console.log(url.fileURLToPath(href).replace(process.cwd(), 'CWD'));
}
console.log(url.fileURLToPath('file:///tmp/a%20b'), url.fileURLToPath(new URL('file:///x/%C3%BC')), url.fileURLToPath('file://localhost/etc'));
for (const bad of ['http://a/', 'file://host/x', 'file:///a%2Fb', 'file:///a%2fb', 5, {}]) {
  try { url.fileURLToPath(bad); } catch (e) { console.log(e.name, e.code, e.message); }
}
try { url.pathToFileURL(5); } catch (e) { console.log(e.name, e.code, e.message); }
