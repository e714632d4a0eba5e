// readFileSync/writeFileSync/appendFileSync: encodings, flags, modes, fds, Buffer results.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-sync-rw-'));
try {
  const f = path.join(dir, 'a.txt');
  fs.writeFileSync(f, 'héllo\n');
  fs.appendFileSync(f, 'wörld');
  console.log(JSON.stringify(fs.readFileSync(f, 'utf8')));
  console.log(JSON.stringify(fs.readFileSync(f, { encoding: 'utf-8', flag: 'r' })));
  const buf = fs.readFileSync(f);
  console.log(Buffer.isBuffer(buf), buf.length, buf);
  console.log(fs.readFileSync(f, 'hex'), fs.readFileSync(f, 'base64'), fs.readFileSync(f, 'latin1').length);

  // bytes with NUL and invalid UTF-8 survive the string path as Node decodes them
  fs.writeFileSync(f, new Uint8Array([0x41, 0x00, 0xff, 0xc3, 0x42, 0xe2, 0x82]));
  console.log(JSON.stringify(fs.readFileSync(f, 'utf8')));

  fs.writeFileSync(f, 'ff00', 'hex');
  assert.deepStrictEqual([...fs.readFileSync(f)], [255, 0]);
  fs.writeFileSync(f, 'x', { flag: 'a' });
  assert.deepStrictEqual([...fs.readFileSync(f)], [255, 0, 120]);
  fs.writeFileSync(f, new DataView(new Uint8Array([1, 2, 3]).buffer, 1));
  assert.deepStrictEqual([...fs.readFileSync(f)], [2, 3]);

  // mode is applied on creation (umask permitting)
  const m = path.join(dir, 'mode');
  fs.writeFileSync(m, '', { mode: 0o600 });
  console.log((fs.statSync(m).mode & 0o777).toString(8));
  assert.throws(() => fs.writeFileSync(m, 'y', { flag: 'wx' }), { code: 'EEXIST', syscall: 'open' });

  // a file descriptor is written at its position and not closed
  const fd = fs.openSync(f, 'w');
  fs.writeFileSync(fd, 'one ');
  fs.appendFileSync(fd, 'two');
  fs.closeSync(fd);
  console.log(fs.readFileSync(f, 'utf8'));
  const rfd = fs.openSync(f, 'r');
  console.log(fs.readFileSync(rfd, 'utf8'), JSON.stringify(fs.readFileSync(rfd, 'utf8')));
  fs.closeSync(rfd);

  // big file crosses the read buffer size
  const big = 'x'.repeat(100000) + 'end';
  fs.writeFileSync(f, big);
  assert.strictEqual(fs.readFileSync(f, 'utf8'), big);
  assert.strictEqual(fs.readFileSync(f).length, 100003);
  console.log('ok');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
