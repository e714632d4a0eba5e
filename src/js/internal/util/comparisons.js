'use strict';
// Deep equality for assert.deepEqual / deepStrictEqual and util.isDeepStrictEqual,
// with Node's semantics (observable in assert's public behaviour):
//  - strict: Object.is for primitives, same [[Prototype]], own enumerable string
//    AND symbol keys, no type coercion;
//  - loose: == for primitives (NaN equals NaN), prototypes ignored, symbol keys ignored.
// Both: the Object.prototype.toString tags must match; Dates by time value, RegExps
// by source/flags/lastIndex, errors by name/message (+ cause/errors), boxed
// primitives by value, typed arrays/ArrayBuffers by bytes (loose float arrays by
// element value), Map/Set unordered with deep matching of object keys, holes
// are not undefined, cyclic structures compare by their unrolled shape.

let types;
function getTypes() {
  if (types === undefined) types = require('internal/util/types').types;
  return types;
}

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const tagOf = (v) => Object.prototype.toString.call(v);
const isObjectLike = (v) => typeof v === 'object' && v !== null;

// How the members of a container are walked after its own keys matched.
const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

// Array indices ("0".."4294967294") are compared by the array walk, not as keys.
function isArrayIndex(key) {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return false;
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < 4294967295 && String(n) === key;
}

// Own enumerable non-index keys (and, in strict mode, enumerable symbols).
function nonIndexKeys(obj, strict) {
  const keys = Object.keys(obj).filter((k) => !isArrayIndex(k));
  if (strict) {
    for (const sym of Object.getOwnPropertySymbols(obj)) if (isEnumerable(obj, sym)) keys.push(sym);
  }
  return keys;
}

