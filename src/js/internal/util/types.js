'use strict';
// Type checks behind util.types and util.inspect. One native call returns the
// engine's internal cell type (see src/mod/mod_util.c); which byte means what
// is learned here, once per agent, from freshly made reference objects.
// Engine internals cannot be spoofed by Symbol.toStringTag or a swapped
// prototype, which is what Node's own checks guarantee too.

const native = binding('util');
const nativeKind = native.kind;

const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;

// kind name -> reference values (several engine types can share a name).
function references() {
  const sloppyArgs = Function('return arguments')();
  const scopedArgs = Function('a', 'return [arguments, () => a][0]')(1);
  const strictArgs = Function('"use strict"; return arguments')();
  const ab = new ArrayBuffer(8);
  const refs = {
    object: [{}, Object.create(null)],
    array: [[]],
    function: [function f() {}, Map, () => {}, function f() {}.bind(null)],
    date: [new Date(0)],
    regexp: [/a/],
    map: [new Map()],
    set: [new Set()],
    weakmap: [new WeakMap()],
    weakset: [new WeakSet()],
    weakref: [new WeakRef({})],
    promise: [Promise.resolve()],
    proxy: [new Proxy({}, {}), new Proxy(function () {}, {})],
    arraybuffer: [ab],
    dataview: [new DataView(ab)],
    error: [new Error('x'), new TypeError('x')],
    number: [new Number(1)],
    string: [new String('')],
    boolean: [new Boolean(false)],
    symbol: [Object(Symbol('s'))],
    bigint: [Object(1n)],
    arguments: [sloppyArgs, scopedArgs, strictArgs],
    generator: [(function* g() {})()],
    asyncgenerator: [(async function* g() {})()],
    mapiterator: [new Map().entries()],
    setiterator: [new Set().values()],
    arrayiterator: [[].values()],
    stringiterator: [''[Symbol.iterator]()],
    Int8Array: [new Int8Array(1)],
    Uint8Array: [new Uint8Array(1)],
    Uint8ClampedArray: [new Uint8ClampedArray(1)],
    Int16Array: [new Int16Array(1)],
    Uint16Array: [new Uint16Array(1)],
    Int32Array: [new Int32Array(1)],
    Uint32Array: [new Uint32Array(1)],
    Float32Array: [new Float32Array(1)],
    Float64Array: [new Float64Array(1)],
    BigInt64Array: [new BigInt64Array(1)],
    BigUint64Array: [new BigUint64Array(1)],
  };
  if (typeof Float16Array === 'function') refs.Float16Array = [new Float16Array(1)];
  return refs;
}

// byte -> kind name. Calibration fails (table = null) if two kinds that must differ collide.
// Some kinds share the engine's generic object type (boxed Symbol/BigInt, WeakRef here):
// that byte maps to 'object' and those kinds are told apart by a brand check.
const sharesObjectType = new Set(['boolean', 'symbol', 'bigint', 'weakref']);
const brands = {
  boolean: Boolean.prototype.valueOf,
  symbol: Symbol.prototype.valueOf,
  bigint: BigInt.prototype.valueOf,
  weakref: WeakRef.prototype.deref,
};
let table = null;
const sharedByte = new Map(); // byte -> kinds to brand-check
function calibrate() {
  const t = new Array(256).fill(undefined);
  const refs = references();
  for (const name of Object.keys(refs)) {
    for (const v of refs[name]) {
      const b = nativeKind(v);
      if (b < 0 || b > 255) return null;
      if (t[b] === undefined || t[b] === name) { t[b] = name; continue; }
      // Engines may share one cell type between kinds JS code never confuses.
      if (name === 'function' || t[b] === 'function') { t[b] = 'function'; continue; }
      const [shared, other] = sharesObjectType.has(name) ? [name, t[b]] : [t[b], name];
      if (!sharesObjectType.has(shared)) return null;
      if (!sharedByte.has(b)) sharedByte.set(b, []);
      sharedByte.get(b).push(shared);
      if (sharesObjectType.has(other)) sharedByte.get(b).push(other);
      t[b] = 'object';
    }
  }
  for (const kinds of sharedByte.values()) kinds.splice(0, kinds.length, ...new Set(kinds));
  return t;
}
table = calibrate();

function hasBrand(name, v) {
  try { brands[name].call(v); return true; } catch { return false; }
}

// Fallback when calibration failed: prototype-based (spoofable, but never wrong for ordinary code).
function slowKind(v) {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'function') return 'function';
  const tag = typedArrayTag.call(v);
  if (tag !== undefined) return tag;
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regexp';
  if (v instanceof Map) return 'map';
  if (v instanceof Set) return 'set';
  if (v instanceof WeakMap) return 'weakmap';
  if (v instanceof WeakSet) return 'weakset';
  if (v instanceof Promise) return 'promise';
  if (v instanceof ArrayBuffer) return 'arraybuffer';
  if (v instanceof DataView) return 'dataview';
  if (v instanceof Error) return 'error';
  if (v instanceof Number) return 'number';
  if (v instanceof String) return 'string';
  if (v instanceof Boolean) return 'boolean';
  if (v instanceof Symbol) return 'symbol';
  if (v instanceof BigInt) return 'bigint';
  if (v instanceof WeakRef) return 'weakref';
  return 'object';
}

