'use strict';
// Buffer: a Uint8Array subclass (FastBuffer) behind Node's `Buffer` function, so
// `Buffer.prototype === FastBuffer.prototype` and every Buffer is a Uint8Array.
// String <-> byte conversions are native (binding('encoding')); numeric reads and
// writes, argument validation and Node's error messages live here. Small
// allocations share an 8 KiB pool as in Node, so `buf.buffer` can be larger
// than the Buffer.

const native = binding('encoding');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE, ERR_UNKNOWN_ENCODING,
    ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_BUFFER_SIZE, ERR_MISSING_ARGS,
  },
  validateNumber, validateArray, validateString, makeNodeError,
} = require('internal/errors');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength };

// Encoding ids shared with src/mod/mod_encoding.c.
const kUtf8 = 0, kUtf16le = 1, kLatin1 = 2, kAscii = 3, kBase64 = 4, kBase64url = 5, kHex = 6;
const encodingNames = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
const encodingIds = {
  __proto__: null,
  'utf8': kUtf8, 'utf-8': kUtf8, 'ucs2': kUtf16le, 'ucs-2': kUtf16le, 'utf16le': kUtf16le,
  'utf-16le': kUtf16le, 'latin1': kLatin1, 'binary': kLatin1, 'ascii': kAscii, 'base64': kBase64,
  'base64url': kBase64url, 'hex': kHex,
};

// Encoding name -> id, or undefined when unknown ('' and undefined mean utf8).
function encodingId(enc) {
  if (enc === undefined || enc === null || enc === '') return kUtf8;
  const id = encodingIds[enc];
  if (id !== undefined) return id;
  return encodingIds[`${enc}`.toLowerCase()];
}

function normalizeEncoding(enc) {
  const id = encodingId(enc);
  return id === undefined ? undefined : encodingNames[id];
}

const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const typedArraySet = TypedArrayProto.set;
const typedArrayFill = TypedArrayProto.fill;

function isUint8Array(v) { return typedArrayTag.call(v) === 'Uint8Array'; }
function isAnyArrayBuffer(v) {
  if (v === null || typeof v !== 'object') return false;
  try { arrayBufferByteLength.call(v); return true; } catch { /* not an ArrayBuffer */ }
  if (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) return true;
  return false;
}

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(a, b, c) { super(a, b, c); }
}

// ---- allocation ------------------------------------------------------------
let poolSize = 8 * 1024;
let pool, poolView, poolOffset;
function createPool() {
  pool = new ArrayBuffer(poolSize);
  poolView = new Uint8Array(pool);
  poolOffset = 0;
}
createPool();

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > poolSize - poolOffset) { poolSize = Buffer.poolSize; createPool(); }
    const b = new FastBuffer(pool, poolOffset, size);
    poolOffset += size;
    if (poolOffset & 7) poolOffset = (poolOffset | 7) + 1; // keep 8-byte alignment
    return b;
  }
  return new FastBuffer(size);
}

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Object.defineProperty(Buffer, 'name', { value: 'Buffer' });
Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', {
  value: Buffer, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Buffer, Uint8Array);
Buffer.poolSize = 8 * 1024;
// map/subarray/filter make FastBuffers directly, not through the Buffer() function.
Object.defineProperty(Buffer, Symbol.species, { get() { return FastBuffer; }, enumerable: false, configurable: true });

// Short ASCII text is converted in JS (internal/ascii says why).
const { kShortText, writeShortAscii, readShortAscii } = require('internal/ascii');

