// TextEncoder: encode and encodeInto, including lone surrogates and short targets.
'use strict';
const enc = new TextEncoder();
console.log(enc.encoding, enc.encode('héllo €😀'), enc.encode(), enc.encode(undefined), enc.encode(42));
console.log(enc.encode('\ud800'), enc.encode('a\udc00b'), enc.encode('\ud83d\ude00') instanceof Uint8Array);
console.log(Object.prototype.toString.call(enc), enc);
for (const size of [0, 1, 2, 3, 4, 6, 10]) {
  const dest = new Uint8Array(size);
  console.log(size, enc.encodeInto('aé😀x', dest), dest);
}
const big = new Uint8Array(8);
console.log(enc.encodeInto('xyz', big.subarray(5)), big);
try { enc.encodeInto('x', []); } catch (e) { console.log(e.name, e.code, e.message); }
const long = 'ab€'.repeat(10000);
const bytes = enc.encode(long);
console.log(bytes.length, new TextDecoder().decode(bytes) === long);
