'use strict';
// v8.Serializer and v8.Deserializer: V8's ValueSerializer wire format, written here in
// JavaScript (JavaScriptCore has no such serializer). The writer makes what node 20 makes
// (version 15); the reader takes versions 13 to 15, so bytes written by node read here and
// bytes written here read in node. Where V8's bytes depend on its internal representation
// they are what V8 writes for the common case: an int32 is an Int32 (V8 writes a
// double-typed array's integers as doubles), an array without holes is dense (V8 writes
// any array whose elements are "holey" sparse), a string all of whose units fit in a byte
// is one-byte. The values read back are the same either way.
//
// The format: a header (0xFF, version), then one value, each led by a tag byte. Objects
// are numbered in the order they are first written; a later occurrence is a reference to
// its number. Malformed or truncated input is refused ("Unable to deserialize cloned
// data."), never trusted: every length is checked against what is left.

const { makeNativeError } = require('internal/errors');
const { kindOf } = require('internal/util/types');
const { FastBuffer } = require('buffer');

const kLatestVersion = 15;
const kMinimumVersion = 13; // what node 20's V8 still reads

// Tags (V8's SerializationTag), as char codes.
const T = {
  version: 0xFF, padding: 0x00, verifyCount: 0x3F /* ? */, theHole: 0x2D /* - */,
  undefined: 0x5F /* _ */, null: 0x30 /* 0 */, true: 0x54 /* T */, false: 0x46 /* F */,
  int32: 0x49 /* I */, uint32: 0x55 /* U */, double: 0x4E /* N */, bigint: 0x5A /* Z */,
  utf8: 0x53 /* S */, oneByte: 0x22 /* " */, twoByte: 0x63 /* c */, ref: 0x5E /* ^ */,
  object: 0x6F /* o */, endObject: 0x7B /* { */,
  sparse: 0x61 /* a */, endSparse: 0x40 /* @ */, dense: 0x41 /* A */, endDense: 0x24 /* $ */,
  date: 0x44 /* D */, trueObject: 0x79 /* y */, falseObject: 0x78 /* x */,
  numberObject: 0x6E /* n */, bigintObject: 0x7A /* z */, stringObject: 0x73 /* s */,
  regexp: 0x52 /* R */, map: 0x3B /* ; */, endMap: 0x3A /* : */, set: 0x27 /* ' */, endSet: 0x2C /* , */,
  arrayBuffer: 0x42 /* B */, resizable: 0x7E /* ~ */, transfer: 0x74 /* t */, shared: 0x75 /* u */,
  view: 0x56 /* V */, host: 0x5C /* \ */, error: 0x72 /* r */,
};

// An error's fields, in the order V8 writes them (ErrorTag).
const E = { eval: 0x45, range: 0x52, reference: 0x46, syntax: 0x53, type: 0x54, uri: 0x55,
  message: 0x6D, cause: 0x63, stack: 0x73, end: 0x2E };
const errorTagByName = { EvalError: E.eval, RangeError: E.range, ReferenceError: E.reference,
  SyntaxError: E.syntax, TypeError: E.type, URIError: E.uri };
const errorCtorByTag = { [E.eval]: EvalError, [E.range]: RangeError, [E.reference]: ReferenceError,
  [E.syntax]: SyntaxError, [E.type]: TypeError, [E.uri]: URIError };

// A view's kind (V8's ArrayBufferViewTag) <-> constructor.
const viewTags = [
  [0x62 /* b */, 'Int8Array'], [0x42 /* B */, 'Uint8Array'], [0x43 /* C */, 'Uint8ClampedArray'],
  [0x77 /* w */, 'Int16Array'], [0x57 /* W */, 'Uint16Array'], [0x64 /* d */, 'Int32Array'],
  [0x44 /* D */, 'Uint32Array'], [0x68 /* h */, 'Float16Array'], [0x66 /* f */, 'Float32Array'],
  [0x46 /* F */, 'Float64Array'], [0x71 /* q */, 'BigInt64Array'], [0x51 /* Q */, 'BigUint64Array'],
  [0x3F /* ? */, 'DataView'],
];
// (constructors are looked up when used: each one's first use in a thread costs the engine)
const viewTagByName = new Map(viewTags.map(([tag, name]) => [name, tag]));
const viewNameByTag = new Map(viewTags.map(([tag, name]) => [tag, name]));
const kLengthTracking = 1, kBackedByResizable = 2; // a view's flags (version 14)

// RegExp flags as V8 numbers them; bit 6 is V8's 'linear' engine (refused, as node does).
const regexpFlagBits = { g: 1, i: 2, m: 4, y: 8, u: 16, s: 32, d: 128, v: 256 };
const regexpFlagChars = [[1, 'g'], [2, 'i'], [4, 'm'], [8, 'y'], [16, 'u'], [32, 's'], [128, 'd'], [256, 'v']];
const kRegExpKnownFlags = 1 | 2 | 4 | 8 | 16 | 32 | 128 | 256;