function bytesOf(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isFloatArray(v) {
  const t = getTypes();
  return t.isFloat32Array(v) || t.isFloat64Array(v) || (t.isFloat16Array !== undefined && t.isFloat16Array(v));
}

// Loose float arrays compare element values: NaN never equals, 0 equals -0.
function sameFloatElements(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameBoxedPrimitive(a, b) {
  const t = getTypes();
  if (t.isNumberObject(a)) return t.isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  if (t.isStringObject(a)) return t.isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  if (t.isBooleanObject(a)) return t.isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  if (t.isBigIntObject(a)) return t.isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  if (t.isSymbolObject(a)) return t.isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  return false;
}

const isErrorLike = (v) => getTypes().isNativeError(v) || v instanceof Error;

// message and name must match; `cause` and `errors` are usually own but not
// enumerable, so the key walk would miss them: compare them here.
function sameErrors(a, b, strict, memos) {
  if (!isErrorLike(b) || a.message !== b.message || a.name !== b.name) return false;
  for (const key of ['message', 'name']) {
    if (isEnumerable(a, key) !== isEnumerable(b, key)) return false;
  }
  const causeEnum = isEnumerable(a, 'cause');
  if (causeEnum !== isEnumerable(b, 'cause')) return false;
  if (!causeEnum && !innerDeepEqual(a.cause, b.cause, strict, memos)) return false;
  const errorsEnum = isEnumerable(a, 'errors');
  if (errorsEnum !== isEnumerable(b, 'errors')) return false;
  if (!errorsEnum && !innerDeepEqual(a.errors, b.errors, strict, memos)) return false;
  return true;
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (!isObjectLike(a)) {
      if (isObjectLike(b)) return false;
      // eslint-disable-next-line eqeqeq
      return a == b || (Number.isNaN(a) && Number.isNaN(b));
    }
    if (!isObjectLike(b)) return false;
  }

  const tag = tagOf(a);
  if (tag !== tagOf(b)) return false;
  const t = getTypes();

  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return keyCheck(a, b, strict, memos, kIsArray, keysA);
  }
  if (tag === '[object Object]') return keyCheck(a, b, strict, memos, kNoIterator);

  if (t.isDate(a)) {
    if (!t.isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (t.isRegExp(a)) {
    if (!t.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (isErrorLike(a)) {
    if (!sameErrors(a, b, strict, memos)) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    if (!strict && isFloatArray(a)) {
      if (!sameFloatElements(a, b)) return false;
    } else if (!sameBytes(bytesOf(a), bytesOf(b))) {
      return false;
    }
    const keysA = nonIndexKeys(a, strict);
    if (keysA.length !== nonIndexKeys(b, strict).length) return false;
    return keyCheck(a, b, strict, memos, kNoIterator, keysA);
  } else if (t.isSet(a)) {
    if (!t.isSet(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, kIsSet);
  } else if (t.isMap(a)) {
    if (!t.isMap(b) || a.size !== b.size) return false;
    return keyCheck(a, b, strict, memos, kIsMap);
  } else if (t.isAnyArrayBuffer(a)) {
    if (!t.isAnyArrayBuffer(b) || !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
  } else if (t.isBoxedPrimitive(a)) {
    if (!sameBoxedPrimitive(a, b)) return false;
  } else if (Array.isArray(b) || ArrayBuffer.isView(b) || t.isSet(b) || t.isMap(b) || t.isDate(b) ||
             t.isRegExp(b) || t.isAnyArrayBuffer(b) || t.isBoxedPrimitive(b) || isErrorLike(b)) {
    return false;
  }
  return keyCheck(a, b, strict, memos, kNoIterator);
}

// Compares own keys (given, or own enumerable string keys), then the members.
function keyCheck(a, b, strict, memos, iterationType, givenKeys) {
  let keysA = givenKeys;
  if (keysA === undefined) {
    keysA = Object.keys(a);
    if (keysA.length !== Object.keys(b).length) return false;
  }
  for (const key of keysA) if (!isEnumerable(b, key)) return false;

  if (strict && givenKeys === undefined) {
    let count = 0;
    for (const sym of Object.getOwnPropertySymbols(a)) {
      if (isEnumerable(a, sym)) {
        if (!isEnumerable(b, sym)) return false;
        keysA.push(sym);
        count++;
      } else if (isEnumerable(b, sym)) {
        return false;
      }
    }
    let countB = 0;
    for (const sym of Object.getOwnPropertySymbols(b)) if (isEnumerable(b, sym)) countB++;
    if (countB !== count) return false;
  }

  if (keysA.length === 0 && (iterationType === kNoIterator ||
      (iterationType === kIsArray && a.length === 0) || a.size === 0)) {
    return true;
  }

  // Cycles: each side keeps the objects it is in the middle of comparing. Meeting
  // a pair where both are already being compared means the structure repeats:
  // treat it as equal (Node does the same), the rest of the walk decides.
  if (memos === undefined) {
    memos = { a: new Set(), b: new Set() };
  } else if (memos.a.has(a) && memos.b.has(b)) {
    return true;
  }
  const addedA = !memos.a.has(a);
  const addedB = !memos.b.has(b);
  if (addedA) memos.a.add(a);
  if (addedB) memos.b.add(b);
  const result = objEquiv(a, b, strict, keysA, memos, iterationType);
  if (addedA) memos.a.delete(a);
  if (addedB) memos.b.delete(b);
  return result;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // Sparse: compare the remaining own keys of both sides as a whole.
        const rest = Object.keys(a);
        for (; i < rest.length; i++) {
          const key = rest[i];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        return rest.length === Object.keys(b).length;
      }
    }
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

// ---- Set / Map -------------------------------------------------------------
// Primitives are looked up directly; object members (and, in loose mode,
// primitives that only match after coercion) go to a pool that is matched
// pairwise, each pool entry used at most once.

function takeEqual(pool, value, strict, memos) {
  for (const candidate of pool) {
    if (innerDeepEqual(value, candidate, strict, memos)) {
      pool.delete(candidate);
      return true;
    }
  }
  return false;
}

// For a loose primitive missing from the other side: true/false when the
// answer is known without a search, otherwise the one value it could equal
// (undefined <-> null).
function looseCounterpart(prim) {
  switch (typeof prim) {
    case 'undefined': return null;
    case 'object': return undefined; // null
    case 'symbol': return false;
    case 'string': return !Number.isNaN(+prim);
    case 'number': return !Number.isNaN(prim);
    default: return true;
  }
}

function setMightHaveLoosePrim(a, b, prim) {
  const alt = looseCounterpart(prim);
  if (alt != null) return alt;
  return b.has(alt) && !a.has(alt);
}

function mapMightHaveLoosePrim(a, b, prim, item, memos) {
  const alt = looseCounterpart(prim);
  if (alt != null) return alt;
  const other = b.get(alt);
  if ((other === undefined && !b.has(alt)) || !innerDeepEqual(item, other, false, memos)) return false;
  return !a.has(alt);
}

function setEquiv(a, b, strict, memos) {
  let pool = null;
  for (const value of a) {
    if (isObjectLike(value)) {
      if (pool === null) pool = new Set();
      pool.add(value);
    } else if (!b.has(value)) {
      if (strict || !setMightHaveLoosePrim(a, b, value)) return false;
      if (pool === null) pool = new Set();
      pool.add(value);
    }
  }
  if (pool === null) return true;
  for (const value of b) {
    if (isObjectLike(value)) {
      if (!takeEqual(pool, value, strict, memos)) return false;
    } else if (!strict && !a.has(value) && !takeEqual(pool, value, strict, memos)) {
      return false;
    }
  }
  return pool.size === 0;
}

function takeEqualEntry(pool, map, key, item, strict, memos) {
  for (const candidate of pool) {
    if (innerDeepEqual(key, candidate, strict, memos) &&
        innerDeepEqual(item, map.get(candidate), strict, memos)) {
      pool.delete(candidate);
      return true;
    }
  }
  return false;
}

function mapEquiv(a, b, strict, memos) {
  let pool = null;
  for (const [key, itemA] of a) {
    if (isObjectLike(key)) {
      if (pool === null) pool = new Set();
      pool.add(key);
    } else {
      const itemB = b.get(key);
      if ((itemB === undefined && !b.has(key)) || !innerDeepEqual(itemA, itemB, strict, memos)) {
        if (strict || !mapMightHaveLoosePrim(a, b, key, itemA, memos)) return false;
        if (pool === null) pool = new Set();
        pool.add(key);
      }
    }
  }
  if (pool === null) return true;
  for (const [key, item] of b) {
    if (isObjectLike(key)) {
      if (!takeEqualEntry(pool, a, key, item, strict, memos)) return false;
    } else if (!strict && (!a.has(key) || !innerDeepEqual(a.get(key), item, false, memos)) &&
               !takeEqualEntry(pool, a, key, item, false, memos)) {
      return false;
    }
  }
  return pool.size === 0;
}

function isDeepEqual(a, b) { return innerDeepEqual(a, b, false); }
function isDeepStrictEqual(a, b) { return innerDeepEqual(a, b, true); }

module.exports = { isDeepEqual, isDeepStrictEqual };