// The internal kind of an object ('object', 'map', 'Uint8Array', ...); undefined for primitives.
function kindOf(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
  if (table === null) return slowKind(v);
  const b = nativeKind(v);
  const k = table[b];
  if (k === 'object') {
    const shared = sharedByte.get(b);
    if (shared !== undefined) for (const name of shared) if (hasBrand(name, v)) return name;
  }
  return k === undefined ? 'object' : k;
}

const promiseByte = table ? table.indexOf('promise') : -1;
const proxyByte = table ? table.indexOf('proxy') : -1;

// [state, result]: state 'pending' | 'fulfilled' | 'rejected'; undefined if unknown.
function promiseState(p) {
  const r = native.promiseState(p, promiseByte);
  if (r === undefined) return undefined;
  return [r[0] === 0 ? 'pending' : r[0] === 1 ? 'fulfilled' : 'rejected', r[1]];
}
// The target of a proxy (null once revoked); undefined if not a proxy.
function proxyTarget(p) {
  const t = native.proxyTarget(p, proxyByte);
  if (t === undefined || t === null) return t;
  // The engine keeps the target after revoke(); Array.isArray throws on a
  // revoked proxy without running any trap, so it tells the two apart.
  try { Array.isArray(p); } catch { return null; }
  return t;
}

const typedArrayNames = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
];
const typedArraySet = new Set(typedArrayNames);

const is = (name) => (v) => kindOf(v) === name;
const isTypedArray = (v) => typedArraySet.has(kindOf(v));
const isSharedArrayBuffer = (v) => kindOf(v) === 'arraybuffer' && typeof SharedArrayBuffer === 'function' &&
  (SharedArrayBuffer.prototype.isPrototypeOf(v));
const isArrayBuffer = (v) => kindOf(v) === 'arraybuffer' && !isSharedArrayBuffer(v);

function fnSource(fn) {
  try { return Function.prototype.toString.call(fn); } catch { return ''; }
}
const AsyncFunctionProto = Object.getPrototypeOf(async function () {});
const GeneratorFunctionProto = Object.getPrototypeOf(function* () {});
const AsyncGeneratorFunctionProto = Object.getPrototypeOf(async function* () {});

function isAsyncFunction(v) {
  if (typeof v !== 'function') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto === AsyncFunctionProto || proto === AsyncGeneratorFunctionProto) return true;
  return /^async[\s(*]/.test(fnSource(v));
}
function isGeneratorFunction(v) {
  if (typeof v !== 'function') return false;
  const proto = Object.getPrototypeOf(v);
  if (proto === GeneratorFunctionProto || proto === AsyncGeneratorFunctionProto) return true;
  return /^(async\s*)?function\s*\*/.test(fnSource(v)) || /^(async\s+)?\*/.test(fnSource(v));
}

const types = {
  isExternal: () => false,
  isDate: is('date'),
  isArgumentsObject: is('arguments'),
  isBigIntObject: is('bigint'),
  isBooleanObject: is('boolean'),
  isNumberObject: is('number'),
  isStringObject: is('string'),
  isSymbolObject: is('symbol'),
  isBoxedPrimitive: (v) => {
    const k = kindOf(v);
    return k === 'number' || k === 'string' || k === 'boolean' || k === 'symbol' || k === 'bigint';
  },
  isNativeError: is('error'),
  isRegExp: is('regexp'),
  isAsyncFunction,
  isGeneratorFunction,
  isGeneratorObject: (v) => { const k = kindOf(v); return k === 'generator' || k === 'asyncgenerator'; },
  isPromise: is('promise'),
  isMap: is('map'),
  isSet: is('set'),
  isMapIterator: is('mapiterator'),
  isSetIterator: is('setiterator'),
  isWeakMap: is('weakmap'),
  isWeakSet: is('weakset'),
  isArrayBuffer,
  isDataView: is('dataview'),
  isSharedArrayBuffer,
  isProxy: (v) => proxyTarget(v) !== undefined,
  isModuleNamespaceObject: (v) => v !== null && typeof v === 'object' && v[Symbol.toStringTag] === 'Module' &&
    Object.getPrototypeOf(v) === null && Object.isSealed(v),
  isAnyArrayBuffer: is('arraybuffer'),
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isTypedArray,
  isKeyObject: () => false,
  isCryptoKey: () => false,
};
// Node v20 has no isFloat16Array (the engine has Float16Array; kindOf still knows it).
for (const name of typedArrayNames) if (name !== 'Float16Array') types[`is${name}`] = is(name);
if (!table || !table.includes('proxy')) types.isProxy = () => false;

module.exports = { types, kindOf, promiseState, proxyTarget, calibrated: table !== null, typedArrayTag };
