// System errors carry errno/code/syscall/path(/dest) like Node; argument errors use ERR_* codes.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-errors-'));
const clean = (s) => String(s).split(dir).join('D');
function show(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    console.log(label, e.name, e.code, clean(e.message), e.errno, e.syscall, clean(e.path), clean(e.dest),
      Object.keys(e).join(','), e instanceof Error);
  }
}
try {
  const f = path.join(dir, 'f');
  fs.writeFileSync(f, 'x');
  const nope = path.join(dir, 'nope');
  show('readFile', () => fs.readFileSync(nope));
  show('readFile dir', () => fs.readFileSync(dir));
  show('readFile badfd', () => fs.readFileSync(987654));
  show('open', () => fs.openSync(path.join(nope, 'x'), 'w'));
  show('stat', () => fs.statSync(nope));
  show('lstat', () => fs.lstatSync(nope));
  show('stat enotdir', () => fs.statSync(path.join(f, 'x'), { throwIfNoEntry: false }));
  console.log('throwIfNoEntry', fs.statSync(nope, { throwIfNoEntry: false }), fs.lstatSync(nope, { throwIfNoEntry: false }));
  show('readdir', () => fs.readdirSync(f));
  show('mkdir', () => fs.mkdirSync(dir));
  show('rmdir', () => fs.rmdirSync(nope));
  show('unlink dir', () => fs.unlinkSync(dir));
  show('rename', () => fs.renameSync(nope, path.join(dir, 'other')));
  show('copyFile', () => fs.copyFileSync(nope, path.join(dir, 'other')));
  show('copyFile excl', () => fs.copyFileSync(f, f, fs.constants.COPYFILE_EXCL));
  show('symlink', () => fs.symlinkSync(f, f));
  show('link', () => fs.linkSync(nope, path.join(dir, 'l')));
  show('readlink', () => fs.readlinkSync(f));
  show('access', () => fs.accessSync(nope));
  show('chmod', () => fs.chmodSync(nope, 0o644));
  show('mkdtemp', () => { try { fs.mkdtempSync(path.join(nope, 'x-')); } catch (e) { e.message = e.message.replace(/x-.{6}'/, "x-XXXXXX'"); e.path = e.path.replace(/x-.{6}$/, 'x-XXXXXX'); throw e; } });
  show('realpath', () => fs.realpathSync(path.join(nope, 'x')));
  show('realpath.native', () => fs.realpathSync.native(path.join(nope, 'x')));
  show('close', () => fs.closeSync(999));
  // argument validation
  show('path type', () => fs.statSync(12));
  show('path null byte', () => fs.readFileSync('a\0b'));
  show('flags', () => fs.openSync(f, 'zz'));
  show('data type', () => fs.writeFileSync(f, 12));
  show('encoding', () => fs.readFileSync(f, 'bogus'));
  show('mode string', () => fs.mkdirSync(path.join(dir, 'm'), 'zz'));
  show('recursive type', () => fs.mkdirSync(path.join(dir, 'm'), { recursive: 1 }));
  show('access mode', () => fs.accessSync(f, 8));
  show('fd', () => fs.closeSync(-1));
  show('fd type', () => fs.fstatSync('1'));
  show('buffer', () => fs.readSync(0, 'x'));
  show('length', () => fs.readSync(0, Buffer.alloc(2), 0, 5, 0));
  show('write data', () => fs.writeSync(1, 5));
  show('prefix', () => fs.mkdtempSync(5));
  show('cb', () => fs.readFile(f));
  show('cb opts', () => fs.readFile(f, 'utf8'));
  show('cb stat', () => fs.stat(f, 5));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
