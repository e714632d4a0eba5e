// Module.wrapper and Module.wrap as code injectors use them (rewire, proxyquire-likes): once
// either is changed, modules compile from Module.wrap(source), as node's do; put back, the
// injected code is gone from modules loaded next.
const Module = require('module');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spindle-wrap-'));
const file = path.join(dir, 'target.js');
fs.writeFileSync(file, 'const secret = 41;\nmodule.exports = { seen: typeof injected, line: new Error().stack.includes("target.js") };');
const load = () => { delete require.cache[file]; return require(file); };

console.log('plain', load().seen, Array.isArray(Module.wrapper), Module.wrapper.length, typeof Module.wrap);
const original = Module.wrapper[0];
Module.wrapper[0] = original + 'var injected = "by wrapper"; ';
console.log('wrapper element set', load().seen);
Module.wrapper[0] = original;
const originalWrap = Module.wrap;
Module.wrap = (source) => originalWrap(`var injected = 1; module.__get__ = (n) => eval(n); ${source}`);
const m = load();
console.log('wrap replaced', m.seen, m.line, require.cache[file].__get__('secret'), m === require(file));
console.log('wrapped source', Module.wrap('x').includes('var injected = 1'), originalWrap('x') === `${original}x${Module.wrapper[1]}`);
Module.wrap = originalWrap;
console.log('put back', load().seen);
fs.rmSync(dir, { recursive: true });
