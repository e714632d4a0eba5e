// indexOf / lastIndexOf / includes, compare / equals, copy and fill.
'use strict';
const b = Buffer.from('this is a buffer, a fine buffer');
console.log(b.indexOf('buffer'), b.indexOf('buffer', 11), b.indexOf('buffer', -6), b.indexOf('nope'), b.indexOf(''),
  b.indexOf('', 100), b.indexOf(0x61), b.indexOf(0x61 + 256), b.indexOf(Buffer.from('a f')));
console.log(b.lastIndexOf('buffer'), b.lastIndexOf('buffer', 20), b.lastIndexOf('a'), b.lastIndexOf('a', -100),
  b.lastIndexOf(''), b.lastIndexOf('this', 0), b.lastIndexOf(0x66, 1000));
console.log(b.includes('fine'), b.includes('fine', 25), b.indexOf('6275', 'hex'), b.indexOf('YnVm', 'base64'),
  Buffer.from('a\u0000b\u0000', 'latin1').indexOf('b', 0, 'ucs2'), b.indexOf('is', NaN), b.lastIndexOf('is', NaN));
console.log(Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).indexOf(''), Buffer.from('aaa').lastIndexOf('aa'));

const x = Buffer.from('abc'), y = Buffer.from('abd'), z = Buffer.from('ab');
console.log(Buffer.compare(x, y), Buffer.compare(y, x), Buffer.compare(x, z), Buffer.compare(x, Buffer.from('abc')));
console.log([y, z, x].sort(Buffer.compare).map(String), x.equals(Buffer.from('abc')), x.equals(new Uint8Array([97, 98, 99])));
console.log(x.compare(y, 0, 2, 0, 2), x.compare(y, 2), x.compare(y, 1, 1), x.compare(y, 0, 3, 3, 3), x.compare(y, 3, 3, 0, 1));

const src = Buffer.from('0123456789');
const dst = Buffer.alloc(6, '.');
console.log(src.copy(dst), dst.toString(), src.copy(dst, 4, 7), dst.toString(), src.copy(dst, 1, 2, 4), dst.toString());
console.log(src.copy(dst, 10), src.copy(dst, 0, 5, 5), src.copy(dst, 0, 8, 100), dst.toString());
src.copy(src, 2, 0, 5); // overlapping
console.log(src.toString());

console.log(Buffer.alloc(7).fill('abc'), Buffer.alloc(5).fill('é'), Buffer.alloc(5).fill(0x101), Buffer.alloc(4).fill(-1));
console.log(Buffer.alloc(6).fill('ab', 1, 5), Buffer.alloc(5).fill('6869', 'hex'), Buffer.alloc(5).fill(Buffer.from([1, 2])),
  Buffer.alloc(3).fill(''), Buffer.alloc(3).fill(true), Buffer.alloc(4).fill('x', 2), Buffer.alloc(4).fill('ab', 'ucs2'));
