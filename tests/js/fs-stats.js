// Stats objects: fields, Dates, predicates, bigint, chmod/utimes effects.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-stats-'));
try {
  const f = path.join(dir, 'f');
  fs.writeFileSync(f, 'abcd');
  const st = fs.statSync(f);
  console.log(Object.keys(st).join(','));
  console.log(st instanceof fs.Stats, st.constructor.name, st.size, st.isFile(), st.isDirectory(),
    st.isSymbolicLink(), st.isFIFO(), st.isSocket(), st.isBlockDevice(), st.isCharacterDevice());
  assert.ok(st.mtime instanceof Date && st.atime instanceof Date && st.ctime instanceof Date);
  assert.strictEqual(st.mtime.getTime(), Math.round(st.mtimeMs));
  assert.strictEqual(typeof st.ino, 'number');
  assert.strictEqual(st.nlink, 1);
  fs.chmodSync(f, '640');
  console.log((fs.statSync(f).mode & 0o777).toString(8));
  fs.chmodSync(f, 0o604);
  console.log((fs.statSync(f).mode & 0o777).toString(8));
  fs.utimesSync(f, 1000, new Date(2000500));
  const s2 = fs.statSync(f);
  console.log(s2.atimeMs, s2.mtimeMs, s2.atime.toISOString(), s2.mtime.toISOString());
  fs.utimesSync(f, '1500', 1500.25);
  console.log(fs.statSync(f).mtimeMs);
  const big = fs.statSync(f, { bigint: true });
  console.log(typeof big.size, big.size, big.mtimeMs, big.mtimeNs, big.isFile());
  console.log(fs.statSync(dir).isDirectory(), fs.lstatSync(dir).isDirectory());
  fs.symlinkSync(f, path.join(dir, 'l'));
  console.log(fs.lstatSync(path.join(dir, 'l')).isSymbolicLink(), fs.statSync(path.join(dir, 'l')).isSymbolicLink());
  const fd = fs.openSync(f, 'r');
  assert.strictEqual(fs.fstatSync(fd).ino, st.ino);
  fs.closeSync(fd);
  const fake = new fs.Stats(1, 0o100644, 1, 0, 0, 0, 4096, 7, 10, 8, 0, 1e3, 2e3, 3e3);
  console.log(fake);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
