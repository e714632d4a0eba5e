// path (posix): join/resolve/normalize/relative/dirname/basename/extname/parse/format on edge cases.
const path = require('path');
const inputs = ['', '.', '..', '/', '//', '/a/b/c', 'a/b/../c', './a/./b/', '/a/../..', 'a//b', '/foo/bar.txt',
  '.hidden', 'file.tar.gz', 'dir/', '../x/y.', 'a/b/c/..', '/..a/b', 'x/..'];
const out = [];
for (const p of inputs) {
  out.push([p, path.normalize(p), path.dirname(p), path.basename(p), path.extname(p), path.isAbsolute(p),
    path.basename(p, '.txt'), JSON.stringify(path.parse(p))].join(' | '));
}
out.push(path.join('a', '', 'b', '..', 'c/'), path.join(), path.join('/a', '/b'), path.join('..', '..', 'x'));
out.push(path.resolve('/a', 'b', '../c'), path.resolve('/x', '/y', 'z'), path.resolve('') === process.cwd());
out.push(path.relative('/a/b/c', '/a/d'), path.relative('/a', '/a'), path.relative('/a/b', '/a/b/c/d'), path.relative('/', '/x'));
out.push(path.format({ dir: '/d', base: 'f.txt' }), path.format({ root: '/', name: 'n', ext: 'e' }), path.format({ name: 'n', ext: '.e' }));
out.push(path.sep, path.delimiter, path.posix === path, path.toNamespacedPath('/a'));
try { path.join(5); } catch (e) { out.push(e.code); }
console.log(out.join('\n'));
