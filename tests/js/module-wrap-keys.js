// require('module'): wrap/wrapper are accessors that Object.keys does not list (as node's),
// and spindle's own helpers are not among the keys either.
const Module = require('module');
const keys = Object.keys(Module);
console.log(['wrap', 'wrapper', '_evalGlobals', 'evalScript'].map((k) => `${k}:${keys.includes(k)}`).join(' '));
console.log(JSON.stringify(Module.wrap('return 1;')));
console.log(Module.wrapper.length, typeof Object.getOwnPropertyDescriptor(Module, 'wrap').get);
for (const k of ['builtinModules', 'createRequire', 'isBuiltin', '_load', '_resolveFilename', '_extensions', '_cache']) {
  if (!keys.includes(k)) console.log('missing', k);
}
