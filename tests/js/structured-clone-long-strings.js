// Long strings (Latin-1 with NUL and high bytes, ASCII, two-byte with surrogate
// pairs, a lone surrogate) around the length where the codec switches to its
// native path, as values and as keys, survive structuredClone and a worker.
const { Worker } = require('worker_threads');
const bases = ['ascii text, JSON-ish {"a":1} ', 'latin1 \u00e9\u00ff\u0000\u0080 ', 'wide \u4e2d\u20ac \ud83d\ude00 ', 'lone \ud800 x '];
const strings = [];
for (const b of bases) {
  for (const n of [150, 191, 192, 193, 255, 256, 257, 1000, 65536, 100003]) strings.push(b.repeat(Math.ceil(n / b.length)).slice(0, n));
}
const keyed = {};
strings.forEach((s, i) => { if (s.length < 2000) keyed[s] = i; });
function check(m) {
  const [list, obj] = m;
  const changed = strings.filter((s, i) => list[i] !== s).length;
  const keys = Object.keys(obj);
  const keysOk = keys.length === Object.keys(keyed).length && keys.every((k) => obj[k] === keyed[k]);
  return `${list.length} strings, ${changed} changed, keys ${keysOk ? 'kept' : 'changed'}`;
}
console.log('structuredClone:', check(structuredClone([strings, keyed])));
const w = new Worker('const { parentPort } = require("worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));', { eval: true });
w.on('message', (m) => { console.log('worker round trip:', check(m)); w.terminate(); });
w.postMessage([strings, keyed]);
