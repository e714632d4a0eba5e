// zlib over the system's library: round trips through every Sync pair (and unzip, which
// takes both formats), data made by node's own zlib decoded here, node's errors (a bad
// header, a truncated stream, a bad argument, an option out of range), crc32, codes,
// the callback forms, streams through pipeline, and a stream's 'error'.
'use strict';
const zlib = require('zlib');
const { pipeline, Readable, Writable, Transform } = require('stream');

const text = 'hello world '.repeat(1000);
for (const [c, d] of [['deflateSync', 'inflateSync'], ['gzipSync', 'gunzipSync'], ['deflateRawSync', 'inflateRawSync'],
  ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync']]) {
  for (const level of [undefined, 0, 1, 9]) {
    const packed = zlib[c](text, { level });
    console.log(c, d, level, zlib[d](packed).toString() === text, packed.length < text.length || level === 0);
  }
}
const binary = Buffer.from([...Array(70000).keys()].map((i) => (i * 7919) & 255));
console.log('binary', zlib.inflateSync(zlib.deflateSync(binary, { memLevel: 9, windowBits: 9, strategy: 1 })).equals(binary));
// made by node's zlib (node 20): decoded to what node made them from
console.log(zlib.gunzipSync(Buffer.from('H4sIAAAAAAACAyvJSFUoLM1MzlZIKsovz1NIy69QKBkVGxUbFRtWYgApE12k6AMAAA==', 'base64')).toString() ===
  'the quick brown fox '.repeat(50));
const raw = zlib.inflateRawSync(Buffer.from('Y2DnE5VR1jK0sHfzDYlOyiwor2vtmTxr4Yr12/YeOX3p5oPn777+YeYSlJBX0zWxdvIMCI9LzSmuauzonzZ3yepNOw8cP3f1zuNXH3/8Z+MVkVbSNDC3c/UJjkrMyC+rbemeNHPB8nVb9xw+dfHG/Wdvv/xm4hQQl1PVMbZy9PAPi03JLqpsaO+bOmfxqo079h87e+X2o5cfvv9j5RGWUtTQN7N18Q6KTEjPK61p7po4Y/6ytVt2Hzp54fq9p28+/2Lk4BeTVdE2snRw9wuNSc4qrKhv650ye9HKDdv3HT1z+dbDF++//WXhFpJUUNcztXH2CoyIT8stqW7qnDB93tI1m3cdPHH+2t0nrz/9ZCDB/wA=', 'base64'));
console.log(raw.length, raw.every((b, i) => b === ((i * 7) & 255)));
console.log(zlib.deflateSync('hello').toString('base64'), zlib.gzipSync('hello').length);

for (const [label, fn] of [
  ['bad header', () => zlib.inflateSync(Buffer.from('nope'))],
  ['gunzip of zlib data', () => zlib.gunzipSync(zlib.deflateSync('x'))],
  ['truncated', () => zlib.inflateSync(zlib.deflateSync('hello world').subarray(0, 5))],
  ['bad argument', () => zlib.deflateSync(123)],
  ['level out of range', () => zlib.createDeflate({ level: 42 })],
  ['windowBits out of range', () => zlib.deflateSync('x', { windowBits: 3 })],
]) {
  try { fn(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.code, e.errno, e.message, Object.keys(e)); }
}
console.log(zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), 123), zlib.crc32(''), zlib.codes.Z_DATA_ERROR,
  zlib.codes['-3'], zlib.constants.Z_BEST_COMPRESSION, zlib.Z_FINISH, Object.isFrozen(zlib.constants));

zlib.gzip('async text', (err, buf) => {
  zlib.gunzip(buf, (err2, out) => {
    console.log('async', err, err2, String(out));
    zlib.inflate(Buffer.from('bad'), (e) => {
      console.log('async error', e.code);
      const chunks = [];
      pipeline(Readable.from([Buffer.from('stream '), Buffer.from('of '), Buffer.from('data')]), zlib.createGzip(),
        zlib.createGunzip(), new Writable({ write(c, e2, cb) { chunks.push(c); cb(); } }), (e3) => {
          console.log('pipeline', e3, Buffer.concat(chunks).toString());
          const bad = zlib.createInflate();
          bad.on('error', (e4) => console.log('stream error', e4.code, e4.message));
          bad.on('close', () => console.log('closed'));
          bad.end(Buffer.from('garbage!'));
          const d = zlib.createDeflate();
          console.log(d.constructor.name, d instanceof Transform, d._chunkSize, d.bytesWritten);
          d.destroy();
        });
    });
  });
});
