// TextDecoder: labels, BOM, fatal mode, streaming, utf-16 and latin1.
'use strict';
const u8 = (...b) => new Uint8Array(b);
const q = (s) => JSON.stringify(s);
console.log(new TextDecoder().encoding, new TextDecoder(' UTF8 ').encoding, new TextDecoder('utf-16').encoding,
  new TextDecoder('latin1').encoding, new TextDecoder('ascii').encoding, new TextDecoder('UTF-16BE').encoding);
try { new TextDecoder('foo'); } catch (e) { console.log(e.name, e.code, e.message); }
const d = new TextDecoder();
console.log(d.fatal, d.ignoreBOM, d, Object.prototype.toString.call(d));
console.log(q(d.decode(u8(0xef, 0xbb, 0xbf, 0x41))), q(new TextDecoder('utf-8', { ignoreBOM: true }).decode(u8(0xef, 0xbb, 0xbf, 0x41))));
console.log(q(d.decode(u8(0xff, 0x41, 0xe2, 0x82))), q(d.decode()), q(d.decode(new ArrayBuffer(2))), q(d.decode(new DataView(u8(104, 105).buffer))));
console.log(q(d.decode(new Uint16Array([0x6968]))), q(d.decode(u8(0xf0, 0x9f, 0x98, 0x80).subarray(0, 4))));
const fatal = new TextDecoder('utf-8', { fatal: true });
try { fatal.decode(u8(0x41, 0xff)); } catch (e) { console.log(e.name, e.code, e.message); }
try { d.decode('x'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(q(fatal.decode(u8(0x41))));

// Streaming: incomplete sequences are held until the next chunk.
const s = new TextDecoder();
console.log(q(s.decode(u8(0xe2, 0x82), { stream: true })), q(s.decode(u8(0xac), { stream: true })),
  q(s.decode(u8(0xf0), { stream: true })), q(s.decode(u8(0x9f, 0x98), { stream: true })), q(s.decode(u8(0x80))));
console.log(q(s.decode(u8(0xe2), { stream: true })), q(s.decode()));
console.log(q(s.decode(u8(0xef, 0xbb), { stream: true })), q(s.decode(u8(0xbf, 0x42), { stream: true })), q(s.decode(u8(0xef, 0xbb, 0xbf))));
const fs = new TextDecoder('utf-8', { fatal: true });
console.log(q(fs.decode(u8(0xc3), { stream: true })), q(fs.decode(u8(0xa9))));
try { fs.decode(u8(0xc3)); } catch (e) { console.log('fatal at end:', e.code); }

// UTF-16LE / BE and latin1.
const w = new TextDecoder('utf-16le');
console.log(q(w.decode(u8(0xff, 0xfe, 0x41, 0, 0x3d, 0xd8, 0, 0xde))), q(w.decode(u8(0x3d, 0xd8, 0x41, 0))), q(w.decode(u8(0x41))));
console.log(q(w.decode(u8(0x3d), { stream: true }) + w.decode(u8(0xd8, 0x00), { stream: true }) + w.decode(u8(0xde))));
console.log(q(new TextDecoder('utf-16be').decode(u8(0xfe, 0xff, 0, 0x41, 0xd8, 0x3d, 0xde, 0))));
console.log(q(new TextDecoder('latin1').decode(u8(0x41, 0xe9, 0xff))));
