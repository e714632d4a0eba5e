// v8.serialize / v8.deserialize and v8.Serializer / Deserializer, against node's own bytes:
// the bytes written for values whose encoding does not depend on V8's internal
// representation, what node-written bytes read back as, random values round-tripped,
// the lower-level API (raw writes and reads, transfers, host objects, views written as
// V8 writes them), node's errors for values it cannot clone, and malformed or truncated
// input, which is refused, never trusted. Values are printed by a describer of our own
// (kind, own properties, prototype), not by inspect.
const v8 = require('v8');
const { Worker, MessageChannel } = require('worker_threads');

function show(v, seen = new Map()) {
  switch (typeof v) {
    case 'bigint': return `${v}n`;
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'string': return JSON.stringify(v);
    case 'undefined': case 'boolean': return String(v);
    case 'symbol': case 'function': return `<${typeof v}>`;
  }
  if (v === null) return 'null';
  if (seen.has(v)) return `#${seen.get(v)}`;
  seen.set(v, seen.size);
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  const props = (o, skip = () => false) => Object.getOwnPropertyNames(o).filter((k) => !skip(k))
    .sort(v instanceof Error ? undefined : () => 0).map((k) => {
      const d = Object.getOwnPropertyDescriptor(o, k);
      return `${k}${d.enumerable ? '' : '(hidden)'}=${show(d.value, seen)}`;
    }).join(',');
  if (ArrayBuffer.isView(v)) {
    const bytes = [...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)].join('.');
    return `${Buffer.isBuffer(v) ? 'Buffer' : tag}[${bytes}]`;
  }
  if (tag === 'ArrayBuffer') return `ArrayBuffer${v.resizable ? `(max ${v.maxByteLength})` : ''}[${[...new Uint8Array(v)].join('.')}]`;
  if (Array.isArray(v)) return `Array(${v.length}){${props(v, (k) => k === 'length')}}`;
  if (tag === 'Date') return `Date(${v.getTime()})`;
  if (tag === 'RegExp') return `RegExp(${v.source}/${v.flags})`;
  if (tag === 'Map') return `Map{${[...v].map(([k, x]) => `${show(k, seen)}=>${show(x, seen)}`).join(',')}}`;
  if (tag === 'Set') return `Set{${[...v].map((x) => show(x, seen)).join(',')}}`;
  // (an error's own names sorted, JavaScriptCore's own left out: their order is the engine's)
  if (v instanceof Error) return `${v.constructor.name}{${props(v, (k) => ['line', 'column', 'sourceURL'].includes(k))}}`;
  if (tag === 'Number' || tag === 'String' || tag === 'Boolean' || tag === 'BigInt') return `${tag}(${show(v.valueOf(), seen)})`;
  const proto = Object.getPrototypeOf(v);
  return `${proto === Object.prototype ? '' : proto === null ? 'null-proto' : 'other-proto'}{${props(v)}}`;
}

const hex = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };

