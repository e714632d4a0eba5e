// require('module'): builtinModules, createRequire, isBuiltin, require.resolve with paths.
const Module = require('module');
const path = require('path');
const F = path.join(__dirname, '../fixtures/modules');
for (const m of ['events', 'path', 'timers', 'module']) console.log(m, Module.builtinModules.includes(m));
console.log(Module.builtinModules.some((m) => m.startsWith('internal/')), Array.isArray(Module.builtinModules));
console.log(Module.isBuiltin('node:path'), Module.isBuiltin('path'), Module.isBuiltin('nope'), Module.isBuiltin('node:nope'));
console.log(Module === Module.Module, typeof Module._load, typeof Module._resolveFilename, typeof Module.wrap);
const req = Module.createRequire(path.join(F, 'anything.js'));
console.log(req('plain').name, req.resolve('plain') === path.join(F, 'node_modules/plain/index.js'));
const req2 = Module.createRequire(F + '/');
console.log(req2('./dir-index').name);
console.log(path.relative(F, require.resolve('plain', { paths: [F] })));
console.log(path.relative(F, require.resolve('./augment', { paths: [F] })));
console.log(require.resolve('fs'), require.resolve('node:path'));
console.log(require.resolve.paths('fs'), require.resolve.paths('./x')[0] === __dirname);
console.log(require.resolve.paths('plain')[0] === path.join(__dirname, 'node_modules'));
try { Module.createRequire('relative/path'); } catch (e) { console.log(e.code); }