// Intrinsics captured once, so a program that changes the builtins changes nothing here.
const { apply } = Reflect;
const gopd = Object.getOwnPropertyDescriptor;
const getter = (proto, name) => gopd(proto, name).get;
const hasOwn = Object.hasOwn;
const noArgs = Object.freeze([]);
const objectKeys = Object.keys;
const defineProperty = Object.defineProperty;
const objectToString = Object.prototype.toString;
const dateGetTime = Date.prototype.getTime;
const regexpSource = getter(RegExp.prototype, 'source');
const regexpFlags = getter(RegExp.prototype, 'flags');
const mapEntries = Map.prototype.entries, mapSet = Map.prototype.set;
const setValues = Set.prototype.values, setAdd = Set.prototype.add;
const numberValueOf = Number.prototype.valueOf, stringValueOf = String.prototype.valueOf;
const booleanValueOf = Boolean.prototype.valueOf, bigintValueOf = BigInt.prototype.valueOf;
const abByteLength = getter(ArrayBuffer.prototype, 'byteLength');
const abSlice = ArrayBuffer.prototype.slice;
const abResizable = gopd(ArrayBuffer.prototype, 'resizable') && getter(ArrayBuffer.prototype, 'resizable');
const abMaxByteLength = gopd(ArrayBuffer.prototype, 'maxByteLength') && getter(ArrayBuffer.prototype, 'maxByteLength');
const abDetached = gopd(ArrayBuffer.prototype, 'detached') && getter(ArrayBuffer.prototype, 'detached');
const abResize = ArrayBuffer.prototype.resize;
const sabPrototype = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer.prototype : null;
const TypedArray = Object.getPrototypeOf(Uint8Array);
const taBuffer = getter(TypedArray.prototype, 'buffer');
const taByteOffset = getter(TypedArray.prototype, 'byteOffset');
const taByteLength = getter(TypedArray.prototype, 'byteLength');
const taLength = getter(TypedArray.prototype, 'length');
const taSet = TypedArray.prototype.set;
const dvBuffer = getter(DataView.prototype, 'buffer');
const dvByteOffset = getter(DataView.prototype, 'byteOffset');
const dvByteLength = getter(DataView.prototype, 'byteLength');
const latin1Write = (buf, str, at) => buf.write(str, at, 'latin1');
const utf16Write = (buf, str, at) => buf.write(str, at, 'utf16le');
const taAt = TypedArray.prototype.at;

const fromCharCode = String.fromCharCode;
const kShortString = 64; // strings up to this many units are copied by JavaScript, longer ones by C
const shortUnits = [];
const ArrayPrototype = Array.prototype, ObjectPrototype = Object.prototype;
const getPrototypeOf = Object.getPrototypeOf;
const isArray = Array.isArray;

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const notOneByte = /[^\x00-\xff]/;

// The number an array index key is written as (V8 writes index keys as numbers), or -1.
function indexOfKey(key) {
  const c = key.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) return -1; // most keys: not a number at all
  const n = +key;
  return n >>> 0 === n && n !== 4294967295 && String(n) === key ? n : -1;
}

// An index as a key string; the small ones made once.
const indexStrings = Array.from({ length: 256 }, (_, i) => String(i));
function indexString(i) { return i < 256 ? indexStrings[i] : String(i); }

function isSharedBuffer(b) { return sabPrototype !== null && apply(Object.prototype.isPrototypeOf, sabPrototype, [b]); }
function isResizable(b) { return abResizable && !isSharedBuffer(b) ? apply(abResizable, b, noArgs) === true : false; }
// thrown as node's C++ side throws them: a `code`, no "[CODE]" in the name
function argTypeError(message) { return makeNativeError(TypeError, 'ERR_INVALID_ARG_TYPE', message); }

// How V8 names a value it cannot clone.
function describe(v) {
  if (typeof v === 'symbol') return String(v);
  if (typeof v === 'function') {
    try { return Function.prototype.toString.call(v); } catch { return '#<Function>'; }
  }
  const kind = kindOf(v);
  if (kind === 'generator' || kind === 'asyncgenerator' || kind === 'symbol') return apply(objectToString, v, noArgs);
  if (kind === 'arguments' || (kind && kind.endsWith('iterator'))) return '#<Object>';
  let name;
  try {
    name = v.constructor && v.constructor.name; // V8 names the constructor
    if (typeof name !== 'string' || name === '') name = v[Symbol.toStringTag];
  } catch { name = undefined; }
  return `#<${typeof name === 'string' && name !== '' ? name : 'Object'}>`;
}

// ---- writing -----------------------------------------------------------------------------

class Serializer {
  #bytes = new FastBuffer(64);
  #length = 0;
  #ids = new Map();
  #nextId = 0;
  #transferred = new Map(); // ArrayBuffer -> transfer id
  #viewsAsHostObjects = false;

  writeHeader() {
    this.#byte(T.version);
    this.#varint(kLatestVersion);
  }

  writeValue(value) {
    this.#value(value);
    return true;
  }

  releaseBuffer() {
    const out = this.#bytes.slice(0, this.#length);
    this.#bytes = new FastBuffer(64);
    this.#length = 0;
    return out;
  }

  transferArrayBuffer(id, arrayBuffer) {
    if (kindOf(arrayBuffer) !== 'arraybuffer' || isSharedBuffer(arrayBuffer)) {
      throw argTypeError('arrayBuffer must be an ArrayBuffer');
    }
    this.#transferred.set(arrayBuffer, id >>> 0);
  }

