// fs.writev/writevSync and fs.readv/readvSync: gathered writes (at the file's offset and at
// a position), a read scattered over several buffers, the callback's arguments, and node's
// argument check.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writev-'));
const fd = fs.openSync(path.join(dir, 'f'), 'w+');
console.log(fs.writevSync(fd, [Buffer.from('ab'), new Uint8Array([99, 100])]), fs.writevSync(fd, [Buffer.from('X')], 1),
  fs.writevSync(fd, []));
const a = Buffer.alloc(2);
const b = Buffer.alloc(3);
console.log(fs.readvSync(fd, [a, b], 0), String(a), JSON.stringify(String(b)));
for (const bad of ['x', [1], null]) {
  try { fs.writevSync(fd, bad); } catch (e) { console.log(e.code, e.message); }
}
fs.writev(fd, [Buffer.from('zz')], 0, (e, n, bufs) => {
  console.log(e, n, bufs.length);
  fs.readv(fd, [Buffer.alloc(1), Buffer.alloc(10)], 0, (e2, n2, bs) => {
    console.log(e2, n2, String(bs[0]), JSON.stringify(String(bs[1])));
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true });
  });
});
