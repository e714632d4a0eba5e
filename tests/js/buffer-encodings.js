// toString / write across every encoding, including invalid input.
'use strict';
function check(cond, what) { if (!cond) throw new Error(`check failed: ${what}`); }

const text = 'héllo wörld €😀';
for (const enc of ['utf8', 'utf-8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2']) {
  const buf = Buffer.from(text, enc);
  console.log(enc, buf.length, JSON.stringify(buf.toString(enc)), buf.toString('hex'));
}
const roundTrip = Buffer.from(text);
for (const enc of ['hex', 'base64', 'base64url', 'latin1']) {
  check(Buffer.from(roundTrip.toString(enc), enc).equals(roundTrip), `round trip ${enc}`);
}

// Invalid UTF-8: one U+FFFD per maximal invalid subpart.
const bad = [[0xff], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98], [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82, 0x41], [0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc2]];
for (const bytes of bad) console.log(JSON.stringify(Buffer.from(bytes).toString()));
// Lone surrogates encode as U+FFFD.
console.log(Buffer.from('a\ud800b\udc00'), Buffer.from('\udc00\ud800'), Buffer.from('\ud83d\ude00'));
// ascii masks the high bit; latin1 keeps the low byte.
console.log(JSON.stringify(Buffer.from([0xe9, 0x41, 0xff]).toString('ascii')), Buffer.from('\u0100\u00ff', 'latin1'));
// Lenient base64 and hex parsing.
for (const s of ['YQ==YQ==', 'YWJj\nZGVm', 'Y', 'YW', 'YWJ=j', '!!YQ', '-_', 'a=b=c', 'Y Q']) {
  console.log(JSON.stringify(s), Buffer.from(s, 'base64'));
}
console.log(Buffer.from('abx', 'hex'), Buffer.from('a', 'hex'), Buffer.from('zz00', 'hex'), Buffer.from('ABcd', 'hex'));
// toString ranges.
const b = Buffer.from('abcdef');
console.log(b.toString('utf8', 1, 3), b.toString('hex', 4), b.toString(undefined, -5, 100), JSON.stringify(b.toString('utf8', 4, 2)));
console.log(b.toString('latin1', 1.7, 3.2), b.utf8Slice(1, 2), b.hexSlice(0, 2));
// write never splits a character.
const w = Buffer.alloc(5);
console.log(w.write('ééé'), w, Buffer.alloc(3).write('😀'), Buffer.alloc(5).write('abc', 'ucs2'));
const w2 = Buffer.alloc(8, 0);
console.log(w2.write('hi', 2), w2.write('ffee', 4, 'hex'), w2.write('zz', 6, 1, 'latin1'), w2.write('aGk', 'base64'), w2);