  writeUint32(value) { this.#varint(value >>> 0); }

  writeUint64(hi, lo) { this.#varint64(hi >>> 0, lo >>> 0); }

  writeDouble(value) { this.#double(+value); }

  writeRawBytes(source) {
    const bytes = viewBytes(source);
    if (bytes === null) throw argTypeError('source must be a TypedArray or a DataView');
    this.#raw(bytes);
  }

  _setTreatArrayBufferViewsAsHostObjects(value) { this.#viewsAsHostObjects = value === true; }

  // -- bytes --

  #reserve(n) {
    if (this.#length + n <= this.#bytes.length) return;
    let size = this.#bytes.length * 2;
    while (size < this.#length + n) size *= 2;
    const bigger = new FastBuffer(size);
    apply(taSet, bigger, [this.#bytes.subarray(0, this.#length)]);
    this.#bytes = bigger;
  }

  #byte(b) {
    this.#reserve(1);
    this.#bytes[this.#length++] = b;
  }

  #varint(n) { // n: a uint32
    this.#reserve(5);
    const bytes = this.#bytes;
    while (n >= 0x80) { bytes[this.#length++] = (n & 0x7F) | 0x80; n >>>= 7; }
    bytes[this.#length++] = n;
  }

  #varint64(hi, lo) {
    this.#reserve(10);
    const bytes = this.#bytes;
    while (hi !== 0 || lo >= 0x80) {
      bytes[this.#length++] = (lo & 0x7F) | 0x80;
      lo = ((lo >>> 7) | ((hi & 0x7F) << 25)) >>> 0;
      hi >>>= 7;
    }
    bytes[this.#length++] = lo;
  }

  #double(d) {
    f64[0] = d;
    this.#raw(f64Bytes);
  }

  #raw(u8) {
    this.#reserve(u8.length);
    apply(taSet, this.#bytes, [u8, this.#length]);
    this.#length += u8.length;
  }

  #string(s) {
    const n = s.length;
    if (n <= kShortString) {
      // one pass in JavaScript: a call into C per string costs more than the copy
      this.#reserve(6 + n);
      const bytes = this.#bytes;
      let p = this.#length + 1, m = n;
      while (m >= 0x80) { bytes[p++] = (m & 0x7F) | 0x80; m >>>= 7; }
      bytes[p++] = m;
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c > 0xFF) break;
        bytes[p + i] = c;
      }
      if (i === n) {
        bytes[this.#length] = T.oneByte;
        this.#length = p + n;
        return;
      }
    } else if (!notOneByte.test(s)) {
      this.#byte(T.oneByte);
      this.#varint(n);
      this.#reserve(n);
      this.#length += latin1Write(this.#bytes, s, this.#length);
      return;
    }
    const byteLength = n * 2;
    // V8 aligns two-byte strings: a padding byte when the data would start at an odd offset
    if ((this.#length + 1 + varintSize(byteLength)) & 1) this.#byte(T.padding);
    this.#byte(T.twoByte);
    this.#varint(byteLength);
    this.#reserve(byteLength);
    if (n <= kShortString) {
      const bytes = this.#bytes;
      let p = this.#length;
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        bytes[p++] = c & 0xFF;
        bytes[p++] = c >>> 8;
      }
      this.#length = p;
    } else {
      this.#length += utf16Write(this.#bytes, s, this.#length);
    }
  }

  #bigintBody(n) {
    const negative = n < 0n;
    if (negative) n = -n;
    const words = [];
    while (n > 0n) { words.push(n & 0xFFFFFFFFFFFFFFFFn); n >>= 64n; }
    this.#varint(((words.length * 8) << 1) | (negative ? 1 : 0));
    for (const w of words) {
      this.#uint32le(Number(w & 0xFFFFFFFFn));
      this.#uint32le(Number(w >> 32n));
    }
  }

  #uint32le(n) {
    this.#reserve(4);
    const bytes = this.#bytes;
    bytes[this.#length++] = n & 0xFF; bytes[this.#length++] = (n >>> 8) & 0xFF;
    bytes[this.#length++] = (n >>> 16) & 0xFF; bytes[this.#length++] = n >>> 24;
  }

  #cloneError(message) {
    const make = this._getDataCloneError;
    return typeof make === 'function' ? apply(make, this, [message]) : new Error(message);
  }

  // -- values --

  #value(v) {
    switch (typeof v) {
      case 'undefined': this.#byte(T.undefined); return;
      case 'boolean': this.#byte(v ? T.true : T.false); return;
      case 'number':
        if ((v | 0) === v && (v !== 0 || 1 / v > 0)) {
          this.#byte(T.int32);
          this.#varint(((v << 1) ^ (v >> 31)) >>> 0); // zigzag
        } else {
          this.#byte(T.double);
          this.#double(v);
        }
        return;
      case 'bigint': this.#byte(T.bigint); this.#bigintBody(v); return;
      case 'string': this.#string(v); return;
      case 'symbol': throw this.#cloneError(`${describe(v)} could not be cloned.`);
      default:
        if (v === null) { this.#byte(T.null); return; }
        this.#receiver(v);
    }
  }

  #key(key) {
    const index = indexOfKey(key);
    if (index < 0) this.#string(key);
    else this.#value(index);
  }

  #receiver(o) {
    const seen = this.#ids.get(o);
    if (seen !== undefined) {
      this.#byte(T.ref);
      this.#varint(seen);
      return;
    }
    let kind;
    if (typeof o === 'function') kind = 'function';
    else if (isArray(o)) kind = 'array';
    else {
      const proto = getPrototypeOf(o);
      kind = (proto === ObjectPrototype || proto === null) && apply(objectToString, o, noArgs) === '[object Object]' ? 'object' : kindOf(o);
    }
    const isView = kind === 'dataview' || viewTagByName.has(kind);
    // A view's buffer goes first (and is numbered first), unless views are host objects.
    if (isView && !this.#viewsAsHostObjects) this.#value(kind === 'dataview' ? apply(dvBuffer, o, noArgs) : apply(taBuffer, o, noArgs));
    this.#ids.set(o, this.#nextId++);
    if (isView) {
      if (this.#viewsAsHostObjects) this.#hostObject(o, `${apply(objectToString, o, noArgs)} could not be cloned.`);
      else this.#view(o, kind);
      return;
    }
    switch (kind) {
      case 'array': this.#array(o); return;
      case 'object':
        switch (special(o)) {
          case 'host': this.#hostObject(o, `${describe(o)} could not be cloned.`); return;
          case 'refused': throw this.#cloneError(`${describe(o)} could not be cloned.`);
          default: this.#object(o);
        }
        return;
      case 'date': this.#byte(T.date); this.#double(apply(dateGetTime, o, noArgs)); return;
      case 'regexp': this.#regexp(o); return;
      case 'map': this.#map(o); return;
      case 'set': this.#set(o); return;
      case 'number': this.#byte(T.numberObject); this.#double(apply(numberValueOf, o, noArgs)); return;
      case 'string': this.#byte(T.stringObject); this.#string(apply(stringValueOf, o, noArgs)); return;
      case 'boolean': this.#byte(apply(booleanValueOf, o, noArgs) ? T.trueObject : T.falseObject); return;
      case 'bigint': this.#byte(T.bigintObject); this.#bigintBody(apply(bigintValueOf, o, noArgs)); return;
      case 'arraybuffer': this.#arrayBuffer(o); return;
      case 'error': this.#error(o); return;
      default: throw this.#cloneError(`${describe(o)} could not be cloned.`);
    }
  }

  // Own enumerable properties, listed first; one a getter deleted meanwhile is skipped.
  #properties(o, keys, from) {
    let written = 0;
    for (let i = from; i < keys.length; i++) {
      const key = keys[i];
      if (!hasOwn(o, key)) continue; // deleted by a getter before it
      const value = o[key];
      this.#key(key);
      this.#value(value);
      written++;
    }
    return written;
  }

  #object(o) {
    this.#byte(T.object);
    const written = this.#properties(o, objectKeys(o), 0);
    this.#byte(T.endObject);
    this.#varint(written);
  }

  #array(a) {
    const length = a.length >>> 0;
    const keys = objectKeys(a);
    // keys list indices first, in order: every index is there when the length-th key is the last one
    const dense = length === 0 || (keys.length >= length && keys[length - 1] === indexString(length - 1));
    if (dense) {
      this.#byte(T.dense);
      this.#varint(length);
      for (let i = 0; i < length; i++) {
        if (!hasOwn(a, i)) { this.#byte(T.theHole); continue; } // deleted by a getter
        this.#value(a[i]);
      }
      const written = this.#properties(a, keys, length);
      this.#byte(T.endDense);
      this.#varint(written);
      this.#varint(length);
    } else {
      this.#byte(T.sparse);
      this.#varint(length);
      const written = this.#properties(a, keys, 0);
      this.#byte(T.endSparse);
      this.#varint(written);
      this.#varint(length);
    }
  }

  #regexp(r) {
    this.#byte(T.regexp);
    this.#string(apply(regexpSource, r, noArgs));
    let bits = 0;
    for (const c of apply(regexpFlags, r, noArgs)) bits |= regexpFlagBits[c] || 0;
    this.#varint(bits);
  }

  #map(m) {
    const entries = [...apply(mapEntries, m, noArgs)]; // V8 copies the table before writing it
    this.#byte(T.map);
    for (const [k, v] of entries) { this.#value(k); this.#value(v); }
    this.#byte(T.endMap);
    this.#varint(entries.length * 2);
  }

  #set(s) {
    const values = [...apply(setValues, s, noArgs)];
    this.#byte(T.set);
    for (const v of values) this.#value(v);
    this.#byte(T.endSet);
    this.#varint(values.length);
  }

  #arrayBuffer(b) {
    if (isSharedBuffer(b)) {
      const getId = this._getSharedArrayBufferId;
      if (typeof getId !== 'function') throw this.#cloneError(`${describe(b)} could not be cloned.`);
      const id = apply(getId, this, [b]) >>> 0;
      this.#byte(T.shared);
      this.#varint(id);
      return;
    }
    const id = this.#transferred.get(b);
    if (id !== undefined) {
      this.#byte(T.transfer);
      this.#varint(id);
      return;
    }
    if (abDetached && apply(abDetached, b, noArgs)) throw this.#cloneError('An ArrayBuffer is detached and could not be cloned.');
    const length = apply(abByteLength, b, noArgs);
    if (isResizable(b)) {
      this.#byte(T.resizable);
      this.#varint(length);
      this.#varint(apply(abMaxByteLength, b, noArgs));
    } else {
      this.#byte(T.arrayBuffer);
      this.#varint(length);
    }
    this.#raw(new Uint8Array(b, 0, length));
  }

  #view(v, kind) {
    const isDataView = kind === 'dataview';
    const buffer = isDataView ? apply(dvBuffer, v, noArgs) : apply(taBuffer, v, noArgs);
    let flags = 0;
    if (isResizable(buffer)) {
      flags = kBackedByResizable;
      const tracking = tracksLength(v, buffer, isDataView);
      if (tracking < 0) throw this.#cloneError(`${describe(v)} could not be cloned.`);
      if (tracking) flags |= kLengthTracking;
    }
    this.#byte(T.view);
    this.#byte(viewTagByName.get(isDataView ? 'DataView' : kind));
    this.#varint(isDataView ? apply(dvByteOffset, v, noArgs) : apply(taByteOffset, v, noArgs));
    this.#varint(flags & kLengthTracking ? 0 : isDataView ? apply(dvByteLength, v, noArgs) : apply(taByteLength, v, noArgs));
    this.#varint(flags);
  }

