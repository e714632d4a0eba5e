// Numeric reads and writes: every width, both byte orders, BigInt and floats.
'use strict';
const b = Buffer.alloc(16);
const out = [];
out.push(b.writeUInt8(0xfe, 0), b.writeInt8(-2, 1), b.writeUInt16LE(0xbeef, 2), b.writeUInt16BE(0xbeef, 4));
out.push(b.writeInt16LE(-2, 6), b.writeUInt32BE(0xdeadbeef, 8), b.writeInt32LE(-123456789, 12));
console.log(out, b);
console.log(b.readUInt8(0), b.readInt8(0), b.readInt8(1), b.readUInt16LE(2), b.readUInt16BE(2), b.readInt16BE(2));
console.log(b.readInt16LE(6), b.readUInt32BE(8), b.readUInt32LE(8), b.readInt32BE(8), b.readInt32LE(12));
console.log(b.readUint8(0) === b.readUInt8(0), typeof b.writeUint32LE, typeof b.readBigUint64LE);
for (let n = 1; n <= 6; n++) {
  const c = Buffer.alloc(8);
  const max = 2 ** (8 * n) - 1;
  c.writeUIntLE(max - 5, 0, n);
  const le = c.readUIntLE(0, n);
  c.writeUIntBE(max - 7, 1, n);
  const be = c.readUIntBE(1, n);
  c.writeIntLE(-(2 ** (8 * n - 1)), 0, n);
  const sle = c.readIntLE(0, n);
  c.writeIntBE(-3, 2, n);
  console.log(n, le, be, sle, c.readIntBE(2, n), c);
}
const big = Buffer.alloc(8);
big.writeBigInt64LE(-2n);
console.log(big, big.readBigInt64LE(), big.readBigUInt64LE(), big.readBigUInt64BE(), big.readBigInt64BE());
big.writeBigUInt64BE(0x0102030405060708n);
console.log(big, big.readBigUInt64BE(0));
const f = Buffer.alloc(12);
console.log(f.writeFloatLE(1.5, 0), f.writeFloatBE(-0.1, 4), f.writeDoubleLE(Math.PI, 4), f);
console.log(f.readFloatLE(0), f.readDoubleLE(4), f.readFloatBE(8), f.readDoubleBE(4));
f.writeDoubleBE(NaN, 0);
console.log(f.readDoubleBE(0), f.writeFloatLE(Infinity, 8), f.readFloatLE(8));
// Non-integer and odd values are truncated the way Node does.
const t = Buffer.alloc(4);
t.writeUInt8(1.9, 0); t.writeInt8(-1.5, 1); t.writeUInt16LE(NaN, 2);
console.log(t);
console.log(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap16(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32(),
  Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
