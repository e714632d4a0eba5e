// readdirSync: sorted names, withFileTypes (Dirent), recursive (breadth first), buffer encoding.
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-readdir-'));
const clean = (s) => (typeof s === 'string' ? s.split(dir).join('D') : s);
try {
  fs.mkdirSync(path.join(dir, 'sub/deeper'), { recursive: true });
  for (const f of ['b.txt', 'a.txt', 'sub/c.txt', 'sub/deeper/d.txt', 'Z']) fs.writeFileSync(path.join(dir, f), f);
  fs.symlinkSync('a.txt', path.join(dir, 'ln'));
  console.log(fs.readdirSync(dir));
  console.log(fs.readdirSync(dir, { recursive: true }));
  const ents = fs.readdirSync(dir, { withFileTypes: true });
  for (const e of ents) {
    console.log(e.name, clean(e.path), clean(e.parentPath), e.isFile(), e.isDirectory(), e.isSymbolicLink(),
      e.isFIFO(), e.isSocket(), e.isBlockDevice(), e.isCharacterDevice(), e instanceof fs.Dirent);
  }
  console.log(fs.readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => `${clean(e.parentPath)}|${e.name}`));
  const bufs = fs.readdirSync(dir, 'buffer');
  console.log(Buffer.isBuffer(bufs[0]), bufs.map(String));
  console.log(fs.readdirSync(path.join(dir, 'sub', 'deeper')), fs.readdirSync(new URL(`file://${dir}/sub`)));
  const d = fs.readdirSync(path.join(dir, 'sub'), { withFileTypes: true })[0];
  d.parentPath = 'P'; d.path = 'P';
  console.log(d);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