  #error(e) {
    const message = gopd(e, 'message');
    const cause = gopd(e, 'cause');
    this.#byte(T.error);
    const tag = errorTagByName[String(e.name)];
    if (tag !== undefined) this.#varint(tag);
    if (message !== undefined && hasOwn(message, 'value')) {
      this.#varint(E.message);
      this.#string(String(message.value));
    }
    if (cause !== undefined && hasOwn(cause, 'value')) {
      this.#varint(E.cause);
      this.#value(cause.value);
    }
    const stack = e.stack;
    if (typeof stack === 'string') {
      this.#varint(E.stack);
      this.#string(stack);
    }
    this.#varint(E.end);
  }

  #hostObject(o, messageWithout) {
    const write = this._writeHostObject;
    if (typeof write !== 'function') throw this.#cloneError(messageWithout);
    this.#byte(T.host);
    apply(write, this, [o]);
  }
}
Serializer.prototype._getDataCloneError = Error;

function varintSize(n) {
  let size = 1;
  while (n >= 0x80) { n >>>= 7; size++; }
  return size;
}

// The bytes of a typed array or DataView, or null for anything else.
function viewBytes(v) {
  const kind = kindOf(v);
  if (kind === 'dataview') return new Uint8Array(apply(dvBuffer, v, noArgs), apply(dvByteOffset, v, noArgs), apply(dvByteLength, v, noArgs));
  if (viewTagByName.has(kind)) return new Uint8Array(apply(taBuffer, v, noArgs), apply(taByteOffset, v, noArgs), apply(taByteLength, v, noArgs));
  return null;
}

