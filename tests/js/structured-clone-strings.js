// Strings of every length from 0 to 100 and a few long ones, Latin-1 and
// two-byte, survive structuredClone and a worker round trip unchanged (the codec
// decodes short Latin-1 strings in chunks of 8 and long ones in slices).
const { Worker } = require('worker_threads');
const alphabets = ['abcXYZ019-_', '\u00e9\u00ff\u00a0\u0080abc', 'a\u20acb\u4e2dc\ud83d\ude00d'];
const strings = [];
for (const abc of alphabets) {
  for (let n = 0; n <= 100; n++) {
    let s = '';
    for (let i = 0; i < n; i++) s += abc[(i * 7 + n) % abc.length];
    strings.push(s);
  }
  for (const n of [1000, 8191, 8192, 8193, 20000]) strings.push(abc.repeat(Math.ceil(n / abc.length)).slice(0, n));
}
const copy = structuredClone(strings);
const bad = strings.filter((s, i) => copy[i] !== s).length;
console.log('structuredClone:', strings.length, 'strings,', bad, 'changed');
const w = new Worker('const { parentPort } = require("worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));', { eval: true });
w.on('message', (back) => {
  const changed = strings.filter((s, i) => back[i] !== s).length;
  console.log('worker round trip:', back.length, 'strings,', changed, 'changed; object keys kept:',
    Object.keys(back[back.length - 1]).join(','));
  w.terminate();
});
const keyed = {};
for (const s of strings.slice(0, 40)) keyed[s] = s.length;
w.postMessage([...strings, keyed]);