function fromString(string, encoding) {
  let id = kUtf8;
  if (typeof encoding === 'string' && encoding.length !== 0) {
    id = encodingId(encoding);
    if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  const n = string.length;
  if (n !== 0 && n <= kShortText && (id === kUtf8 || id === kLatin1 || id === kAscii)) {
    if (n > poolSize - poolOffset) { poolSize = Buffer.poolSize; createPool(); }
    if (writeShortAscii(string, poolView, poolOffset)) {
      const buf = new FastBuffer(pool, poolOffset, n);
      poolOffset += n;
      if (poolOffset & 7) poolOffset = (poolOffset | 7) + 1;
      return buf;
    }
  }
  const length = byteLengthOf(string, id);
  if (length === 0) return new FastBuffer();
  if (length >= (Buffer.poolSize >>> 1)) {
    const buf = new FastBuffer(length);
    const actual = native.write(buf, string, 0, length, id);
    return actual === length ? buf : new FastBuffer(buf.buffer, 0, actual);
  }
  if (length > poolSize - poolOffset) { poolSize = Buffer.poolSize; createPool(); }
  // base64/hex byteLength is an upper bound: the pool only advances by what was written.
  const actual = native.write(poolView, string, poolOffset, length, id);
  const buf = new FastBuffer(pool, poolOffset, actual);
  poolOffset += actual;
  if (poolOffset & 7) poolOffset = (poolOffset | 7) + 1;
  return buf;
}

function fromArrayLike(obj) {
  const length = obj.length;
  if (length <= 0) return new FastBuffer();
  const b = allocate(length);
  if (isUint8Array(obj)) {
    typedArraySet.call(b, obj, 0);
  } else {
    for (let i = 0; i < length; i++) b[i] = obj[i];
  }
  return b;
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) byteOffset = 0;
  else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) length = maxLength;
  else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
  return undefined;
}

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || view instanceof DataView) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return new FastBuffer();
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateNonNegativeInteger(offset, 'offset');
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateNonNegativeInteger(length, 'length');
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return fromArrayLike(bytes);
};

function validateNonNegativeInteger(value, name) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < 0 || value > Number.MAX_SAFE_INTEGER) {
    throw new ERR_OUT_OF_RANGE(name, `>= 0 && <= ${Number.MAX_SAFE_INTEGER}`, value);
  }
}

Buffer.of = function of(...items) { return fromArrayLike(items); };

Buffer.alloc = function alloc(size, fill, encoding) {
  validateSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return fillImpl(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateSize(size);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateSize(size);
  return new FastBuffer(size);
};

function SlowBuffer(size) {
  validateSize(size);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) { return b instanceof Buffer; };

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return native.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 && encodingId(encoding) !== undefined;
};
Buffer[Symbol.for('kIsEncodingSymbol')] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    pos += copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) typedArrayFill.call(buffer, 0, pos, length);
  return buffer;
};

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function byteLengthOf(string, id) {
  switch (id) {
    case kUtf8: return native.byteLengthUtf8(string);
    case kUtf16le: return string.length * 2;
    case kLatin1: case kAscii: return string.length;
    case kHex: return string.length >>> 1;
    default: return base64ByteLength(string, string.length);
  }
}

Buffer.byteLength = function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  if (string.length === 0) return 0;
  let id = encodingId(encoding);
  if (id === undefined) id = kUtf8;
  return byteLengthOf(string, id);
};

Object.defineProperty(Buffer.prototype, 'parent', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.buffer : undefined; },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  enumerable: true, configurable: true,
  get() { return this instanceof Buffer ? this.byteOffset : undefined; },
});

// ---- strings ---------------------------------------------------------------
const proto = Buffer.prototype;

for (const [name, id] of [['utf8', kUtf8], ['ucs2', kUtf16le], ['latin1', kLatin1], ['ascii', kAscii],
  ['base64', kBase64], ['base64url', kBase64url], ['hex', kHex]]) {
  proto[`${name}Slice`] = function(start, end) { return native.decode(this, start, end, id, false); };
  proto[`${name}Write`] = function(string, offset = 0, length = this.length - offset) {
    if (offset < 0 || offset > this.length) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    if (length < 0 || length > this.length - offset) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    return native.write(this, string, offset, length, id);
  };
}