// 1. The bytes of values whose encoding is fixed.
const cycle = { name: 'c' }; cycle.self = cycle;
const shared = { s: 1 };
const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
const withProps = Object.assign([1, 'x'], { extra: true });
const stackless = new RangeError('r'); stackless.stack = 'explicit stack';
const withCause = new TypeError('t', { cause: { why: [1] } }); withCause.stack = 's';
const renamed = new Error('q'); renamed.name = 'Custom'; renamed.stack = undefined;
const fixed = {
  undefined, null: null, true: true, false: false, zero: 0, negZero: -0, int: -123456, max: 2 ** 31 - 1,
  min: -(2 ** 31), big: 2 ** 31, frac: 0.1, nan: NaN, inf: -Infinity,
  str: 'hello', latin1: 'héllo', twoByte: 'a€b', lone: '\ud800', empty: '', long: 'x'.repeat(300), longTwo: '€'.repeat(100),
  bigints: [0n, 1n, -1n, 2n ** 64n, -(2n ** 100n) + 7n],
  object: { b: 1, a: 'x', 3: 'index', 1: 'one', '01': 'not an index', 4294967294: 'max index', 4294967295: 'not' },
  nullProto: Object.assign(Object.create(null), { k: 1 }),
  instance: new (class Point { constructor() { this.x = 1; this.y = 2; } })(),
  dense: [1, 'two', { three: 3 }], emptyArray: [], sparse, withProps, nested: [[[]]],
  date: new Date(1700000000000), badDate: new Date(NaN),
  regexps: [/a+b/, /x/gimsuyd, new RegExp('[/]', 'g')],
  map: new Map([[1, 'a'], [{ k: 1 }, [2]]]), set: new Set(['x', 1, shared]),
  boxed: [Object(true), Object(false), Object(1.5), Object('s'), Object(12n)],
  arrayBuffer: new Uint8Array([1, 2, 3]).buffer, resizable: new ArrayBuffer(2, { maxByteLength: 8 }),
  views: [new Uint8Array([1, 2]), new Int16Array([-2]), new Float64Array([0.5]), new DataView(new ArrayBuffer(3), 1),
    new BigInt64Array([-1n]), new Uint8ClampedArray([7]), Buffer.from('buf'), new Uint32Array(new ArrayBuffer(16), 4, 2)],
  refs: [shared, shared, cycle],
  errors: [stackless, withCause, renamed],
};
for (const [name, value] of Object.entries(fixed)) console.log(name, attempt(() => hex(v8.serialize(value))));

// 2. Bytes node wrote (V8's choices where ours differ: a double array, a holey array), read.
for (const h of ['ff0f41024e000000000000f83f4e0000000000000040240002', 'ff0f6103490049004902490049044900400303',
  'ff0f6f2201784e00000000000000407b01', 'ff0f3f05490a', 'ff0f550a', 'ff0f53036162c3', 'ff0f5304c3a96162',
  'ff0d2203616263', 'ff0f00002203616263', 'ff0f410149022201784904240101', 'ff0f420201025642000200',
  'ff0f7e0408000000005642000003', 'ff0f4102420200005e015642000200240002', 'ff0f5c0a026869', 'ff0f5c0b080100000000000000',
  'ff0f410249025e00240002', 'ff0f5a03ff', 'ff0f5a00', 'ff0f72546d22017473220153632201632e',
  'ff0f6f22095f5f70726f746f5f5f490222016149047b02']) {
  console.log('read', h, attempt(() => show(v8.deserialize(Buffer.from(h, 'hex')))));
}

// 3. Random values round-tripped (seeded), compared with the original by the describer.
let seed = 12345;
const rand = (n) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
function randomValue(depth) {
  switch (rand(depth > 2 ? 8 : 16)) {
    case 0: return rand(2000) - 1000;
    case 1: return rand(1e6) / 7;
    case 2: return ['', 'a', 'key', 'é', '€uro', 'x'.repeat(rand(100)), '\u{1F600}'][rand(7)];
    case 3: return [true, false, null, undefined][rand(4)];
    case 4: return BigInt(rand(1e6)) ** BigInt(rand(5)) * (rand(2) ? -1n : 1n);
    case 5: return new Date(rand(1e9) * 1000);
    case 6: return Buffer.from([rand(256), rand(256)]);
    case 7: return new Float32Array([rand(100) / 4]);
    case 8: { const o = {}; for (let i = rand(5); i > 0; i--) o[['a', 'b', '1', '22', 'key'][rand(5)] + (rand(3) || '')] = randomValue(depth + 1); return o; }
    case 9: { const a = []; for (let i = rand(6); i > 0; i--) a.push(randomValue(depth + 1)); if (rand(3) === 0) a[a.length + 2] = 1; return a; }
    case 10: return new Map([[randomValue(depth + 1), randomValue(depth + 1)]]);
    case 11: return new Set([randomValue(depth + 1), rand(3)]);
    case 12: { const e = new [Error, TypeError, RangeError, SyntaxError][rand(4)](`m${rand(9)}`); e.stack = `stack ${rand(9)}`; return e; }
    case 13: return new RegExp(['a', 'b+', '^x$'][rand(3)], ['', 'g', 'im'][rand(3)]);
    case 14: return Object(['s', 1, true][rand(3)]);
    default: return new Uint16Array([rand(65536), rand(65536)]);
  }
}
let sameCount = 0;
for (let i = 0; i < 300; i++) {
  const v = randomValue(0);
  const back = v8.deserialize(v8.serialize(v));
  if (show(back) === show(v)) sameCount++;
  else console.log('round trip differs', show(v), '->', show(back));
}
console.log('round trips the same:', sameCount, 'of 300');