// What a plain-object walk must not take for one, by class: spindle's objects made in C that
// node makes as host objects (a MessagePort: handed to _writeHostObject, as node's are), and
// WebAssembly's (V8 refuses them; node 20 writes nothing for a Module and cannot read that
// back, spindle refuses it too). Only objects off Object.prototype's direct line are looked at.
let hostClasses = null, wasmClasses = null;
function special(o) {
  const proto = Object.getPrototypeOf(o);
  if (proto === Object.prototype || proto === null) return undefined;
  if (hostClasses === null) {
    hostClasses = [require('worker_threads').MessagePort];
    const wasm = globalThis.WebAssembly;
    wasmClasses = wasm ? [wasm.Module, wasm.Instance, wasm.Memory, wasm.Table, wasm.Global].filter((C) => typeof C === 'function') : [];
  }
  for (const C of hostClasses) if (o instanceof C) return 'host';
  for (const C of wasmClasses) if (o instanceof C) return 'refused';
  return undefined;
}

// 1: the view tracks its resizable buffer's length (new Uint8Array(rab, offset)); 0: it has a
// fixed length; -1: it is out of its (shrunk) buffer's bounds. No getter tells the first two
// apart, so the buffer is shrunk to the view's offset (a fixed view of some length is then
// out of bounds, a tracking one empty), grown to its maximum (a tracking one grows), and put
// back as it was, bytes included. No other code runs meanwhile.
function tracksLength(v, buffer, isDataView) {
  const probe = () => (isDataView ? apply(dvByteLength, v, noArgs) : apply(taAt, v, [0])); // throws when out of bounds
  const length = () => (isDataView ? apply(dvByteLength, v, noArgs) : apply(taLength, v, noArgs));
  try { probe(); } catch { return -1; }
  const offset = isDataView ? apply(dvByteOffset, v, noArgs) : apply(taByteOffset, v, noArgs);
  const before = apply(abByteLength, buffer, noArgs), max = apply(abMaxByteLength, buffer, noArgs);
  const saved = apply(abSlice, buffer, [offset, before]);
  let tracking;
  apply(abResize, buffer, [offset]);
  try { probe(); tracking = true; } catch { tracking = false; }
  if (tracking) { apply(abResize, buffer, [max]); tracking = length() > 0; }
  apply(abResize, buffer, [before]);
  apply(taSet, new Uint8Array(buffer, offset), [new Uint8Array(saved)]);
  return tracking ? 1 : 0;
}

// ---- reading -----------------------------------------------------------------------------

// Short one-byte strings (keys, mostly, and small values) repeat from record to record: they
// are looked up in a small table (a hash of the bytes, confirmed unit by unit) and made once,
// which also spares the engine making each key an atom again.
const kCachedString = 24;
const kCacheSlots = 1024;
const stringCache = new Array(kCacheSlots).fill('');
function cachedOneByte(bytes, start, length) {
  let h = length;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ bytes[start + i], 0x01000193);
  const slot = (h ^ (h >>> 15)) & (kCacheSlots - 1);
  const cached = stringCache[slot];
  if (cached.length === length) {
    let i = 0;
    while (i < length && cached.charCodeAt(i) === bytes[start + i]) i++;
    if (i === length) return cached;
  }
  const s = latin1Units(bytes, start, length);
  stringCache[slot] = s;
  return s;
}