proto.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) {
    if (this.length <= kShortText) {
      const s = readShortAscii(this, 0, this.length);
      if (s !== undefined) return s;
    }
    return native.decode(this, 0, this.length, kUtf8, false);
  }
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  let id = kUtf8;
  if (encoding !== undefined) {
    id = encodingId(encoding);
    if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  if (end - start <= kShortText && (id === kUtf8 || id === kLatin1 || id === kAscii)) {
    const s = readShortAscii(this, start, end);
    if (s !== undefined) return s;
  }
  return native.decode(this, start, end, id, false);
};

proto.toLocaleString = proto.toString;

proto.write = function write(string, offset, length, encoding) {
  if (typeof string !== 'string') throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  if (offset === undefined) return native.write(this, string, 0, this.length, kUtf8);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) length = remaining;
    else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  let id = kUtf8;
  if (encoding) {
    id = encodingId(encoding);
    if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  }
  return native.write(this, string, offset, length, id);
};

proto.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

// ---- comparison, search -----------------------------------------------------
function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

proto.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  if (this.byteLength !== otherBuffer.byteLength) return false;
  return this.byteLength === 0 || native.compare(this, otherBuffer) === 0;
};

proto.compare = function compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (arguments.length === 1) return native.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
  if (targetStart >= targetEnd) return 1;
  if (sourceStart > this.length) throw new ERR_OUT_OF_RANGE('sourceStart', `<= ${this.length}`, sourceStart);
  if (targetStart > target.length) throw new ERR_OUT_OF_RANGE('targetStart', `<= ${target.length}`, targetStart);
  return native.compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
};

// Where a search starts, as Node computes it (negative offsets count from the end).
function searchStart(length, offset, needleLength, forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (forward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (forward) return -1;
  return length - 1;
}

const oneByte = new Uint8Array(1);

function indexOfImpl(buffer, val, byteOffset, encoding, forward) {
  if (!isUint8Array(buffer)) throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = forward ? 0 : buffer.length;
  byteOffset = Math.trunc(byteOffset);
  let needle;
  if (typeof val === 'number') {
    oneByte[0] = val >>> 0;
    needle = oneByte;
  } else if (typeof val === 'string') {
    const id = encoding === undefined ? kUtf8 : encodingId(encoding);
    if (id === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    needle = Buffer.from(val, encodingNames[id]);
  } else if (isUint8Array(val)) {
    needle = val;
  } else {
    throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
  }
  const start = searchStart(buffer.length, byteOffset, needle.length, forward);
  if (needle.length === 0) return start;
  if (buffer.length === 0 || start < 0) return -1;
  return native.indexOf(buffer, needle, start, forward);
}

proto.indexOf = function indexOf(val, byteOffset, encoding) {
  return indexOfImpl(this, val, byteOffset, encoding, true);
};
proto.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return indexOfImpl(this, val, byteOffset, encoding, false);
};
proto.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// ---- copy, fill, slice -------------------------------------------------------
function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return n % 1 === 0 ? n : Math.floor(n);
  }
  return defaultVal;
}

function copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.length - targetStart) sourceEnd = sourceStart + target.length - targetStart;
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.length - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  if (sourceStart !== 0 || sourceEnd < source.length) {
    source = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  }
  typedArraySet.call(target, source, targetStart);
  return nb;
}

proto.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(this)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], this);
  if (!isUint8Array(target)) throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  if (targetStart === undefined) targetStart = 0;
  else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) sourceStart = 0;
  else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > this.length) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) sourceEnd = this.length;
  else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  return copyActual(this, target, targetStart, sourceStart, sourceEnd);
};

