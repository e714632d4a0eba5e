// Callback API: results and errors arrive asynchronously; bad arguments throw synchronously.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-callbacks-'));
const clean = (s) => String(s).split(dir).join('D');
const f = path.join(dir, 'f');
let sync = true;
const steps = [
  (next) => fs.writeFile(f, 'data', (err) => { assert.strictEqual(sync, false); console.log('writeFile', err); next(); }),
  (next) => fs.appendFile(f, '+more', next),
  (next) => fs.readFile(f, 'utf8', (err, s) => { console.log('readFile', err, s); next(); }),
  (next) => fs.readFile(f, (err, b) => { console.log('readFile buf', Buffer.isBuffer(b), b.length); next(); }),
  (next) => fs.stat(f, (err, st) => { console.log('stat', err, st.size, st.isFile(), st instanceof fs.Stats); next(); }),
  (next) => fs.lstat(dir, { bigint: true }, (err, st) => { console.log('lstat bigint', typeof st.size, st.isDirectory()); next(); }),
  (next) => fs.mkdir(path.join(dir, 'x/y'), { recursive: true }, (err, first) => { console.log('mkdir', err, clean(first)); next(); }),
  (next) => fs.readdir(dir, (err, list) => { console.log('readdir', err, list); next(); }),
  (next) => fs.readdir(dir, { withFileTypes: true }, (err, list) => { console.log('readdir types', list.map((d) => d.name + d.isDirectory())); next(); }),
  (next) => fs.access(path.join(dir, 'nope'), (err) => {
    console.log('access', err.code, clean(err.message), err.errno, err.syscall, clean(err.path), Object.keys(err).join());
    next();
  }),
  (next) => fs.readFile(path.join(dir, 'nope'), (err, data) => { console.log('readFile missing', err.code, err.syscall, data); next(); }),
  (next) => fs.copyFile(f, path.join(dir, 'g'), (err) => { console.log('copyFile', err, fs.readFileSync(path.join(dir, 'g'), 'utf8')); next(); }),
  (next) => fs.rename(path.join(dir, 'g'), path.join(dir, 'h'), (err) => { console.log('rename', err, fs.existsSync(path.join(dir, 'h'))); next(); }),
  (next) => fs.open(f, 'r', (err, fd) => {
    const buf = Buffer.alloc(4);
    fs.read(fd, buf, 0, 4, 0, (err, n, b) => {
      console.log('read', err, n, b === buf, b.toString());
      fs.fstat(fd, (err, st) => { console.log('fstat', st.size); fs.close(fd, next); });
    });
  }),
  (next) => fs.open(path.join(dir, 'w'), 'w', (err, fd) => {
    fs.write(fd, 'text', (err, n, s) => {
      console.log('write string', err, n, s);
      fs.write(fd, Buffer.from('!!'), 0, 2, null, (err, n) => { console.log('write buf', n); fs.close(fd, next); });
    });
  }),
  (next) => fs.unlink(path.join(dir, 'w'), (err) => { console.log('unlink', err); next(); }),
  (next) => fs.exists(f, (e) => { console.log('exists', e); next(); }),
  (next) => fs.rm(dir, { recursive: true }, (err) => { console.log('rm', err, fs.existsSync(dir)); next(); }),
];
function run(i) {
  if (i === steps.length) return console.log('done');
  steps[i]((err) => { if (err) throw err; run(i + 1); });
}
run(0);
sync = false;
assert.throws(() => fs.readFile(f), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.stat(5, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.mkdir(f, { recursive: 'yes' }, () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
