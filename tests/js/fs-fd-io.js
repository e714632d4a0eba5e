// openSync/readSync/writeSync/fstatSync/closeSync with offsets and positions, ftruncate, fsync.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-fd-io-'));
try {
  const f = path.join(dir, 'f');
  const fd = fs.openSync(f, 'w+', 0o644);
  assert.strictEqual(typeof fd, 'number');
  console.log(fs.writeSync(fd, 'hello world'));
  console.log(fs.writeSync(fd, Buffer.from('HELLO'), 0, 5, 0));
  console.log(fs.writeSync(fd, 'é', 20), fs.fstatSync(fd).size);
  console.log(fs.writeSync(fd, new Uint8Array([33, 34, 35]), 1));
  console.log(fs.writeSync(fd, Buffer.from('abcdef'), { offset: 2, length: 2, position: 5 }));
  const b = Buffer.alloc(30);
  console.log(fs.readSync(fd, b, 0, 30, 0), JSON.stringify(b.toString('latin1')));
  const small = Buffer.alloc(4);
  console.log(fs.readSync(fd, small, { position: 6 }), small.toString());
  console.log(fs.readSync(fd, small, 1, 2, 0), [...small]);
  console.log(fs.readSync(fd, Buffer.alloc(4), 0, 0, 0), fs.readSync(fd, Buffer.alloc(4), 0, 4, 1000));
  fs.ftruncateSync(fd, 3);
  fs.fsyncSync(fd);
  fs.fdatasyncSync(fd);
  console.log(fs.fstatSync(fd).size, fs.fstatSync(fd).isFile());
  fs.closeSync(fd);
  assert.throws(() => fs.fstatSync(fd), { code: 'EBADF', syscall: 'fstat' });
  fs.truncateSync(f);
  console.log(fs.statSync(f).size);
  // sequential reads advance the file position
  fs.writeFileSync(f, '0123456789');
  const r = fs.openSync(f, 'r');
  const one = Buffer.alloc(3);
  const got = [];
  let n;
  while ((n = fs.readSync(r, one, 0, 3, null)) > 0) got.push(one.toString('utf8', 0, n));
  fs.closeSync(r);
  console.log(got);
  const a = fs.openSync(f, 'a');
  fs.writeSync(a, 'AB');
  fs.closeSync(a);
  console.log(fs.readFileSync(f, 'utf8'));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