function fillImpl(buf, value, offset, end, encoding) {
  let id;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    id = encodingId(encoding);
    if (id === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      const code = value.charCodeAt(0);
      if ((id === kUtf8 && code < 128) || id === kLatin1) value = code;
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    if (offset > end || end > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    typedArrayFill.call(buf, value, offset, end);
    return buf;
  }
  let bytes;
  if (typeof value === 'string') bytes = Buffer.from(value, encodingNames[id]);
  else if (ArrayBuffer.isView(value)) bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  else {
    typedArrayFill.call(buf, (value >>> 0) & 255, offset, end);
    return buf;
  }
  if (bytes.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  if (end > buf.length) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  // Lay the pattern down once, then double it with copyWithin.
  const total = end - offset;
  const first = Math.min(bytes.length, total);
  typedArraySet.call(buf, first === bytes.length ? bytes : bytes.subarray(0, first), offset);
  let filled = first;
  while (filled < total) {
    const n = Math.min(filled, total - filled);
    buf.copyWithin(offset + filled, offset, offset + n);
    filled += n;
  }
  return buf;
}

proto.fill = function fill(value, offset, end, encoding) {
  return fillImpl(this, value, offset, end, encoding);
};

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

proto.slice = function slice(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

function swap(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

proto.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) swap(this, i, i + 1);
  return this;
};
proto.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) { swap(this, i, i + 3); swap(this, i + 1, i + 2); }
  return this;
};
proto.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) {
    swap(this, i, i + 7); swap(this, i + 1, i + 6); swap(this, i + 2, i + 5); swap(this, i + 3, i + 4);
  }
  return this;
};

// ---- numbers ---------------------------------------------------------------
function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

// Validates offset for an access of `size` bytes.
function checkOffset(buf, offset, size) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
}

