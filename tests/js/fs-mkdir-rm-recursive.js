// mkdirSync recursive returns the first directory created; rmSync/rmdirSync recursive and force.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-mkdir-rm-'));
const clean = (s) => (typeof s === 'string' ? s.split(dir).join('D') : s);
try {
  console.log(clean(fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true })));
  console.log(clean(fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true })));
  console.log(clean(fs.mkdirSync(path.join(dir, 'a/b/d'), { recursive: true, mode: 0o700 })));
  console.log(fs.mkdirSync(path.join(dir, 'plain')), fs.statSync(path.join(dir, 'plain')).isDirectory());
  fs.writeFileSync(path.join(dir, 'file'), '');
  assert.throws(() => fs.mkdirSync(path.join(dir, 'file/x/y'), { recursive: true }),
    { code: 'ENOTDIR', syscall: 'mkdir', path: path.join(dir, 'file/x/y') });
  assert.throws(() => fs.mkdirSync(path.join(dir, 'file'), { recursive: true }), { code: 'EEXIST' });
  assert.throws(() => fs.mkdirSync(path.join(dir, 'q/r')), { code: 'ENOENT', path: path.join(dir, 'q/r') });

  fs.writeFileSync(path.join(dir, 'a/b/c/f1'), '1');
  fs.writeFileSync(path.join(dir, 'a/f2'), '2');
  fs.symlinkSync(path.join(dir, 'file'), path.join(dir, 'a/link'));

  try { fs.rmSync(path.join(dir, 'a')); } catch (e) {
    console.log(e.name, e.code, clean(e.message), e.errno, e.syscall, clean(e.path), JSON.stringify(clean(e.info.path)), Object.keys(e).join());
  }
  assert.throws(() => fs.rmSync(path.join(dir, 'missing')), { code: 'ENOENT', syscall: 'lstat' });
  fs.rmSync(path.join(dir, 'missing'), { force: true });
  fs.rmSync(path.join(dir, 'missing'), { recursive: true, force: true });
  assert.throws(() => fs.rmdirSync(path.join(dir, 'a')), { code: 'ENOTEMPTY', syscall: 'rmdir' });
  fs.rmSync(path.join(dir, 'a'), { recursive: true });
  console.log(fs.existsSync(path.join(dir, 'a')), fs.existsSync(path.join(dir, 'file')));
  fs.rmSync(path.join(dir, 'file'));
  fs.mkdirSync(path.join(dir, 'x/y'), { recursive: true });
  fs.rmdirSync(path.join(dir, 'x/y'));
  fs.rmdirSync(path.join(dir, 'x'));
  console.log(fs.readdirSync(dir));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(fs.existsSync(dir));
