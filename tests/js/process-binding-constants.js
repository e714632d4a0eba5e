// process.binding('constants'), which older Emscripten builds (NODEFS) read their fs flags
// from: node's public constants objects under os, fs, crypto, zlib, and the trace phases;
// the same object every time; an unknown binding is an Error. In a worker too.
const { Worker, isMainThread, parentPort } = require('worker_threads');
const c = process.binding('constants');
const lines = [
  Object.keys(c).join(),
  [c.fs.O_RDONLY, c.fs.O_WRONLY, c.fs.O_CREAT, c.fs.O_TRUNC, c.fs.S_IFMT, c.os.signals.SIGTERM, c.os.errno.ENOENT].join(),
  [c === process.binding('constants'), c.os === require('os').constants, c.fs === require('fs').constants,
    c.zlib === require('zlib').constants, c.crypto === require('crypto').constants].join(),
  JSON.stringify(c.trace),
];
try { process.binding('nope'); } catch (e) { lines.push(`${e.name} ${e.message}`); }
if (isMainThread) {
  console.log(lines.join('\n'));
  new Worker(__filename).once('message', (m) => console.log('worker sees the same:', m === lines.join('\n')));
} else {
  parentPort.postMessage(lines.join('\n'));
}