// A deserialized error's own properties, in V8's order.
console.log(Object.getOwnPropertyNames(v8.deserialize(v8.serialize(withCause))).join());

// 4. The lower-level API.
{
  const s = new v8.Serializer();
  console.log(s.writeUint32(300), s.writeUint32(-1), s.writeUint32(2 ** 32 + 5), s.writeUint32('x'));
  s.writeUint64(1, 2); s.writeUint64(0xffffffff, 0xffffffff); s.writeDouble(-1.5); s.writeRawBytes(new Uint16Array([0x102]));
  s.writeHeader(); console.log(s.writeValue({ u8: new Uint8Array([9]), dv: new DataView(new ArrayBuffer(2)) }));
  const out = s.releaseBuffer();
  console.log('plain', hex(out), Buffer.isBuffer(out), s.releaseBuffer().length);
  const d = new v8.Deserializer(out);
  console.log(d.buffer === out, Object.keys(d).join(), d.getWireFormatVersion());
  console.log(d.readUint32(), d.readUint32(), d.readUint32(), d.readUint32(), d.readUint64().join(), d.readUint64().join(),
    d.readDouble(), hex(d.readRawBytes(2)), d.readHeader(), d.getWireFormatVersion(), show(d.readValue()));
  console.log(attempt(() => d.readUint32()), attempt(() => d.readDouble()), attempt(() => d.readRawBytes(1)), attempt(() => d.readValue()));
  console.log(attempt(() => d._readRawBytes(-1)));
}
{
  // transfers: the buffer's bytes stay out of the stream
  const ab = new ArrayBuffer(4), s = new v8.Serializer();
  s.transferArrayBuffer(3, ab); s.writeHeader(); s.writeValue([ab, new Uint8Array(ab, 1, 2)]);
  const bytes = s.releaseBuffer();
  console.log('transfer', hex(bytes));
  const d = new v8.Deserializer(bytes), target = new Uint8Array([5, 6, 7, 8]).buffer;
  d.transferArrayBuffer(3, target); d.readHeader();
  const [a, view] = d.readValue();
  console.log(a === target, view.buffer === target, show(view));
  const d2 = new v8.Deserializer(bytes); d2.readHeader();
  console.log('transfer not given:', attempt(() => d2.readValue()));
  console.log(attempt(() => s.transferArrayBuffer(1, 'x')), attempt(() => d.transferArrayBuffer(1, {})));
  console.log(attempt(() => s.transferArrayBuffer(1, new SharedArrayBuffer(1))));
}
{
  // views over a resizable buffer, written as V8 writes them (tracking or not)
  const rab = new ArrayBuffer(4, { maxByteLength: 8 }), s = new v8.Serializer();
  new Uint8Array(rab).set([1, 2, 3, 4]);
  s.writeHeader(); s.writeValue([new Uint8Array(rab), new Uint8Array(rab, 1, 2), new DataView(rab, 2), new DataView(rab, 1, 1)]);
  const bytes = s.releaseBuffer();
  console.log('resizable views', hex(bytes), show([...new Uint8Array(rab)]));
  const d = new v8.Deserializer(bytes); d.readHeader();
  const back = d.readValue();
  back[0].buffer.resize(6);
  console.log(back.map((v) => `${v.constructor.name}:${v.byteOffset}+${v.byteLength}`).join(' '));
}
{
  // host objects: a subclass's own hooks
  class HostSer extends v8.Serializer {
    _writeHostObject(o) { this.writeUint32(o.byteLength); this.writeRawBytes(o); }
    _getDataCloneError(message) { return new RangeError(`custom: ${message}`); }
    _getSharedArrayBufferId(sab) { return sab.byteLength; }
  }
  class HostDes extends v8.Deserializer {
    _readHostObject() { const n = this.readUint32(); return { restored: [...this.readRawBytes(n)] }; }
  }
  const s = new HostSer(); s._setTreatArrayBufferViewsAsHostObjects(true); s.writeHeader();
  s.writeValue({ v: new Uint8Array([4, 5]) });
  const bytes = s.releaseBuffer();
  console.log('host', hex(bytes));
  const s2 = new HostSer(); s2.writeValue(new SharedArrayBuffer(6));
  console.log('shared buffer id', hex(s2.releaseBuffer()));
  const d = new HostDes(bytes); d.readHeader();
  console.log(attempt(() => show(d.readValue())));
  const d2 = new HostDes(Buffer.from('ff0f5c0102', 'hex')); d2.readHeader(); console.log(show(d2.readValue()));
  console.log(attempt(() => new HostSer().writeValue(Symbol('q'))));
  class BadHost extends v8.Deserializer { _readHostObject() { return 5; } }
  const d3 = new BadHost(Buffer.from('ff0f5c00', 'hex')); d3.readHeader(); console.log(attempt(() => d3.readValue()));
  const d4 = new v8.Deserializer(Buffer.from('ff0f5c00', 'hex')); d4.readHeader(); console.log(attempt(() => d4.readValue()));
  const s5 = new v8.Serializer(); s5._setTreatArrayBufferViewsAsHostObjects(true);
  console.log(attempt(() => s5.writeValue(new Uint8Array(1))));
}
console.log(attempt(() => new v8.Deserializer('x')), attempt(() => new v8.Deserializer()), attempt(() => v8.deserialize({})));
console.log(attempt(() => new v8.Serializer().writeRawBytes('x')));
{
  // the Buffers node's deserialize makes are views of its input (copied when misaligned)
  const bytes = v8.serialize({ b: Buffer.from('ab'), f: new Float64Array([2.5]) });
  const back = v8.deserialize(bytes);
  console.log(back.b.buffer === bytes.buffer, back.f[0], back.f.byteOffset % 8);
}

