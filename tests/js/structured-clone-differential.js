// Structured clone against node on random values: fixed seeds generate the same values in both
// runtimes (nested objects and arrays with holes, extra length and named keys, Maps, Sets,
// Dates, RegExps, buffers and views of every kind sharing buffers, errors with causes, boxed
// primitives, cycles and shared references, odd keys and strings, getters, class instances,
// frozen objects, and uncloneable values: functions, symbols, weak collections, promises,
// throwing getters). Each clone, through structuredClone, a port and a port with a transfer
// list, is described canonically and printed as a hash (the description itself when it is
// short, and every error in full), so that any difference in what arrives or in the error
// shows.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

let s = 0;
function rnd() {
  s |= 0;
  s = (s + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const ri = (n) => Math.floor(rnd() * n);
const pick = (a) => a[ri(a.length)];
function rstr() {
  const kinds = [
    '',
    'a',
    'abc',
    'key',
    'x'.repeat(ri(300)),
    'é'.repeat(ri(20)),
    '€uro',
    '\ud800',
    'a\u0000b',
    '😀'.repeat(ri(5)),
    'y'.repeat(190 + ri(10)),
    String(ri(100)),
    '__proto__',
    'length',
    '0',
    '-1',
    '4294967295',
    '1e3',
  ];
  return pick(kinds);
}
function rnum() {
  return pick([
    0,
    -0,
    1,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 31,
    -(2 ** 31),
    2 ** 31 - 1,
    2 ** 53,
    1e-300,
    ri(1000),
    -ri(1000),
    rnd(),
  ]);
}
const TA = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
];
function rval(depth, pool) {
  const r = ri(depth > 3 ? 6 : 30);
  switch (r) {
    case 0:
      return rnum();
    case 1:
      return rstr();
    case 2:
      return pick([true, false, null, undefined]);
    case 3:
      return BigInt(ri(1000)) * (ri(2) ? 1n : -1n) * (ri(3) ? 1n : 12345678901234567890n);
    case 4:
      return pool.length && ri(3) === 0 ? pick(pool) : rnum();
    case 5:
      return rstr();
    case 6:
    case 7: {
      const o = {};
      pool.push(o);
      const n = ri(ri(4) ? 6 : 40);
      for (let i = 0; i < n; i++)
        Object.defineProperty(o, ri(4) ? rstr() : 'k' + ri(50), {
          value: rval(depth + 1, pool),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return o;
    }
    case 8:
    case 9: {
      const len = ri(ri(5) ? 8 : 120);
      const a = new Array(len);
      pool.push(a);
      for (let i = 0; i < len; i++) if (ri(8)) a[i] = rval(depth + 1, pool);
      if (!ri(5)) a['n' + ri(3)] = rval(depth + 1, pool);
      if (!ri(8)) a.length = len + ri(3);
      return a;
    }
    case 10: {
      const m = new Map();
      pool.push(m);
      for (let i = ri(6); i > 0; i--) m.set(rval(depth + 1, pool), rval(depth + 1, pool));
      return m;
    }
    case 11: {
      const st = new Set();
      pool.push(st);
      for (let i = ri(6); i > 0; i--) st.add(rval(depth + 1, pool));
      return st;
    }
    case 12:
      return new Date(pick([0, -1, 1e12, NaN, 8.64e15, ri(1e9)]));
    case 13:
      return pick([/a/g, /x+y/iu, new RegExp('', 'm'), /[é]/s, /\d{2,}/y]);
    case 14: {
      const b = new ArrayBuffer(pick([0, 1, 8, 16, 100, 1000, 20000]));
      const u = new Uint8Array(b);
      for (let i = 0; i < u.length; i += 7) u[i] = i & 255;
      pool.push(b);
      return b;
    }
    case 15: {
      const T = pick(TA);
      const n = pick([0, 1, 3, 16, 500, 3000]);
      const buf =
        (ri(3) === 0 && pool.find((x) => x instanceof ArrayBuffer && x.byteLength >= 64)) ||
        new ArrayBuffer(n * T.BYTES_PER_ELEMENT + 16);
      const max = Math.floor((buf.byteLength - 8) / T.BYTES_PER_ELEMENT);
      const len = Math.max(0, Math.min(n, max));
      const v = new T(buf, 8, len);
      for (let i = 0; i < v.length; i += 3)
        v[i] = T === BigInt64Array || T === BigUint64Array ? BigInt(i) : i * 1.25;
      pool.push(v);
      return v;
    }
    case 16: {
      const buf = new ArrayBuffer(32);
      new Uint8Array(buf).fill(9);
      return new DataView(buf, 4, ri(20));
    }
    case 17: {
      const E = pick([Error, TypeError, RangeError, SyntaxError, EvalError, ReferenceError, URIError]);
      const e = new E(rstr());
      if (!ri(3)) e.cause = rval(depth + 1, pool);
      return e;
    }
    case 18:
      return pick([new Number(rnum()), new String(rstr()), new Boolean(ri(2)), Object(BigInt(ri(99)))]);
    case 19: {
      const o = Object.create(null);
      o.nul = rval(depth + 1, pool);
      return o;
    }
    case 20: {
      const o = { a: 1 };
      Object.defineProperty(o, 'hidden', { value: 2, enumerable: false });
      o[Symbol('s')] = 3;
      return o;
    }
    case 21: {
      const a = [rval(depth + 1, pool), rval(depth + 1, pool)];
      a.push(a);
      return a;
    }
    case 22:
      return pick([
        () => 1,
        function named() {},
        Symbol('x'),
        new WeakMap(),
        new WeakSet(),
        Promise.resolve(1),
        new WeakRef({}),
      ]);
    case 23: {
      const o = { before: rval(depth + 1, pool) };
      const gv = rval(depth + 1, pool);
      Object.defineProperty(o, 'g', {
        get() {
          return gv;
        },
        enumerable: true,
      });
      return o;
    }
    case 24: {
      const o = { a: 1 };
      Object.defineProperty(o, 'boom', {
        get() {
          throw new RangeError('boom ' + depth);
        },
        enumerable: true,
      });
      return o;
    }
    case 25: {
      class K {
        constructor() {
          this.x = rval(depth + 1, pool);
        }
        get y() {
          return 2;
        }
      }
      return new K();
    }
    case 26:
      return { notAProxy: 1 }; // a Proxy is cloned through its traps here, node refuses it (README)
    case 27:
      return Object.freeze({ f: rval(depth + 1, pool), arr: Object.freeze([1, 2]) });
    case 28: {
      const a = [1, 2, 3];
      Object.defineProperty(a, 1, {
        get() {
          return 'got';
        },
        enumerable: true,
      });
      return a;
    }
    case 29: {
      const m = new Map([[1, () => 2]]);
      return m;
    }
  }
}
function desc(v, seen) {
  const t = typeof v;
  if (t === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (t === 'string') return JSON.stringify(v);
  if (t === 'bigint') return v + 'n';
  if (t !== 'object' && t !== 'function') return String(v);
  if (v === null) return 'null';
  if (seen.has(v)) return '#' + seen.get(v);
  seen.set(v, seen.size);
  const tag = Object.prototype.toString.call(v);
  const proto = Object.getPrototypeOf(v);
  const pn =
    proto === null
      ? 'null'
      : proto === Object.prototype
        ? 'O'
        : (proto.constructor && proto.constructor.name) || '?';
  let body;
  if (v instanceof Date) body = String(v.getTime());
  else if (v instanceof RegExp) body = v.source + '/' + v.flags + '/' + v.lastIndex;
  else if (v instanceof Map) body = [...v].map(([k, x]) => desc(k, seen) + '=>' + desc(x, seen)).join(',');
  else if (v instanceof Set) body = [...v].map((x) => desc(x, seen)).join(',');
  else if (v instanceof ArrayBuffer) body = v.byteLength + ':' + Array.from(new Uint8Array(v)).join('.');
  else if (ArrayBuffer.isView(v)) body = v.byteOffset + '+' + v.byteLength + ' of ' + desc(v.buffer, seen);
  else if (v instanceof Error)
    body =
      v.name +
      ':' +
      JSON.stringify(v.message) +
      ('cause' in v ? ' cause=' + desc(v.cause, seen) : '') +
      ' own=' +
      Object.keys(v).join('|');
  else if (
    v instanceof Number ||
    v instanceof String ||
    v instanceof Boolean ||
    (typeof BigInt !== 'undefined' && v instanceof BigInt)
  )
    body = desc(v.valueOf(), seen);
  else if (Array.isArray(v)) {
    const parts = [];
    for (let i = 0; i < v.length; i++) parts.push(i in v ? desc(v[i], seen) : '<hole>');
    const named = Object.keys(v).filter((k) => !(String(k >>> 0) === k && k >>> 0 < v.length));
    body =
      'len' + v.length + '[' + parts.join(',') + ']' + named.map((k) => k + ':' + desc(v[k], seen)).join(',');
  } else
    body = Object.keys(v)
      .map((k) => JSON.stringify(k) + ':' + desc(v[k], seen))
      .join(',');
  return tag + '<' + pn + '>{' + body + '}';
}
function hash(text) {
  // FNV-1a over UTF-16 units
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
const { port1, port2 } = new MessageChannel();
// The third way transfers about half of the value's buffers (the list drawn from the same
// seed) and also shows their byteLength before and after: detached on success, intact when
// the clone threw.
const through = {
  structuredClone: (v) => structuredClone(v),
  port: (v) => {
    port1.postMessage(v);
    return receiveMessageOnPort(port2).message;
  },
  'port with a transfer list': (v, list) => {
    port1.postMessage(v, list);
    return receiveMessageOnPort(port2).message;
  },
};
for (const seed of [1, 7, 42]) {
  for (const [name, clone] of Object.entries(through)) {
    s = seed;
    const lines = [];
    for (let i = 0; i < 120; i++) {
      const pool = [];
      const v = rval(0, pool);
      let list = [];
      if (clone.length === 2) {
        const buffers = pool.map((x) => (x instanceof ArrayBuffer ? x : ArrayBuffer.isView(x) ? x.buffer : null));
        list = [...new Set(buffers.filter((b) => b !== null))].filter(() => ri(2) === 0);
      }
      const before = list.map((b) => b.byteLength).join(',');
      let out;
      try {
        out = desc(clone(v, list), new Map());
      } catch (e) {
        out = 'THROW ' + e.name + ' ' + (e.code || '') + ' ' + e.message;
      }
      if (list.length) out += ' | moved ' + before + ' -> ' + list.map((b) => b.byteLength).join(',');
      lines.push(out.startsWith('THROW') || out.length <= 60 ? out : hash(out) + ' (' + out.length + ')');
    }
    console.log('seed', seed, name);
    console.log(lines.join('\n'));
  }
}
port1.close();
