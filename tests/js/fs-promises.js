// fs/promises: same module as fs.promises; invalid arguments reject instead of throwing; FileHandle basics.
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');

(async () => {
  assert.strictEqual(fs.promises, fsp);
  assert.strictEqual(require('node:fs/promises'), fsp);
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'fs-promises-'));
  const clean = (s) => String(s).split(dir).join('D');
  try {
    const f = path.join(dir, 'f');
    await fsp.writeFile(f, 'héllo');
    await fsp.appendFile(f, new Uint8Array([33]));
    console.log(await fsp.readFile(f, 'utf8'), await fsp.readFile(f), (await fsp.readFile(f, { encoding: 'base64' })));
    const st = await fsp.stat(f);
    console.log(st.size, st.isFile(), (await fsp.lstat(dir)).isDirectory());
    console.log(clean(await fsp.mkdir(path.join(dir, 'a/b'), { recursive: true })));
    await fsp.writeFile(path.join(dir, 'a/b/c'), '');
    console.log(await fsp.readdir(dir), await fsp.readdir(dir, { recursive: true }));
    console.log((await fsp.readdir(dir, { withFileTypes: true })).map((d) => [d.name, d.isDirectory()]));
    await fsp.copyFile(f, path.join(dir, 'g'));
    await fsp.rename(path.join(dir, 'g'), path.join(dir, 'h'));
    await fsp.access(path.join(dir, 'h'), fs.constants.R_OK);
    await fsp.symlink('h', path.join(dir, 'l'));
    console.log(await fsp.readlink(path.join(dir, 'l')), clean(await fsp.realpath(path.join(dir, 'l'))));
    await fsp.truncate(path.join(dir, 'h'), 2);
    console.log((await fsp.stat(path.join(dir, 'h'))).size);
    await fsp.unlink(path.join(dir, 'h'));
    await fsp.chmod(f, 0o600);
    console.log(((await fsp.stat(f)).mode & 0o777).toString(8));
    const rejections = [
      () => fsp.readFile(path.join(dir, 'nope')),
      () => fsp.stat(5),
      () => fsp.rm(path.join(dir, 'a')),
      () => fsp.mkdir(dir),
      () => fsp.unlink(path.join(dir, 'nope')),
      () => fsp.writeFile(f, 12),
      () => fsp.access(path.join(dir, 'nope')),
      () => fsp.rmdir(path.join(dir, 'a')),
    ];
    for (const fn of rejections) {
      const p = fn();
      assert.ok(p instanceof Promise);
      try { await p; console.log('resolved?'); } catch (e) { console.log(e.code, clean(e.message), e.syscall); }
    }
    const fh = await fsp.open(f, 'r+');
    assert.strictEqual(typeof fh.fd, 'number');
    const { bytesRead, buffer } = await fh.read(Buffer.alloc(3), 0, 3, 0);
    console.log(bytesRead, buffer);
    console.log(await fh.write('HI', 0), (await fh.stat()).size);
    console.log(await fh.readFile('utf8'));
    await fh.truncate(1);
    await fh.close();
    console.log(await fsp.readFile(f, 'utf8'));
    await fsp.rm(path.join(dir, 'a'), { recursive: true });
    await fsp.rm(path.join(dir, 'nope'), { force: true });
    console.log(await fsp.readdir(dir));
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
  console.log(fs.existsSync(dir));
})();
