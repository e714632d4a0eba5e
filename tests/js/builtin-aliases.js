// Builtins that are other builtins under another name: process, sys (util, with its
// deprecation warning), path/posix and path/win32; all listed in builtinModules.
'use strict';
const { builtinModules } = require('module');
console.log(require('process') === process, require('node:process') === process);
console.log(require('path/posix') === require('path').posix, require('path/win32') === require('path').win32);
let warned = null;
process.on('warning', (w) => { warned = [w.name, w.code, w.message]; });
console.log(require('sys') === require('util'));
setImmediate(() => console.log('warning', warned));
console.log(['process', 'sys', 'path/posix', 'path/win32', 'tty', 'child_process', 'async_hooks']
  .map((m) => builtinModules.includes(m)));
