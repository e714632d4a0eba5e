// require.cache: modules load once; deleting the entry reloads; module/exports identity.
const path = require('path');
const file = path.join(__dirname, '../fixtures/modules/counter.js');
const a = require('../fixtures/modules/counter');
const b = require('../fixtures/modules/counter.js');
console.log(a === b, a.count, require.cache[file] !== undefined, require.cache[file].exports === a);
console.log(require.cache === require('module')._cache, module.children.some((m) => m.id === file));
delete require.cache[file];
const c = require('../fixtures/modules/counter');
console.log(c === a, c.count);
console.log(require.resolve('../fixtures/modules/counter') === file);
console.log(typeof require.extensions['.js'], typeof require.extensions['.json'], Object.keys(require.extensions).join());
// a module whose load throws is not cached
const bad = path.join(__dirname, '../fixtures/modules/requires-missing.js');
try { require(bad); } catch (e) { console.log('first', e.code); }
console.log('cached after failure', bad in require.cache);
try { require(bad); } catch (e) { console.log('again', e.code); }
// module object fields
console.log(module.id, module.filename === __filename, module.loaded, path.basename(module.path));
console.log(module.paths[0] === path.join(__dirname, 'node_modules'), module.paths.at(-1));
console.log(require.main === module, module.parent, typeof module.require);
const info = require('../fixtures/modules/info');
console.log(JSON.stringify(info));
setImmediate(() => console.log('loaded later', module.loaded, require.cache[__filename].loaded));
