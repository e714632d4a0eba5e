// string_decoder: characters split across writes, end() flushing, encodings.
'use strict';
const { StringDecoder } = require('string_decoder');
const q = (s) => JSON.stringify(s);
const d = new StringDecoder('utf8');
console.log(Object.keys(d), d.encoding, q(d.write(Buffer.from([0xe2, 0x82]))), d.lastNeed, d.lastTotal, q(d.end()));
const u = new StringDecoder();
console.log(q(u.write(Buffer.from([0xf0, 0x9f]))), q(u.write(Buffer.from([0x98]))), q(u.write(Buffer.from([0x80, 0x41]))),
  q(u.write(Buffer.from([0xff, 0xe2]))), q(u.write(Buffer.from([0x41]))), q(u.end(Buffer.from('zz'))));
const e = new StringDecoder('utf16le');
console.log(q(e.write(Buffer.from([0x61]))), q(e.write(Buffer.from([0, 0x3d, 0xd8]))), q(e.write(Buffer.from([0, 0xde]))), q(e.end()));
const b = new StringDecoder('base64');
console.log(b.write(Buffer.from('abcd')), b.write(Buffer.from('ef')), b.end());
console.log(new StringDecoder('hex').write(Buffer.from('hi')), new StringDecoder('latin1').write(Buffer.from([0xe9])),
  new StringDecoder().encoding, new StringDecoder('binary').encoding, new StringDecoder('UCS2').encoding);
console.log(q(new StringDecoder().write('already a string')), q(new StringDecoder().write(new Uint8Array([104, 105]))));
try { new StringDecoder('nope'); } catch (err) { console.log(err.code, err.message); }
try { new StringDecoder().write(5); } catch (err) { console.log(err.code, err.message); }
// Every split point of a mixed string decodes to the same text.
const text = 'aé€😀z';
const bytes = Buffer.from(text);
for (let i = 0; i <= bytes.length; i++) {
  const sd = new StringDecoder('utf8');
  const got = sd.write(bytes.subarray(0, i)) + sd.write(bytes.subarray(i)) + sd.end();
  if (got !== text) throw new Error(`split at ${i}: ${q(got)}`);
}
console.log('splits ok');