// 5. What cannot be cloned: node's messages.
const { port1 } = new MessageChannel();
const detached = new ArrayBuffer(1); structuredClone(detached, { transfer: [detached] });
for (const [name, value] of [['symbol', Symbol('sym')], ['function', function namedFn() {}], ['weakmap', new WeakMap()],
  ['promise', Promise.resolve()], ['sab', new SharedArrayBuffer(2)], ['detached', detached], ['arguments', (function () { return arguments; })()],
  ['generator', (function* () {})()], ['symbol object', Object(Symbol('b'))], ['nested', { deep: [1, () => 1] }],
  ['wasm memory', new WebAssembly.Memory({ initial: 1 })], ['class instance with a function', new (class K { constructor() { this.f = function inner() {}; } })()]]) {
  console.log('refused', name, attempt(() => v8.serialize(value)));
}
console.log('port', attempt(() => v8.serialize(port1)).slice(0, 34));
port1.close();

// 6. Malformed and truncated input.
const versions = ['', 'ff', 'ff10', 'ff0c2203616263', '2203616263'];
for (const h of versions) console.log('version', JSON.stringify(h), attempt(() => v8.deserialize(Buffer.from(h, 'hex'))));
const malformed = ['ff0f', 'ff0f99', 'ff0f5e00', 'ff0f6f22016149027b05', 'ff0f41ff0f', 'ff0f6f4902', 'ff0f63036100',
  'ff0f3b49024904490649083a03', 'ff0f274902490249042c02', 'ff0f7e0402000000', 'ff0f420201025642010200',
  'ff0f420201025646000800', 'ff0f4208000000000000000056440204', 'ff0f72256d2201742e', 'ff0f726d49022e',
  'ff0f52220161ff7f', 'ff0f5a1001', 'ff0f5a01', 'ff0f7400', 'ff0f7505', 'ff0f2d', 'ff0f6f49027b01', 'ff0f56'];
