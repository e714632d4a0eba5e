'use strict';
// Type checks behind util.types and util.inspect, from JS alone: spindle uses
// only JavaScriptCore's C API (plus the few private functions in ENGINE.md),
// which cannot tell an object's internal class, a promise's state, or a proxy.
// So the internal class comes from Object.prototype.toString, confirmed by a
// brand check (a built-in method that throws on any other receiver) where one
// exists without side effects. Known gaps, documented in the README: a
// promise's state is unknown, proxies are not detected, and a built-in whose
// Symbol.toStringTag was overwritten reads as a plain object.

const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
const objectToString = Object.prototype.toString;
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;

// tag -> [kind, brand check or null]
const byTag = {
  '[object Date]': ['date', Date.prototype.getTime],
  '[object RegExp]': ['regexp', getter(RegExp.prototype, 'source')],
  '[object Map]': ['map', getter(Map.prototype, 'size')],
  '[object Set]': ['set', getter(Set.prototype, 'size')],
  '[object WeakMap]': ['weakmap', WeakMap.prototype.has],
  '[object WeakSet]': ['weakset', WeakSet.prototype.has],
  '[object WeakRef]': ['weakref', WeakRef.prototype.deref],
  '[object Promise]': ['promise', null],
  '[object ArrayBuffer]': ['arraybuffer', getter(ArrayBuffer.prototype, 'byteLength')],
  '[object SharedArrayBuffer]': ['arraybuffer', getter(ArrayBuffer.prototype, 'byteLength')],
  '[object DataView]': ['dataview', getter(DataView.prototype, 'byteLength')],
  '[object Error]': ['error', null],
  '[object Number]': ['number', Number.prototype.valueOf],
  '[object String]': ['string', String.prototype.valueOf],
  '[object Boolean]': ['boolean', Boolean.prototype.valueOf],
  '[object Symbol]': ['symbol', Symbol.prototype.valueOf],
  '[object BigInt]': ['bigint', BigInt.prototype.valueOf],
  '[object Arguments]': ['arguments', null],
  '[object Generator]': ['generator', null],
  '[object AsyncGenerator]': ['asyncgenerator', null],
  '[object Map Iterator]': ['mapiterator', null],
  '[object Set Iterator]': ['setiterator', null],
  '[object Array Iterator]': ['arrayiterator', null],
  '[object String Iterator]': ['stringiterator', null],
};

const brandChecked = Object.keys(byTag).filter((t) => byTag[t][1] !== null && t !== '[object SharedArrayBuffer]');

function hasBrand(check, v) {
  try { check.call(v, {}); return true; } catch { return false; }
}

// The internal kind of an object ('object', 'map', 'Uint8Array', ...); undefined for primitives.
function kindOf(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return undefined;
  if (typeof v === 'function') return 'function';
  try { if (Array.isArray(v)) return 'array'; } catch { return 'object'; /* revoked proxy */ }
  const ta = typedArrayTag.call(v);
  if (ta !== undefined) return ta;
  let tag;
  try { tag = objectToString.call(v); } catch { return 'object'; }
  const entry = byTag[tag];
  if (entry === undefined) {
    // A built-in with its toStringTag changed, or outside Object.prototype's
    // chain (null prototype), still passes its brand check.
    if (tag !== '[object Object]' || !Object.prototype.isPrototypeOf(v)) {
      for (const t of brandChecked) {
        if (hasBrand(byTag[t][1], v)) return byTag[t][0];
      }
    }
    return 'object';
  }
  const [kind, check] = entry;
  if (check === null) {
    if (kind === 'promise') return v instanceof Promise || tag === '[object Promise]' ? 'promise' : 'object';
    return kind;
  }
  if (kind === 'regexp' && v === RegExp.prototype) return 'object';
  return hasBrand(check, v) ? kind : 'object';
}

// The C API cannot read a promise's state: inspect prints `Promise { <unknown> }`.
function promiseState() { return undefined; }
// Nor see through a proxy: proxies are inspected like the objects they pretend to be.
function proxyTarget() { return undefined; }

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
  isProxy: () => false, // not detectable through the C API (see above)
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

module.exports = { types, kindOf, promiseState, proxyTarget, typedArrayTag };