// A short one-byte string made in JavaScript: a call into C per string costs more than the copy.
function latin1Units(bytes, start, length) {
  const units = shortUnits;
  units.length = length;
  for (let i = 0; i < length; i++) units[i] = bytes[start + i];
  return apply(fromCharCode, null, units);
}

function malformed() { return new Error('Unable to deserialize cloned data.'); }

const dataDescriptor = { value: undefined, writable: true, enumerable: true, configurable: true };
function defineData(o, key, value) {
  dataDescriptor.value = value;
  defineProperty(o, key, dataDescriptor);
  dataDescriptor.value = undefined;
}
function defineHidden(o, key, value) {
  defineProperty(o, key, { value, writable: true, enumerable: false, configurable: true });
}

class Deserializer {
  #bytes;
  #position = 0;
  #end;
  #version = 0;
  #objects = []; // id -> object
  #buffers = new WeakSet(); // the ArrayBuffers read, which a view may follow
  #transferred = new Map(); // transfer id -> ArrayBuffer or SharedArrayBuffer

  constructor(buffer) {
    const bytes = viewBytes(buffer);
    if (bytes === null) throw argTypeError('buffer must be a TypedArray or a DataView');
    this.#bytes = new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
    this.#end = bytes.length;
    this.buffer = buffer;
  }

  readHeader() {
    let version = 0;
    if (this.#position < this.#end && this.#bytes[this.#position] === T.version) {
      this.#position++;
      version = this.#varint32();
    }
    if (version === -1 || version < kMinimumVersion || version > kLatestVersion) {
      throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
    }
    this.#version = version;
    return true;
  }

  readValue() {
    return this.#object();
  }

  getWireFormatVersion() { return this.#version; }

  transferArrayBuffer(id, arrayBuffer) {
    if (kindOf(arrayBuffer) !== 'arraybuffer') {
      throw argTypeError('arrayBuffer must be an ArrayBuffer or SharedArrayBuffer');
    }
    this.#transferred.set(id >>> 0, arrayBuffer);
  }

  readUint32() {
    const n = this.#varint32();
    if (n === -1) throw new Error('ReadUint32() failed');
    return n;
  }

  readUint64() {
    let n = 0n, shift = 0n, b;
    do {
      if (this.#position >= this.#end) throw new Error('ReadUint64() failed');
      b = this.#bytes[this.#position++];
      if (shift < 64n) n |= BigInt(b & 0x7F) << shift;
      shift += 7n;
    } while (b & 0x80);
    return [Number((n >> 32n) & 0xFFFFFFFFn), Number(n & 0xFFFFFFFFn)];
  }

  readDouble() {
    if (this.#end - this.#position < 8) throw new Error('ReadDouble() failed');
    return this.#double();
  }

  _readRawBytes(length) {
    length = Math.trunc(+length) || 0;
    if (length < 0 || length > this.#end - this.#position) throw new Error('ReadRawBytes() failed');
    const offset = this.#position;
    this.#position += length;
    return offset;
  }

  readRawBytes(length) {
    const offset = this._readRawBytes(length);
    return new FastBuffer(this.buffer.buffer, this.buffer.byteOffset + offset, length);
  }

  // -- bytes --

  // A varint of up to 32 bits (later bits dropped, as V8), or -1 when the input ends first.
  #varint32() {
    if (this.#position < this.#end && this.#bytes[this.#position] < 0x80) return this.#bytes[this.#position++];
    let n = 0, shift = 0, b;
    do {
      if (this.#position >= this.#end) return -1;
      b = this.#bytes[this.#position++];
      if (shift < 32) n += (b & 0x7F) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return n % 4294967296;
  }

  #length() { // a length: must not be more than what is left
    const n = this.#varint32();
    if (n === -1 || n > this.#end - this.#position) throw malformed();
    return n;
  }

  #uint() {
    const n = this.#varint32();
    if (n === -1) throw malformed();
    return n;
  }

  #double() {
    if (this.#end - this.#position < 8) throw malformed();
    for (let i = 0; i < 8; i++) f64Bytes[i] = this.#bytes[this.#position++];
    return f64[0];
  }

  #tag() { // the next tag, padding skipped; -1 at the end
    while (this.#position < this.#end) {
      const t = this.#bytes[this.#position];
      if (t !== T.padding) return t;
      this.#position++;
    }
    return -1;
  }

  #take(tag) { // the next tag, consumed; the input must not end here
    const t = this.#tag();
    if (t === -1) throw malformed();
    if (tag !== undefined && t !== tag) throw malformed();
    this.#position++;
    return t;
  }

  #add(o) {
    this.#objects.push(o);
    return o;
  }

  // A number for an object read whole before it is usable (as V8 numbers it); set it with
  // this.#objects[id] = o once made.
  #numberNow() {
    this.#objects.push(undefined);
    return this.#objects.length - 1;
  }

  // -- values --

  #object() {
    const tag = this.#take();
    let v = this.#objectFor(tag);
    // a view follows the buffer it is over
    if (typeof v === 'object' && v !== null && this.#buffers.has(v) && this.#tag() === T.view) {
      this.#position++;
      v = this.#view(v);
    }
    return v;
  }

