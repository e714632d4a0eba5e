// fs.createWriteStream / createReadStream: 'open' and 'ready', writes then 'finish' and
// 'close' with bytesWritten, a start..end range read in highWaterMark-sized chunks, pipe
// from one file to another, async iteration with an encoding, an fd given, a missing
// file's error, and node's range check.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { Readable, Writable } = require('stream');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-streams-'));
const file = path.join(dir, 'a.txt');
function step(fn) { return new Promise((resolve) => fn(resolve)); }

(async () => {
  await step((done) => {
    const log = [];
    const w = fs.createWriteStream(file);
    console.log(w.pending, w.path === file, w.bytesWritten, w instanceof Writable, w.constructor.name,
      fs.WriteStream === w.constructor);
    w.on('open', (fd) => log.push(`open ${typeof fd}`));
    w.on('ready', () => log.push('ready'));
    w.on('finish', () => log.push('finish'));
    w.write('hello ');
    w.write(Buffer.from('world'));
    w.end('\n', () => log.push('end cb'));
    w.on('close', () => {
      log.push(`close ${w.bytesWritten} pending=${w.pending}`);
      console.log(log, JSON.stringify(fs.readFileSync(file, 'utf8')));
      done();
    });
  });
  await step((done) => {
    const got = [];
    const r = fs.createReadStream(file, { start: 2, end: 7, highWaterMark: 3 });
    console.log(r instanceof Readable, r.constructor.name, r.start, r.end, r.pending);
    r.on('open', () => got.push('open'));
    r.on('ready', () => got.push('ready'));
    r.on('data', (c) => got.push(String(c)));
    r.on('end', () => got.push('end'));
    r.on('close', () => { got.push(`close ${r.bytesRead}`); console.log(got); done(); });
  });
  await step((done) => {
    const copy = path.join(dir, 'b.txt');
    fs.createReadStream(file).pipe(fs.createWriteStream(copy)).on('close', () => {
      console.log('copied', JSON.stringify(fs.readFileSync(copy, 'utf8')));
      done();
    });
  });
  let s = '';
  for await (const c of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 4 })) s += `[${c}]`;
  console.log('async', JSON.stringify(s));
  await step((done) => {
    const fd = fs.openSync(path.join(dir, 'c.txt'), 'w');
    const w = fs.createWriteStream(null, { fd });
    w.end('via fd', () => {
      w.on('close', () => { console.log('fd', fs.readFileSync(path.join(dir, 'c.txt'), 'utf8')); done(); });
    });
  });
  await step((done) => {
    const missing = fs.createReadStream(path.join(dir, 'nope'));
    missing.on('error', (e) => console.log('error', e.code, e.syscall, e.errno, typeof e.stack));
    missing.on('close', () => { console.log('closed after error'); done(); });
  });
  await step((done) => {
    const out = [];
    Readable.from(['x', 'y']).pipe(fs.createWriteStream(path.join(dir, 'd.txt'), { flags: 'a' }))
      .on('close', () => { out.push(fs.readFileSync(path.join(dir, 'd.txt'), 'utf8')); console.log('appended', out); done(); });
  });
  for (const opts of [{ start: 5, end: 2 }, { start: -1 }, { start: 'x' }]) {
    try { fs.createReadStream(file, opts); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  fs.rmSync(dir, { recursive: true });
})();
