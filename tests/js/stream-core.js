// stream: Readable (flowing and paused modes, 'readable' + read(n), setEncoding across a
// split character, objectMode, push's return value, unshift), Writable (back-pressure and
// 'drain', cork + _writev, _final, errors, write after end), Transform/PassThrough, pipe
// with a slow destination, pipeline (and a failing stage), finished (premature close),
// async iteration (and breaking out of it), Readable.from, Duplex with allowHalfOpen:
// false. Each case logs its events in order; the logs must be node's.
'use strict';
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = stream;

function track(name, s, log, events = ['end', 'finish', 'close', 'error', 'drain', 'prefinish', 'pause', 'resume']) {
  for (const e of events) s.on(e, (x) => log.push(`${name}:${e}${e === 'error' ? `(${x.message})` : ''}`));
}
const cases = [];
function test(name, fn) { cases.push([name, fn]); }

test('flowing', (done) => {
  const log = [];
  const r = new Readable({ read() {} });
  track('r', r, log);
  r.on('data', (c) => log.push(`data ${c}`));
  log.push(`push ${r.push('a')} ${r.push('b')}`);
  r.push(null);
  r.on('close', () => done(log));
});

test('paused read(n)', (done) => {
  const log = [];
  const r = new Readable({ read() {} });
  track('r', r, log);
  r.push('hello world');
  r.push(null);
  r.on('readable', () => {
    let c;
    while ((c = r.read(4)) !== null) log.push(`read ${c}`);
    log.push(`readable done len=${r.readableLength}`);
  });
  r.on('close', () => done(log));
});

test('setEncoding split char', (done) => {
  const log = [];
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  const euro = Buffer.from('€');
  r.push(euro.subarray(0, 1));
  r.push(euro.subarray(1));
  r.push(Buffer.from('!'));
  r.push(null);
  r.on('data', (c) => log.push(JSON.stringify(c)));
  r.on('end', () => done(log));
});

test('objectMode and highWaterMark', (done) => {
  const log = [];
  const r = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
  log.push(`push ${r.push({ a: 1 })} ${r.push(2)} ${r.push('three')} len=${r.readableLength}`);
  r.unshift('zero');
  r.push(null);
  r.on('data', (c) => log.push(`data ${JSON.stringify(c)}`));
  r.on('end', () => done(log));
});

test('read() pulls _read', (done) => {
  const log = [];
  let n = 0;
  const r = new Readable({
    highWaterMark: 4,
    read(size) {
      log.push(`_read ${size}`);
      n++;
      if (n <= 3) this.push(`c${n}`);
      else this.push(null);
    },
  });
  r.on('data', (c) => log.push(`data ${c}`));
  r.on('end', () => done(log));
});

test('writable back-pressure', (done) => {
  const log = [];
  const w = new Writable({
    highWaterMark: 3,
    write(chunk, enc, cb) { log.push(`write ${chunk} ${enc}`); setImmediate(cb); },
  });
  track('w', w, log);
  log.push(`ret ${w.write('ab')} ${w.write('cd')} len=${w.writableLength} needDrain=${w.writableNeedDrain}`);
  w.once('drain', () => {
    log.push('drained');
    w.end('e', () => log.push('end cb'));
  });
  w.on('close', () => done(log));
});

test('cork and writev', (done) => {
  const log = [];
  const w = new Writable({
    write(chunk, enc, cb) { log.push(`write ${chunk}`); cb(); },
    writev(chunks, cb) { log.push(`writev ${chunks.map((c) => String(c.chunk)).join('+')}`); cb(); },
    final(cb) { log.push('final'); cb(); },
  });
  track('w', w, log);
  w.write('a');
  w.cork();
  w.write('b');
  w.write('c');
  log.push(`corked ${w.writableCorked}`);
  process.nextTick(() => { w.uncork(); w.end(); });
  w.on('close', () => done(log));
});

test('write error', (done) => {
  const log = [];
  const w = new Writable({ write(chunk, enc, cb) { cb(new Error('disk full')); } });
  track('w', w, log);
  w.write('x', (err) => log.push(`cb ${err && err.message}`));
  w.on('close', () => { log.push(`destroyed ${w.destroyed} errored ${w.errored && w.errored.message}`); done(log); });
});

test('write after end', (done) => {
  const log = [];
  const w = new Writable({ write(c, e, cb) { cb(); } });
  track('w', w, log);
  w.end();
  w.write('late', (err) => log.push(`cb ${err.code}`));
  w.on('close', () => done(log));
});

test('transform', (done) => {
  const log = [];
  const t = new Transform({
    transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); },
    flush(cb) { this.push('<flush>'); cb(); },
  });
  track('t', t, log);
  t.on('data', (c) => log.push(`data ${c}`));
  t.write('a');
  t.end('b');
  t.on('close', () => done(log));
});

test('passthrough objectMode', (done) => {
  const log = [];
  const p = new PassThrough({ objectMode: true });
  p.on('data', (c) => log.push(`data ${JSON.stringify(c)}`));
  p.on('end', () => done(log));
  p.write({ k: 1 });
  p.write([2]);
  p.end();
});

test('pipe to a slow writable', (done) => {
  const log = [];
  let i = 0;
  const r = new Readable({
    highWaterMark: 2,
    read() { i++; this.push(i <= 6 ? String(i) : null); },
  });
  const w = new Writable({
    highWaterMark: 2,
    write(chunk, enc, cb) { log.push(`w ${chunk}`); setTimeout(cb, 1); },
  });
  track('r', r, log, ['end', 'close', 'pause', 'resume']);
  track('w', w, log, ['finish', 'close', 'pipe', 'unpipe']);
  r.pipe(w);
  w.on('close', () => done(log));
});

