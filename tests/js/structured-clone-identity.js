// Shared and circular references keep their identity in a clone, for messages
// with few objects and with many (the encoder's identity and key tables change
// representation as they grow), with objects referred to before and after that
// point, and with many distinct keys.
const { Worker } = require('worker_threads');
function make(n) {
  const root = { items: [] };
  for (let i = 0; i < n; i++) {
    const o = { i, ['k' + i]: i * 2 };
    o.self = o;
    o.root = root;
    if (i > 0) o.prev = root.items[i - 1];
    if (i >= 10) o.back10 = root.items[i - 10];
    root.items.push(o);
  }
  root.first = root.items[0];
  root.last = root.items[n - 1];
  root.again = root.items;
  return root;
}
function check(c, n) {
  const bad = [];
  if (c.again !== c.items) bad.push('again');
  if (n && c.first !== c.items[0]) bad.push('first');
  if (n && c.last !== c.items[n - 1]) bad.push('last');
  for (let i = 0; i < n; i++) {
    const o = c.items[i];
    if (o.i !== i || o['k' + i] !== i * 2) bad.push('value ' + i);
    if (o.self !== o || o.root !== c) bad.push('self/root ' + i);
    if (i > 0 && o.prev !== c.items[i - 1]) bad.push('prev ' + i);
    if (i >= 10 && o.back10 !== c.items[i - 10]) bad.push('back10 ' + i);
    if (Object.keys(o).join() !== Object.keys(make(n).items[i]).join()) bad.push('keys ' + i);
  }
  return bad.length ? bad.slice(0, 3).join(', ') : 'ok';
}
const sizes = [0, 1, 5, 14, 15, 16, 17, 40, 300];
for (const n of sizes) console.log('structuredClone', n, check(structuredClone(make(n)), n));
const w = new Worker('const { parentPort } = require("worker_threads"); parentPort.on("message", (m) => parentPort.postMessage(m));', { eval: true });
let k = 0;
w.on('message', (m) => {
  console.log('worker echo', sizes[k], check(m, sizes[k]));
  if (++k === sizes.length) w.terminate();
});
for (const n of sizes) w.postMessage(make(n));