  #objectFor(tag) {
    switch (tag) {
      case T.verifyCount: this.#uint(); return this.#object();
      case T.undefined: return undefined;
      case T.null: return null;
      case T.true: return true;
      case T.false: return false;
      case T.int32: { const u = this.#uint(); return (u >>> 1) ^ -(u & 1); }
      case T.uint32: return this.#uint();
      case T.double: return this.#double();
      case T.bigint: return this.#bigintBody();
      case T.utf8: case T.oneByte: case T.twoByte: return this.#stringBody(tag);
      case T.ref: {
        const id = this.#uint();
        if (id >= this.#objects.length || this.#objects[id] === undefined) throw malformed();
        return this.#objects[id];
      }
      case T.object: {
        const o = this.#add({});
        if (this.#properties(o, T.endObject) !== this.#uint()) throw malformed();
        return o;
      }
      case T.dense: return this.#dense();
      case T.sparse: {
        const length = this.#uint();
        const a = this.#add(new Array(length));
        const read = this.#properties(a, T.endSparse);
        if (read !== this.#uint() || length !== this.#uint()) throw malformed();
        return a;
      }
      case T.date: return this.#add(new Date(this.#double()));
      case T.trueObject: return this.#add(Object(true));
      case T.falseObject: return this.#add(Object(false));
      case T.numberObject: return this.#add(Object(this.#double()));
      case T.bigintObject: return this.#add(Object(this.#bigintBody()));
      case T.stringObject: return this.#add(Object(this.#string()));
      case T.regexp: return this.#regexp();
      case T.map: {
        const m = this.#add(new Map());
        let read = 0;
        while (this.#tag() !== T.endMap) {
          const k = this.#object();
          apply(mapSet, m, [k, this.#object()]);
          read += 2;
        }
        this.#position++;
        if (read !== this.#uint()) throw malformed();
        return m;
      }
      case T.set: {
        const s = this.#add(new Set());
        let read = 0;
        while (this.#tag() !== T.endSet) { apply(setAdd, s, [this.#object()]); read++; }
        this.#position++;
        if (read !== this.#uint()) throw malformed();
        return s;
      }
      case T.arrayBuffer: return this.#bufferOf(new ArrayBuffer(this.#length()));
      case T.resizable: {
        const length = this.#uint(), max = this.#uint();
        if (length > max || length > this.#end - this.#position) throw malformed();
        let b;
        try { b = new ArrayBuffer(length, { maxByteLength: max }); } catch { throw malformed(); }
        return this.#bufferOf(b);
      }
      case T.transfer: {
        const b = this.#transferred.get(this.#uint());
        if (b === undefined) throw malformed();
        this.#buffers.add(b);
        return this.#add(b);
      }
      case T.error: return this.#error();
      case T.host: return this.#hostObject();
      default: throw malformed(); // a shared buffer (node's deserializer has no way to find one), wasm, a stray hole...
    }
  }

  // b, a new buffer as long as its bytes (next in the input), filled with them
  #bufferOf(b) {
    const length = apply(abByteLength, b, noArgs);
    new Uint8Array(b).set(this.#bytes.subarray(this.#position, this.#position + length));
    this.#position += length;
    this.#buffers.add(b);
    return this.#add(b);
  }

  #stringBody(tag) {
    const length = this.#length();
    const start = this.#position;
    const bytes = this.#bytes;
    this.#position += length;
    if (tag === T.oneByte) {
      if (length <= kCachedString) return cachedOneByte(bytes, start, length);
      if (length > kShortString) return bytes.latin1Slice(start, start + length);
      return latin1Units(bytes, start, length);
    }
    if (tag === T.twoByte) {
      if (length & 1) throw malformed();
      if (length > 2 * kShortString) return bytes.ucs2Slice(start, start + length);
      const units = shortUnits, n = length >>> 1;
      units.length = n;
      for (let i = 0; i < n; i++) units[i] = bytes[start + 2 * i] | (bytes[start + 2 * i + 1] << 8);
      return apply(fromCharCode, null, units);
    }
    return bytes.utf8Slice(start, start + length);
  }

  #string() { // a value that must be a string (a RegExp's source, an error's message): read whole first, as V8
    const v = this.#object();
    if (typeof v !== 'string') throw malformed();
    return v;
  }

  #bigintBody() {
    const bitfield = this.#uint();
    const negative = bitfield & 1, byteLength = bitfield >>> 1;
    if (byteLength > this.#end - this.#position || (negative && byteLength === 0)) throw malformed();
    let n = 0n;
    for (let i = byteLength - 1; i >= 0; i--) n = (n << 8n) | BigInt(this.#bytes[this.#position + i]);
    this.#position += byteLength;
    return negative ? -n : n;
  }

  // Properties up to the end tag; returns how many were read.
  #properties(o, endTag) {
    let read = 0;
    for (;;) {
      const t = this.#tag();
      if (t === -1) throw malformed();
      if (t === endTag) { this.#position++; return read; }
      const key = this.#object();
      if (typeof key !== 'string' && typeof key !== 'number') throw malformed();
      const value = this.#object();
      if (hasOwn(o, key)) throw malformed(); // a key given twice (or an array's length): refused, as V8
      // a name the prototype chain has (__proto__, or a setter someone added) is defined, as V8
      // does; assigning would call the setter
      if (key in ArrayPrototype) defineData(o, key, value);
      else o[key] = value;
      read++;
    }
  }

  #dense() {
    const length = this.#uint();
    if (length > this.#end - this.#position) throw malformed(); // at least a byte each
    const a = this.#add(new Array(length));
    for (let i = 0; i < length; i++) {
      if (this.#tag() === T.theHole) { this.#position++; continue; }
      defineData(a, i, this.#object());
    }
    const read = this.#properties(a, T.endDense);
    if (read !== this.#uint() || length !== this.#uint()) throw malformed();
    return a;
  }

  #regexp() {
    const id = this.#numberNow();
    const source = this.#string();
    const bits = this.#uint();
    if (bits & ~kRegExpKnownFlags) throw malformed();
    let flags = '';
    for (const [bit, c] of regexpFlagChars) if (bits & bit) flags += c;
    const r = new RegExp(source, flags); // a bad pattern throws its SyntaxError, as in node
    this.#objects[id] = r;
    return r;
  }

  #view(buffer) {
    const tag = this.#take();
    const offset = this.#uint(), byteLength = this.#uint();
    const flags = this.#version >= 14 ? this.#uint() : 0;
    const name = viewNameByTag.get(tag);
    const Ctor = name === undefined ? undefined : globalThis[name];
    if (typeof Ctor !== 'function') throw malformed();
    const size = Ctor.BYTES_PER_ELEMENT || 1;
    const tracking = (flags & kLengthTracking) !== 0;
    if ((flags & kBackedByResizable) && !isResizable(buffer)) throw malformed();
    if (tracking && !(flags & kBackedByResizable)) throw malformed();
    const bufferLength = apply(abByteLength, buffer, noArgs);
    if (offset % size !== 0 || byteLength % size !== 0 || offset > bufferLength ||
        (!tracking && byteLength > bufferLength - offset)) throw malformed();
    let v;
    if (tracking) v = new Ctor(buffer, offset);
    else v = new Ctor(buffer, offset, Ctor === DataView ? byteLength : byteLength / size);
    return this.#add(v);
  }

  #error() {
    const id = this.#numberNow();
    let Ctor = Error, message, stack, cause, hasCause = false;
    for (;;) {
      const tag = this.#uint();
      if (tag === E.end) break;
      if (tag === E.message) message = this.#string();
      else if (tag === E.stack) stack = this.#string();
      else if (tag === E.cause) { cause = this.#object(); hasCause = true; }
      else if (errorCtorByTag[tag] !== undefined) Ctor = errorCtorByTag[tag];
      else throw malformed();
    }
    // V8's order of own properties: stack, message, cause; none of JavaScriptCore's own
    const e = new Ctor();
    delete e.line; delete e.column; delete e.sourceURL; delete e.stack;
    defineHidden(e, 'stack', stack);
    if (message !== undefined) defineHidden(e, 'message', message);
    if (hasCause) defineHidden(e, 'cause', cause);
    this.#objects[id] = e;
    return e;
  }

  #hostObject() {
    const id = this.#numberNow();
    const read = this._readHostObject;
    if (typeof read !== 'function') throw malformed();
    const o = apply(read, this, noArgs);
    if (o === null || (typeof o !== 'object' && typeof o !== 'function')) {
      throw new TypeError('readHostObject must return an object');
    }
    this.#objects[id] = o;
    return o;
  }
}

// ---- node's defaults: Buffers and typed arrays as host objects -----------------------------
// (node writes them itself so that a pooled Buffer's whole pool is not written.)

const hostViewNames = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'Float32Array', 'Float64Array', 'DataView', 'Buffer', 'BigInt64Array', 'BigUint64Array'];
const kBufferIndex = 10;
const hostViewIndexByTag = new Map();
hostViewNames.forEach((name, i) => { if (i !== kBufferIndex) hostViewIndexByTag.set(`[object ${name}]`, i); });
function hostViewType(i) {
  if (i === kBufferIndex) return FastBuffer;
  return hasOwn(hostViewNames, i) ? globalThis[hostViewNames[i]] : undefined;
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(abView) {
    const { Buffer } = require('buffer');
    let i = kBufferIndex;
    if (abView.constructor !== Buffer) {
      i = hostViewIndexByTag.get(apply(objectToString, abView, noArgs));
      if (i === undefined) {
        const { inspect } = require('util');
        throw new this._getDataCloneError(`Unserializable host object: ${inspect(abView)}`);
      }
    }
    const bytes = viewBytes(abView);
    this.writeUint32(i);
    this.writeUint32(bytes.length);
    this.writeRawBytes(bytes);
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const typeIndex = this.readUint32();
    const Ctor = hostViewType(typeIndex);
    const byteLength = this.readUint32();
    const byteOffset = this._readRawBytes(byteLength);
    // node's own words for an unknown type (its code reads a property of the missing constructor)
    if (Ctor === undefined) throw new TypeError("Cannot read properties of undefined (reading 'BYTES_PER_ELEMENT')");
    const size = Ctor.BYTES_PER_ELEMENT || 1;
    const offset = this.buffer.byteOffset + byteOffset;
    if (offset % size === 0) return new Ctor(this.buffer.buffer, offset, byteLength / size);
    // an aligned copy first
    const copy = new FastBuffer(byteLength);
    apply(taSet, copy, [new Uint8Array(this.buffer.buffer, offset, byteLength)]);
    return new Ctor(copy.buffer, copy.byteOffset, byteLength / size);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const der = new DefaultDeserializer(buffer);
  der.readHeader();
  return der.readValue();
}

module.exports = { Serializer, Deserializer, DefaultSerializer, DefaultDeserializer, serialize, deserialize };
