// fs.watch on a directory: a new file is 'rename', a write to it 'change' (the filename
// given), close() emits 'close'; a missing path is node's ENOENT error; a watcher made
// with persistent: false does not keep the process alive (this test exits with one open).
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-'));
const file = path.join(dir, 'a.txt');

const w = fs.watch(dir);
console.log(w.constructor.name, 'FSWatcher' in fs, w instanceof require('events'));
const seen = new Set();
w.on('change', (type, name) => {
  seen.add(`${type} ${name}`);
  if (seen.has('rename a.txt') && !seen.has('appended')) {
    seen.add('appended');
    fs.appendFileSync(file, 'more');
  }
  if (seen.has('change a.txt') && !seen.has('closing')) {
    seen.add('closing');
    w.close();
  }
});
w.on('close', () => {
  console.log('events', [...seen].filter((e) => e.includes(' ')).sort());
  fs.rmSync(dir, { recursive: true });
  try { fs.watch(path.join(dir, 'nope')); } catch (e) {
    console.log(e.code, e.errno, e.syscall, e.message.replace(dir, 'DIR'), e.filename === path.join(dir, 'nope'));
  }
  try { fs.watch(5); } catch (e) { console.log(e.code, e.message); }
  const quiet = fs.watch(__filename, { persistent: false }, () => {});
  console.log('left open, unreferenced', typeof quiet.close);
});
setTimeout(() => fs.writeFileSync(file, 'x'), 20);