function rangeText(min, max, size) {
  const n = typeof min === 'bigint' ? 'n' : '';
  if (size > 4) {
    if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${size * 8}${n}`;
    return `>= -(2${n} ** ${size * 8 - 1}${n}) and < 2${n} ** ${size * 8 - 1}${n}`;
  }
  return `>= ${min}${n} and <= ${max}${n}`;
}

function checkInt(value, min, max, buf, offset, size) {
  if (value > max || value < min) throw new ERR_OUT_OF_RANGE('value', rangeText(min, max, size), value);
  checkOffset(buf, offset, size);
}

function readUnsigned(buf, offset, size, le) {
  let v = 0;
  if (le) for (let i = size - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  else for (let i = 0; i < size; i++) v = v * 256 + buf[offset + i];
  return v;
}

function writeBytes(buf, value, offset, size, le) {
  value = Math.trunc(value) || 0;
  if (value < 0) value += 2 ** (size * 8);
  for (let i = 0; i < size; i++) {
    const byte = value % 256;
    value = Math.floor(value / 256);
    buf[le ? offset + i : offset + size - 1 - i] = byte;
  }
  return offset + size;
}

function makeIntMethods(size, le) {
  const end = le ? 'LE' : 'BE';
  const bits = size * 8;
  const umax = 2 ** bits - 1;
  const smin = -(2 ** (bits - 1)), smax = 2 ** (bits - 1) - 1;
  const readU = function(offset = 0) {
    checkOffset(this, offset, size);
    return readUnsigned(this, offset, size, le);
  };
  const readS = function(offset = 0) {
    checkOffset(this, offset, size);
    const v = readUnsigned(this, offset, size, le);
    return v > smax ? v - 2 ** bits : v;
  };
  const writeU = function(value, offset = 0) {
    value = +value;
    checkInt(value, 0, umax, this, offset, size);
    return writeBytes(this, value, offset, size, le);
  };
  const writeS = function(value, offset = 0) {
    value = +value;
    checkInt(value, smin, smax, this, offset, size);
    return writeBytes(this, value, offset, size, le);
  };
  return { readU, readS, writeU, writeS, name: size === 1 ? '8' : `${bits}${end}` };
}

const intBySize = { LE: [], BE: [] };
for (const le of [true, false]) {
  for (let size = 1; size <= 6; size++) intBySize[le ? 'LE' : 'BE'][size] = makeIntMethods(size, le);
}

function defineMethod(name, fn, ...aliases) {
  Object.defineProperty(fn, 'name', { value: name });
  proto[name] = fn;
  for (const a of aliases) proto[a] = fn;
}

for (const end of ['LE', 'BE']) {
  for (const size of [1, 2, 4]) {
    if (size === 1 && end === 'BE') continue;
    const m = intBySize[end][size];
    const suffix = size === 1 ? '8' : `${size * 8}${end}`;
    defineMethod(`readUInt${suffix}`, m.readU, `readUint${suffix}`);
    defineMethod(`readInt${suffix}`, m.readS);
    defineMethod(`writeUInt${suffix}`, m.writeU, `writeUint${suffix}`);
    defineMethod(`writeInt${suffix}`, m.writeS);
  }
  const methods = intBySize[end];
  const checkByteLength = (byteLength) => {
    if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) return;
    boundsError(byteLength, 6, 'byteLength');
  };
  defineMethod(`readUInt${end}`, function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    checkByteLength(byteLength);
    return methods[byteLength].readU.call(this, offset);
  }, `readUint${end}`);
  defineMethod(`readInt${end}`, function(offset, byteLength) {
    if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
    checkByteLength(byteLength);
    return methods[byteLength].readS.call(this, offset);
  });
  defineMethod(`writeUInt${end}`, function(value, offset, byteLength) {
    checkByteLength(byteLength);
    return methods[byteLength].writeU.call(this, value, offset);
  }, `writeUint${end}`);
  defineMethod(`writeInt${end}`, function(value, offset, byteLength) {
    checkByteLength(byteLength);
    return methods[byteLength].writeS.call(this, value, offset);
  });
}

// 64-bit integers as BigInt.
const big64 = new BigUint64Array(1);
const big64Bytes = new Uint8Array(big64.buffer);
const bigS64 = new BigInt64Array(big64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function copyIn(buf, offset, scratch, size, le) {
  if (le === littleEndian) for (let i = 0; i < size; i++) scratch[i] = buf[offset + i];
  else for (let i = 0; i < size; i++) scratch[size - 1 - i] = buf[offset + i];
}
function copyOut(buf, offset, scratch, size, le) {
  if (le === littleEndian) for (let i = 0; i < size; i++) buf[offset + i] = scratch[i];
  else for (let i = 0; i < size; i++) buf[offset + i] = scratch[size - 1 - i];
  return offset + size;
}

for (const le of [true, false]) {
  const end = le ? 'LE' : 'BE';
  defineMethod(`readBigUInt64${end}`, function(offset = 0) {
    checkOffset(this, offset, 8);
    copyIn(this, offset, big64Bytes, 8, le);
    return big64[0];
  }, `readBigUint64${end}`);
  defineMethod(`readBigInt64${end}`, function(offset = 0) {
    checkOffset(this, offset, 8);
    copyIn(this, offset, big64Bytes, 8, le);
    return bigS64[0];
  });
  defineMethod(`writeBigUInt64${end}`, function(value, offset = 0) {
    checkInt(value, 0n, 0xffffffffffffffffn, this, offset, 8);
    big64[0] = value;
    return copyOut(this, offset, big64Bytes, 8, le);
  }, `writeBigUint64${end}`);
  defineMethod(`writeBigInt64${end}`, function(value, offset = 0) {
    checkInt(value, -(2n ** 63n), 2n ** 63n - 1n, this, offset, 8);
    bigS64[0] = value;
    return copyOut(this, offset, big64Bytes, 8, le);
  });
}

// Floats through a scratch array (the bytes are copied, so alignment does not matter).
const f32 = new Float32Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

for (const le of [true, false]) {
  const end = le ? 'LE' : 'BE';
  defineMethod(`readFloat${end}`, function(offset = 0) {
    checkOffset(this, offset, 4);
    copyIn(this, offset, f32Bytes, 4, le);
    return f32[0];
  });
  defineMethod(`readDouble${end}`, function(offset = 0) {
    checkOffset(this, offset, 8);
    copyIn(this, offset, f64Bytes, 8, le);
    return f64[0];
  });
  defineMethod(`writeFloat${end}`, function(value, offset = 0) {
    value = +value;
    checkOffset(this, offset, 4);
    f32[0] = value;
    return copyOut(this, offset, f32Bytes, 4, le);
  });
  defineMethod(`writeDouble${end}`, function(value, offset = 0) {
    value = +value;
    checkOffset(this, offset, 8);
    f64[0] = value;
    return copyOut(this, offset, f64Bytes, 8, le);
  });
}

// ---- inspect -----------------------------------------------------------------
const customInspect = Symbol.for('nodejs.util.inspect.custom');
let INSPECT_MAX_BYTES = 50;

proto[customInspect] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  const hex = native.decode(this, 0, actualMax, kHex, false);
  let str = '';
  for (let i = 0; i < hex.length; i += 2) str += (i ? ' ' : '') + hex.slice(i, i + 2);
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    const extras = Object.create(null);
    let any = false;
    const keys = ctx.showHidden ? Object.getOwnPropertyNames(this) : Object.keys(this);
    for (const key of keys) {
      if (/^(0|[1-9][0-9]*)$/.test(key)) continue;
      extras[key] = this[key];
      any = true;
    }
    if (any) {
      const { inspect } = require('internal/util/inspect');
      if (this.length !== 0) str += ', ';
      const text = inspect(extras, { ...ctx, breakLength: Infinity, compact: true });
      str += text.slice(text.indexOf('{') + 2, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
proto.inspect = proto[customInspect];

// ---- atob / btoa (forgiving-base64 of the HTML spec) ---------------------------
let DOMException;
function invalidChar(message = 'Invalid character') {
  DOMException ??= require('internal/domexception').DOMException;
  return new DOMException(message, 'InvalidCharacterError');
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) > 0xff) throw invalidChar();
  }
  return Buffer.from(input, 'latin1').toString('base64');
}

function isB64Char(c) {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x2b || c === 0x2f;
}

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let data = 0, padding = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20) continue;
    if (c === 0x3d) {
      padding++;
      if (padding > 2) throw invalidChar();
    } else if (isB64Char(c)) {
      if (padding) throw invalidChar(); // '=' only at the end
      data++;
    } else {
      throw invalidChar();
    }
  }
  // With padding, the total must be a multiple of 4; without it, one leftover char is an error.
  if (padding && (data + padding) % 4 !== 0) throw invalidChar();
  if (data % 4 === 1) throw invalidChar('The string to be decoded is not correctly encoded.');
  return Buffer.from(input, 'base64').toString('latin1');
}

// ---- isUtf8 / isAscii / transcode ----------------------------------------------
function viewBytes(input, name) {
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  throw new ERR_INVALID_ARG_TYPE(name, ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isUtf8(input) {
  return native.decode(viewBytes(input, 'input'), 0, undefined, kUtf8, true) !== null;
}

function isAscii(input) {
  const bytes = viewBytes(input, 'input');
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  const ok = ['utf8', 'utf16le', 'latin1', 'ascii'];
  if (!ok.includes(from) || !ok.includes(to)) {
    const err = new Error(`Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]`);
    err.code = 'U_ILLEGAL_ARGUMENT_ERROR';
    err.errno = 1;
    throw err;
  }
  let str = Buffer.prototype.toString.call(source, from);
  if (to === 'latin1' || to === 'ascii') str = str.replace(/[^\x00-\xff]/g, '?');
  return Buffer.from(str, to);
}

module.exports = {
  Buffer, SlowBuffer, transcode, isUtf8, isAscii, kMaxLength, kStringMaxLength, btoa, atob, constants,
};
// For other builtins (string_decoder, encoding); hidden from Object.keys(require('buffer')).
for (const [k, v] of Object.entries({ FastBuffer, normalizeEncoding, isUint8Array, isAnyArrayBuffer })) {
  Object.defineProperty(module.exports, k, { value: v, enumerable: false });
}
Object.defineProperty(module.exports, 'INSPECT_MAX_BYTES', {
  configurable: true, enumerable: true,
  get() { return INSPECT_MAX_BYTES; },
  set(val) { validateNumber(val, 'INSPECT_MAX_BYTES', 0); INSPECT_MAX_BYTES = val; },
});
