// fs.opendirSync / fs.opendir / fs.promises.opendir and fs.Dir: entries with their types,
// read/readSync/close/closeSync (ERR_DIR_CLOSED after close), async iteration (which closes
// the Dir), node's errors (sync ones without the path).
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendir-'));
const hide = (s) => String(s).split(dir).join('<dir>');
fs.writeFileSync(path.join(dir, 'a.txt'), 'a');
fs.mkdirSync(path.join(dir, 'sub'));
fs.symlinkSync('a.txt', path.join(dir, 'link'));

const describe = (e) => `${e.name}:${e.isFile()}:${e.isDirectory()}:${e.isSymbolicLink()}:${e.path === dir}`;
const d = fs.opendirSync(dir);
console.log(d instanceof fs.Dir, d.constructor.name, d.path === dir, Object.keys(d).length);
const names = [];
let e;
while ((e = d.readSync()) !== null) names.push(describe(e));
console.log(names.sort().join(' '));
d.closeSync();
for (const op of [() => d.closeSync(), () => d.readSync()]) {
  try { op(); } catch (err) { console.log(err.name, err.code, err.message); }
}
for (const [p, o] of [[path.join(dir, 'nope')], [path.join(dir, 'a.txt')], [1], [dir, { bufferSize: 0 }], [dir, { encoding: 'nope' }]]) {
  try {
    fs.opendirSync(p, o);
  } catch (err) {
    console.log('sync', err.name, err.code, hide(err.message), err.syscall, err.path);
  }
}

(async () => {
  const d2 = await fs.promises.opendir(dir);
  const seen = [];
  for await (const ent of d2) seen.push(ent.name);
  console.log('for await', seen.sort().join(','));
  await d2.close().catch((err) => console.log('close after iteration:', err.code));

  const d3 = await fs.promises.opendir(dir);
  for await (const ent of d3) { console.log('left early after one', typeof ent.name); break; }
  await d3.close().catch((err) => console.log('closed by the break:', err.code));

  await fs.promises.opendir(path.join(dir, 'nope')).catch((err) =>
    console.log('promise', err.code, hide(err.message), err.syscall, hide(err.path)));

  const d4 = await new Promise((resolve, reject) => fs.opendir(dir, (err, x) => (err ? reject(err) : resolve(x))));
  const first = await new Promise((resolve) => d4.read((err, ent) => resolve([err, typeof ent.name])));
  console.log('callback read', first);
  const promiseRead = await d4.read();
  console.log('promise read', typeof promiseRead.name);
  await new Promise((resolve) => d4.close((err) => { console.log('callback close', err); resolve(); }));
  await new Promise((resolve) => d4.close((err) => { console.log('callback close again', err && err.code); resolve(); }));
  await new Promise((resolve) => fs.opendir(path.join(dir, 'a.txt'), (err) => {
    console.log('callback', err.code, hide(err.message), hide(err.path));
    resolve();
  }));
  try { fs.opendir(dir); } catch (err) { console.log(err.name, err.code); }
  const empty = fs.opendirSync(path.join(dir, 'sub'));
  console.log('empty', empty.readSync(), await empty.read());
  empty.closeSync();
  fs.rmSync(dir, { recursive: true });
  console.log('listed', ['Dir', 'opendir', 'opendirSync'].map((k) => Object.keys(fs).includes(k)).join(','));
  console.log('promises keys', Object.keys(fs.promises).filter((k) => /dir/.test(k)).join(','));
})();
