// Short text through Buffer.from, buf.toString, TextEncoder and TextDecoder: ASCII (which
// spindle converts in JS up to 64 bytes) and non-ASCII at the edges, around that length.
const show = (b) => `${b.length}:${Buffer.from(b).toString('hex')}`;
const ascii = 'The quick brown fox jumps over the lazy dog 0123456789 ABCDEFGHIJKLMNOP';
const texts = ['', 'a', ascii.slice(0, 63), ascii.slice(0, 64), ascii.slice(0, 65),
  'é', 'aé', 'éa', 'a\u0080', '\u00ff', '€uro', ascii.slice(0, 63) + 'é', 'x\ud83d\ude00y', 'lone \ud800', '\u007f\u0000'];
for (const t of texts) {
  const line = [];
  for (const enc of [undefined, 'utf8', 'latin1', 'ascii', 'binary']) {
    const b = Buffer.from(t, enc);
    line.push(`${enc}=${show(b)}=${JSON.stringify(b.toString(enc))}`);
  }
  console.log(JSON.stringify(t).slice(0, 20), line.join(' '));
}
// a non-ASCII string after ASCII ones must not disturb the buffers already made
const first = Buffer.from('first');
const second = Buffer.from('sécond');
const third = Buffer.from('third');
console.log('pool neighbours', first.toString(), second.toString(), third.toString(), first.buffer === third.buffer);

const bytes = Buffer.from([0x68, 0x69, 0xc3, 0xa9, 0x80, 0xff, 0x21]);
for (const [s, e] of [[0, 2], [0, 3], [2, 4], [4, 6], [-1, 2], [1, 100], [5, 2], [undefined, undefined]]) {
  console.log('slice', s, e, ['utf8', 'latin1', 'ascii'].map((enc) => JSON.stringify(bytes.toString(enc, s, e))).join(' '));
}

const te = new TextEncoder();
for (const v of ['', 'abc', 'é', ascii.slice(0, 64), ascii.slice(0, 64) + '€', 42, undefined, null]) {
  console.log('encode', JSON.stringify(v), show(v === undefined ? te.encode() : te.encode(v)));
}
const inputs = [[], [0x61], [0xef, 0xbb, 0xbf, 0x61], [0x61, 0xc3], [0x61, 0x80, 0x62], [0x7f, 0x00, 0x41],
  Array.from(ascii.slice(0, 64), (c) => c.charCodeAt(0))];
for (const opts of [{}, { fatal: true }, { ignoreBOM: true }]) {
  for (const input of inputs) {
    let out;
    try {
      out = JSON.stringify(new TextDecoder('utf-8', opts).decode(new Uint8Array(input)));
    } catch (e) {
      out = `${e.name} ${e.code}`;
    }
    console.log('decode', JSON.stringify(opts), input.length, out);
  }
}
const streaming = new TextDecoder();
console.log('stream', JSON.stringify(streaming.decode(new Uint8Array([0x61, 0xc3]), { stream: true }) +
  streaming.decode(new Uint8Array([0xa9, 0x62]))));
