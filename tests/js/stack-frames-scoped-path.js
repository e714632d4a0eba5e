// Stack frames of code under a path with '@' in it (node_modules/@scope/pkg): a CallSite's
// getFileName() is the whole path, from Error.captureStackTrace and from a new Error() with
// Error.prepareStackTrace set. The frame was split at the path's '@' ("scope/pkg/..."), so
// callsite-based packages (@phenomnomnominal/worker-require) looked up the wrong file.
const path = require('path');
const scoped = require('../fixtures/modules/@scope/where');
const rel = (s) => s.split(path.join(__dirname, '..')).join('<tests>');

console.log('captureStackTrace:', rel(scoped.fileFromCallSite()));

Error.prepareStackTrace = (err, frames) => frames.map((f) => [f.getFileName(), f.getFunctionName()]);
const frames = scoped.makeError().stack;
Error.prepareStackTrace = undefined;
console.log('new Error():', rel(frames[0][0]), frames[0][1]);
