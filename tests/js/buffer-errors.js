// Node's error codes and messages for bad Buffer arguments.
'use strict';
const cases = [
  () => Buffer.alloc(4).readUInt32LE(1),
  () => Buffer.alloc(4).readUInt8(1.5),
  () => Buffer.alloc(4).readUInt8('1'),
  () => Buffer.alloc(4).readUInt8(4),
  () => Buffer.alloc(4).readInt16BE(-1),
  () => Buffer.alloc(0).readUInt8(0),
  () => Buffer.alloc(2).readUInt32LE(0),
  () => Buffer.alloc(4).writeUInt8(300),
  () => Buffer.alloc(4).writeInt16LE(-40000),
  () => Buffer.alloc(8).writeUInt32LE(2 ** 32),
  () => Buffer.alloc(8).writeInt32BE(-(2 ** 31) - 1),
  () => Buffer.alloc(8).writeBigInt64LE(2n ** 63n),
  () => Buffer.alloc(8).writeBigUInt64LE(-1n),
  () => Buffer.alloc(8).readUIntLE(0, 7),
  () => Buffer.alloc(8).readIntBE(0, 0.5),
  () => Buffer.alloc(8).readUIntLE(),
  () => Buffer.alloc(8).writeUIntLE(2 ** 40, 0, 5),
  () => Buffer.alloc(8).writeIntBE(2 ** 47, 0, 6),
  () => Buffer.alloc(2).writeDoubleLE(1),
  () => Buffer.from(),
  () => Buffer.from(5),
  () => Buffer.from(null),
  () => Buffer.alloc(-1),
  () => Buffer.alloc('5'),
  () => Buffer.allocUnsafe(NaN),
  () => Buffer.from('x', 'foo'),
  () => Buffer.concat([1]),
  () => Buffer.concat('ab'),
  () => Buffer.alloc(3).toString('x'),
  () => Buffer.alloc(3).swap16(),
  () => Buffer.alloc(6).swap32(),
  () => Buffer.alloc(3).copy(5),
  () => Buffer.alloc(3).copy(Buffer.alloc(2), -1),
  () => Buffer.alloc(3).fill('zz', 'hex'),
  () => Buffer.alloc(3).fill('a', 0, 4),
  () => Buffer.alloc(3).fill('a', 'nope'),
  () => Buffer.alloc(3).write('a', 5),
  () => Buffer.alloc(3).write(5),
  () => Buffer.alloc(3).write('a', 0, 1, 'nope'),
  () => Buffer.compare(1, 2),
  () => Buffer.alloc(1).equals('a'),
  () => Buffer.alloc(1).compare(Buffer.alloc(1), 0, 5),
  () => Buffer.alloc(1).indexOf({}),
  () => Buffer.alloc(1).indexOf('a', 0, 'nope'),
  () => Buffer.from(new ArrayBuffer(4), 5),
  () => Buffer.from(new ArrayBuffer(4), 1, 4),
  () => Buffer.byteLength(5),
];
for (const fn of cases) {
  try {
    fn();
    console.log('no error:', fn.toString());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
