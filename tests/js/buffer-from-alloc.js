// Buffer.from / alloc / allocUnsafe / concat: shapes, sharing and copying.
'use strict';
function check(cond, what) { if (!cond) throw new Error(`check failed: ${what}`); }

const b = Buffer.from('hello');
check(b instanceof Uint8Array && b instanceof Buffer, 'Buffer is a Uint8Array');
check(Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, 'prototype chain');
check(Buffer.isBuffer(b) && !Buffer.isBuffer(new Uint8Array(2)), 'isBuffer');
console.log(b, b.length, b.toString());

// ArrayBuffer + offset + length shares memory.
const ab = new ArrayBuffer(8);
const view = Buffer.from(ab, 2, 4);
new Uint8Array(ab)[3] = 7;
console.log(view, view.byteOffset, view.buffer === ab);

// Copies do not share.
const u8 = new Uint8Array([1, 2, 3]);
const copy = Buffer.from(u8);
u8[0] = 9;
console.log(copy, Buffer.from(new Uint16Array([258, 3])), Buffer.from([257, -1, 'x', 3.7]));
console.log(Buffer.from({ length: 2, 0: 5, 1: 6 }), Buffer.from({ type: 'Buffer', data: [1, 2] }));
console.log(Buffer.from(new String('abc')), Buffer.from({ [Symbol.toPrimitive]() { return 'xy'; } }));
console.log(Buffer.from(Buffer.from('q')), Buffer.of(1, 2, 3));

console.log(Buffer.alloc(4), Buffer.alloc(5, 'ab'), Buffer.alloc(4, 257), Buffer.alloc(3, 'aGk=', 'base64'));
console.log(Buffer.allocUnsafe(3).length, Buffer.allocUnsafeSlow(2).length, Buffer.alloc(0));
const small = Buffer.allocUnsafe(10);
check(small.buffer.byteLength === Buffer.poolSize, 'small allocations come from the pool');
check(Buffer.allocUnsafeSlow(10).buffer.byteLength === 10, 'allocUnsafeSlow is not pooled');

console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('d')]));
console.log(Buffer.concat([Buffer.from('abc')], 5), Buffer.concat([Buffer.from('abc')], 2), Buffer.concat([]));

// slice and subarray share memory and stay Buffers.
const s = b.slice(1, 3);
s[0] = 0x45;
console.log(b.toString(), s instanceof Buffer, b.subarray(-2).toString(), b.slice(-10, 2).toString());
console.log(b.map((x) => x + 1) instanceof Buffer, Buffer[Symbol.species] === Buffer);
console.log(Buffer.byteLength('héllo'), Buffer.byteLength('héllo', 'latin1'), Buffer.byteLength('aGk=', 'base64'),
  Buffer.byteLength('abcd', 'hex'), Buffer.byteLength('ab', 'ucs2'), Buffer.byteLength(new ArrayBuffer(3)),
  Buffer.byteLength('\ud83d\ude00'), Buffer.byteLength('\ud800'));
console.log(Buffer.isEncoding('UTF-8'), Buffer.isEncoding('binary'), Buffer.isEncoding('nope'), Buffer.isEncoding(''));
console.log(b.toJSON(), JSON.stringify(Buffer.from([1, 2])));
const bufMod = require('buffer');
console.log(bufMod.kMaxLength, bufMod.kStringMaxLength, bufMod.constants, bufMod.INSPECT_MAX_BYTES);
console.log(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));