test('unpipe', (done) => {
  const log = [];
  const r = new PassThrough();
  const w = new PassThrough();
  w.on('unpipe', () => log.push('unpipe'));
  w.on('pipe', () => log.push('pipe'));
  r.pipe(w);
  r.unpipe(w);
  log.push(`flowing ${r.readableFlowing}`);
  setImmediate(() => done(log));
});

test('pipeline ok', (done) => {
  const out = [];
  pipeline(
    Readable.from(['x', 'y', 'z']),
    new Transform({ transform(c, e, cb) { cb(null, String(c) + String(c)); } }),
    new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } }),
    (err) => done([`err ${err}`, out.join(',')]),
  );
});

test('pipeline failing stage', (done) => {
  const log = [];
  const src = new Readable({ read() { this.push('data'); } });
  const bad = new Transform({ transform(c, e, cb) { cb(new Error('bad stage')); } });
  const dst = new Writable({ write(c, e, cb) { cb(); } });
  track('src', src, log, ['close']);
  track('dst', dst, log, ['close']);
  pipeline(src, bad, dst, (err) => {
    log.push(`callback ${err.message}`);
    setImmediate(() => done([...log, `destroyed ${src.destroyed} ${bad.destroyed} ${dst.destroyed}`]));
  });
});

test('stream/promises pipeline', (done) => {
  const out = [];
  require('stream/promises').pipeline(
    async function* () { yield 'p'; yield 'q'; },
    async function* (source) { for await (const c of source) yield `${c}!`; },
    new Writable({ objectMode: true, write(c, e, cb) { out.push(c); cb(); } }),
  ).then(() => done(out), (e) => done([e.message]));
});

test('finished', (done) => {
  const log = [];
  const ok = new PassThrough();
  finished(ok, (err) => log.push(`ok ${err}`));
  ok.resume();
  ok.end('x');
  const early = new Readable({ read() {} });
  finished(early, (err) => log.push(`early ${err && err.code}`));
  early.destroy();
  const failed = new Readable({ read() { this.destroy(new Error('broke')); } });
  failed.on('error', () => {});
  finished(failed, (err) => log.push(`failed ${err && err.message}`));
  failed.resume();
  setTimeout(() => done(log.sort()), 20);
});

test('async iteration and break', async (done) => {
  const got = [];
  for await (const c of Readable.from([1, 2, 3])) got.push(c);
  const r = new Readable({ objectMode: true, read() {} });
  r.push('a');
  r.push('b');
  for await (const c of r) { got.push(c); break; }
  got.push(`destroyed after break ${r.destroyed}`);
  let s = '';
  const p = new PassThrough();
  p.setEncoding('utf8');
  p.end('text');
  for await (const c of p) s += c;
  got.push(s);
  done(got);
});

test('Readable.from', (done) => {
  const log = [];
  Readable.from('whole string').on('data', (c) => log.push(`string ${JSON.stringify(c)}`));
  Readable.from(Buffer.from('buf')).on('data', (c) => log.push(`buffer ${Buffer.isBuffer(c)}`));
  Readable.from((async function* () { yield 1; yield 2; })()).on('data', (c) => log.push(`async ${c}`))
    .on('end', () => setImmediate(() => done(log)));
});

test('duplex allowHalfOpen false', (done) => {
  const log = [];
  const d = new Duplex({
    allowHalfOpen: false,
    read() { this.push('r'); this.push(null); },
    write(c, e, cb) { log.push(`write ${c}`); cb(); },
  });
  track('d', d, log, ['end', 'finish', 'close']);
  d.on('data', (c) => log.push(`data ${c}`));
  d.on('close', () => done(log));
});

test('errors', (done) => {
  const log = [];
  for (const fn of [
    () => new Writable({ write(c, e, cb) { cb(); } }).write(null),
    () => new Writable({ write(c, e, cb) { cb(); } }).write(5),
    () => new Readable({ highWaterMark: -1 }),
    () => new Writable({ write(c, e, cb) { cb(); } }).write('x', 'bogus'),
  ]) {
    try { fn(); log.push('no throw'); } catch (e) { log.push(`${e.name} ${e.code} ${e.message}`); }
  }
  const noRead = new Readable();
  noRead.on('error', (e) => log.push(`no _read: ${e.code} ${e.message}`));
  noRead.read();
  const noWrite = new Writable();
  noWrite.on('error', (e) => log.push(`no _write: ${e.code} ${e.message}`));
  try { noWrite.write('x'); } catch (e) { log.push(`no _write throws: ${e.code}`); }
  const r = new Readable({ read() {} });
  r.on('error', (e) => log.push(`event ${e.code}`));
  r.push(null);
  r.push('after eof');
  setImmediate(() => done(log));
});

(async () => {
  console.log(typeof stream, stream === stream.Stream, Object.getPrototypeOf(Readable.prototype) === stream.Stream.prototype,
    new Duplex() instanceof Writable, new Transform() instanceof Duplex, stream.getDefaultHighWaterMark(false),
    stream.getDefaultHighWaterMark(true));
  for (const [name, fn] of cases) {
    const result = await new Promise((resolve) => fn(resolve));
    console.log(name, JSON.stringify(result));
  }
})();