for (const h of malformed) console.log('malformed', h, attempt(() => show(v8.deserialize(Buffer.from(h, 'hex')))));
let truncatedRefused = 0, prefixes = 0;
for (const value of Object.values(fixed)) {
  let bytes;
  try { bytes = v8.serialize(value); } catch { continue; }
  for (let n = 0; n < bytes.length; n += Math.max(1, bytes.length >> 6)) {
    prefixes++;
    // a value cut short is an error (a Buffer's own reads say which read failed)
    try { v8.deserialize(bytes.subarray(0, n)); } catch (e) { if (/^(Unable to deserialize|Read\w+\(\) failed)/.test(e.message)) truncatedRefused++; }
  }
}
console.log('truncated inputs refused:', truncatedRefused === prefixes, prefixes > 100);
// Random changes to valid bytes (seeded): what each reads as, or the error (a bad RegExp
// pattern is the engine's SyntaxError, whose words differ).
const mutable = Object.values(fixed).filter((v) => { try { v8.serialize(v); return true; } catch { return false; } });
const boundaryTags = [0x49, 0x6f, 0x41, 0x61, 0x5e, 0x7b, 0x24, 0x40, 0x56, 0x00, 0x22, 0x63, 0x2d, 0x3f];
for (let i = 0; i < 400; i++) {
  const bytes = Buffer.from(v8.serialize(mutable[rand(mutable.length)]));
  for (let j = 1 + rand(3); j > 0; j--) {
    const at = 2 + rand(bytes.length - 2);
    switch (rand(4)) {
      case 0: bytes[at] = rand(256); break;
      case 1: bytes[at] ^= 1 << rand(8); break;
      case 2: bytes[at] = boundaryTags[rand(boundaryTags.length)]; break;
      default: bytes[at] = rand(8);
    }
  }
  let out;
  try { out = show(v8.deserialize(bytes)); } catch (e) { out = e.name === 'SyntaxError' ? e.name : `${e.name}: ${e.message}`; }
  console.log('changed', bytes.length > 40 ? `${hex(bytes.subarray(0, 40))}...` : hex(bytes), out.length > 200 ? `${out.slice(0, 200)}...` : out);
}

// 7. Across threads, as sync-call packages do: a worker serializes into shared memory and
// wakes the main thread, which deserializes.
const sab = new SharedArrayBuffer(4096), flag = new Int32Array(sab, 0, 1);
new Worker(`
const v8 = require('v8');
const { workerData } = require('worker_threads');
const bytes = v8.serialize({ from: 'worker', when: new Date(0), list: [1, 2n, 'three'], err: Object.assign(new TypeError('w'), { stack: 'ws' }) });
new Uint8Array(workerData, 4).set(bytes);
Atomics.store(new Int32Array(workerData, 0, 1), 0, bytes.length);
Atomics.notify(new Int32Array(workerData, 0, 1), 0);
`, { eval: true, workerData: sab });
Atomics.wait(flag, 0, 0);
console.log('from the worker', show(v8.deserialize(Buffer.from(sab, 4, flag[0]))));
