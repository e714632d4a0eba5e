// util.inspect of typed arrays, ArrayBuffer and DataView.
const util = require('util');
const p = (...a) => console.log(...a);
p(new Uint8Array([1, 2, 3]), new Uint8Array(0), new Int16Array([-1, 2]), new Float64Array([0.5, -0]));
p(new BigInt64Array([1n, -2n]), new BigUint64Array(1), new Uint8ClampedArray([300]), new Float32Array([1.5]));
p(new Uint8Array(150));
p(new Uint16Array(Array.from({ length: 40 }, (_, i) => i * 999)));
p(new ArrayBuffer(3), new ArrayBuffer(0), new Uint8Array([0xde, 0xad, 0xbe, 0xef]).buffer);
p(new ArrayBuffer(120));
p(new DataView(new ArrayBuffer(4), 1, 2));
p({ buf: new Uint8Array([9, 8]), ab: new ArrayBuffer(2) });
p(Object.assign(new Uint8Array(2), { extra: true }));
class MyBytes extends Uint8Array {} p(new MyBytes(2));
p(util.inspect(new Uint8Array(3), { showHidden: true }));
p(util.inspect(new ArrayBuffer(300), { maxArrayLength: 4 }));
