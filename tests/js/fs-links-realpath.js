// symlinkSync/readlinkSync/linkSync/realpathSync, lstat vs stat on links, copy/rename/access.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fs-links-')));
const clean = (s) => String(s).split(dir).join('D');
try {
  const f = path.join(dir, 'target');
  fs.writeFileSync(f, 'T');
  fs.symlinkSync('target', path.join(dir, 'rel'));
  fs.symlinkSync(path.join(dir, 'rel'), path.join(dir, 'chain'));
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.symlinkSync(path.join(dir, 'sub'), path.join(dir, 'dirlink'), 'dir');
  console.log(fs.readlinkSync(path.join(dir, 'rel')), clean(fs.readlinkSync(path.join(dir, 'chain'))));
  console.log(clean(fs.realpathSync(path.join(dir, 'chain'))), clean(fs.realpathSync.native(path.join(dir, 'dirlink'))));
  console.log(clean(fs.realpathSync(path.join(dir, 'dirlink', '..', 'sub', '.'))));
  console.log(fs.readFileSync(path.join(dir, 'chain'), 'utf8'), fs.lstatSync(path.join(dir, 'chain')).isSymbolicLink());
  console.log(Buffer.isBuffer(fs.readlinkSync(path.join(dir, 'rel'), 'buffer')), Buffer.isBuffer(fs.realpathSync(dir, { encoding: 'buffer' })));
  fs.linkSync(f, path.join(dir, 'hard'));
  console.log(fs.statSync(f).nlink, fs.statSync(path.join(dir, 'hard')).ino === fs.statSync(f).ino);
  // dangling link
  fs.symlinkSync('missing', path.join(dir, 'dangling'));
  console.log(fs.existsSync(path.join(dir, 'dangling')), fs.lstatSync(path.join(dir, 'dangling')).isSymbolicLink());
  try { fs.realpathSync(path.join(dir, 'dangling')); } catch (e) { console.log(e.code, clean(e.message)); }
  fs.copyFileSync(f, path.join(dir, 'copy'));
  assert.throws(() => fs.copyFileSync(f, path.join(dir, 'copy'), fs.constants.COPYFILE_EXCL), { code: 'EEXIST', syscall: 'copyfile' });
  fs.renameSync(path.join(dir, 'copy'), path.join(dir, 'moved'));
  console.log(fs.existsSync(path.join(dir, 'copy')), fs.readFileSync(path.join(dir, 'moved'), 'utf8'));
  fs.accessSync(f, fs.constants.R_OK | fs.constants.W_OK);
  fs.unlinkSync(path.join(dir, 'rel'));
  console.log(fs.readdirSync(dir));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
