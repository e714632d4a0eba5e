// Strings of up to 32 bytes are decoded through caches kept across messages (keys
// and values, found by a hash of their bytes, bypassed while they mostly miss). Every
// message must still come out exactly as sent: strings that differ only in
// length or in a zero or high byte, repeated keys, unique values that flood the
// caches, and repeated ones again after the flood.
const { Worker } = require('worker_threads');
const short = ['', '\0', '\0\0', 'a', 'a\0', '\0a', 'ab', 'abc', 'abcdef', 'abcdefg', 'abcdeg',
  '\u00ff', '\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff', '\u00e9t\u00e9', '\u20ac', 'x\u4e2d', '__proto__', 'id', 'name',
  'createdAt', 'description', 'abcdefghijklmnopqrstuvwxyz01234', 'abcdefghijklmnopqrstuvwxyz01235',
  'abcdefghijklmnopqrstuvwxyz012345', 'abcdefghijklmnopqrstuvwxyz0123456', '\0'.repeat(32), '\0'.repeat(31)];
function make(round) {
  const o = {};
  for (let i = 0; i < short.length; i++) o[short[(i + round) % short.length]] = short[(i * 3 + round) % short.length];
  o.unique = String(100000 + round * 7).slice(1); // a fresh value almost every message
  o.list = [short[round % short.length], 'id' + (round % 5), round];
  return o;
}
function same(a, b) {
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.join('|') !== kb.join('|')) return false;
  for (const k of ka) {
    if (Array.isArray(a[k])) { if (a[k].join('|') !== b[k].join('|')) return false; }
    else if (a[k] !== b[k]) return false;
  }
  return Object.getPrototypeOf(b) === Object.prototype;
}
// Under TSan fewer rounds: the engine's collector can hang there (Thread::suspend waits for
// a signal TSan defers; see the Makefile), and this test allocates enough to collect often
// (two copies at a time: 6 hangs in 20 at 600 rounds, 0 in 20 at 150). 150 rounds still
// take the tables past a realm's first 256 strings and through several 256-lookup epochs.
const ROUNDS = process.env.SPINDLE_SANITIZER === 'thread' ? 150 : 3000;
let bad = 0;
for (let r = 0; r < ROUNDS; r++) if (!same(make(r), structuredClone(make(r)))) bad++;
console.log('structuredClone:', ROUNDS, 'messages,', bad, 'changed');

const w = new Worker('const { parentPort } = require("worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));', { eval: true });
let got = 0, changed = 0;
w.on('message', (m) => {
  if (!same(make(got), m)) changed++;
  if (++got === ROUNDS) {
    console.log('worker round trips:', got, 'messages,', changed, 'changed');
    w.terminate();
  }
});
for (let r = 0; r < ROUNDS; r++) w.postMessage(make(r));
