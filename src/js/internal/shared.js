'use strict';
// SharedArrayBuffer and the waiting half of Atomics (see src/mod/mod_atomics.c
// for why spindle provides its own). The engine's Atomics arithmetic (add,
// load, compareExchange, ...) already works on these buffers' bytes.

const native = binding('atomics');
const { codes } = require('internal/errors');

const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const taBuffer = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), 'buffer').get;
const taByteOffset = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), 'byteOffset').get;
const taLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), 'length').get;
const taTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), Symbol.toStringTag).get;
const toString = Object.prototype.toString;

function toIndex(value, error) {
  const n = value === undefined ? 0 : Number(value);
  const i = Number.isNaN(n) ? 0 : Math.trunc(n);
  if (i < 0 || i > Number.MAX_SAFE_INTEGER || i === Infinity) throw error();
  return i;
}

const invalidLength = () => new RangeError('Invalid array buffer length');

function isSharedArrayBuffer(value) {
  if (value === null || typeof value !== 'object') return false;
  if (!SharedArrayBuffer.prototype.isPrototypeOf(value)) return false;
  try { abByteLength.call(value); return true; } catch { return false; }
}

function checkThis(value, method) {
  if (!isSharedArrayBuffer(value)) {
    throw new TypeError(`Receiver should be a SharedArrayBuffer (SharedArrayBuffer.prototype.${method})`);
  }
}

class SharedArrayBuffer {
  constructor(length, options) {
    const len = toIndex(length, invalidLength);
    if (options !== null && typeof options === 'object' && options.maxByteLength !== undefined) {
      throw new codes.ERR_SPINDLE_UNSUPPORTED('A growable SharedArrayBuffer (the maxByteLength option)');
    }
    const buffer = native.sabNew(len);
    if (new.target !== SharedArrayBuffer) Object.setPrototypeOf(buffer, new.target.prototype);
    return buffer;
  }

  get byteLength() { checkThis(this, 'byteLength'); return abByteLength.call(this); }
  get growable() { checkThis(this, 'growable'); return false; }
  get maxByteLength() { checkThis(this, 'maxByteLength'); return abByteLength.call(this); }

  grow() {
    checkThis(this, 'grow');
    throw new TypeError('SharedArrayBuffer.prototype.grow requires a growable SharedArrayBuffer');
  }

  slice(start, end) {
    checkThis(this, 'slice');
    const len = abByteLength.call(this);
    const rel = (v, dflt) => {
      if (v === undefined) return dflt;
      const n = Math.trunc(Number(v)) || 0;
      return n < 0 ? Math.max(len + n, 0) : Math.min(n, len);
    };
    const first = rel(start, 0);
    const final = rel(end, len);
    const size = Math.max(final - first, 0);
    const copy = new SharedArrayBuffer(size);
    new Uint8Array(copy).set(new Uint8Array(this, first, size));
    return copy;
  }

  static get [Symbol.species]() { return this; }
}
Object.defineProperty(SharedArrayBuffer.prototype, Symbol.toStringTag, {
  value: 'SharedArrayBuffer', configurable: true,
});
native.setup(SharedArrayBuffer.prototype);

// ---- Atomics.wait / notify / waitAsync -----------------------------------------
function waitableArray(ta) {
  const tag = ArrayBuffer.isView(ta) ? taTag.call(ta) : undefined;
  if (tag !== 'Int32Array' && tag !== 'BigInt64Array') {
    throw new TypeError(`${toString.call(ta)} is not an int32 or BigInt64 typed array.`);
  }
  return tag === 'BigInt64Array' ? 8 : 4;
}

function atomicIndex(ta, index) {
  const i = toIndex(index, () => new RangeError('Invalid atomic access index'));
  if (i >= taLength.call(ta)) throw new RangeError('Invalid atomic access index');
  return i;
}

function expectedValue(size, value) {
  return size === 8 ? BigInt.asIntN(64, value) : (Number(value) | 0);
}

function timeoutOf(timeout) {
  if (timeout === undefined) return Infinity;
  const t = Number(timeout);
  if (Number.isNaN(t)) return Infinity;
  return Math.max(t, 0);
}

function prepare(ta, index, value, timeout) {
  const size = waitableArray(ta);
  const buffer = taBuffer.call(ta);
  if (!isSharedArrayBuffer(buffer)) throw new TypeError(`${toString.call(ta)} is not a shared typed array.`);
  const i = atomicIndex(ta, index);
  const v = expectedValue(size, value);
  const t = timeoutOf(timeout);
  return [buffer, taByteOffset.call(ta) + i * size, size, v, t];
}

function wait(ta, index, value, timeout) {
  return native.wait(...prepare(ta, index, value, timeout));
}

function waitAsync(ta, index, value, timeout) {
  const result = native.waitAsync(...prepare(ta, index, value, timeout));
  return { async: typeof result !== 'string', value: result };
}

function notify(ta, index, count) {
  const size = waitableArray(ta);
  const i = atomicIndex(ta, index);
  let c = Infinity;
  if (count !== undefined) {
    const n = Math.trunc(Number(count)) || 0;
    c = Math.max(n, 0);
  }
  const buffer = taBuffer.call(ta);
  if (!isSharedArrayBuffer(buffer)) return 0;
  return native.notify(buffer, taByteOffset.call(ta) + i * size, size, c);
}

module.exports = { SharedArrayBuffer, isSharedArrayBuffer, wait, waitAsync, notify };
