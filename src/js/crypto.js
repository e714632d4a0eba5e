'use strict';
// crypto: random numbers from the kernel (randomBytes, randomFill, randomInt, randomUUID,
// getRandomValues), message digests and HMACs (createHash/createHmac/hash: md5, sha1,
// sha224, sha256, sha384, sha512, digests in binding('crypto')), pbkdf2, hkdf and scrypt,
// timingSafeEqual, and a webcrypto with getRandomValues/randomUUID (no subtle).
// No ciphers, keys or signatures yet.

const native = binding('crypto');
const { Buffer } = require('buffer');
const {
  codes, validateFunction, validateString, validateObject, validateBoolean, validateInt32, validateInteger, validateUint32,
} = require('internal/errors');

const kAlgorithms = { md5: 1, sha1: 2, sha224: 3, sha256: 4, sha384: 5, sha512: 6 };

// 'SHA256', 'sha-256' and 'RSA-SHA256' name sha256, as OpenSSL's names do for node.
function algorithmId(name) {
  const key = name.toLowerCase().replace(/^rsa-/, '').replace(/^sha-/, 'sha');
  return Object.prototype.hasOwnProperty.call(kAlgorithms, key) ? kAlgorithms[key] : 0;
}

// The bytes of an ArrayBuffer or of any view over one (no copy).
function asBytes(v) {
  return ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(v);
}

function toBytes(data, encoding, name) {
  if (typeof data === 'string') return Buffer.from(data, encoding === 'buffer' ? 'utf8' : encoding);
  if (ArrayBuffer.isView(data)) return asBytes(data);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function encodeDigest(bytes, encoding) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return encoding === undefined || encoding === 'buffer' ? buf : buf.toString(encoding);
}

const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');

function newState(id) {
  const state = new Uint8Array(native.stateSize);
  native.hashInit(state, id);
  return state;
}

function finish(state) {
  const out = new Uint8Array(native.digestSize(state.alg));
  native.hashFinal(state.bytes, out);
  return out;
}

// What Hash and Hmac share: feeding the digest's state.
class Digester {
  update(data, inputEncoding) {
    if (this[kFinalized]) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
    native.hashUpdate(this[kState].bytes, toBytes(data, inputEncoding, 'data'));
    return this;
  }
}

class Hash extends Digester {
  constructor(algorithm, options) {
    super();
    validateString(algorithm, 'algorithm');
    if (options !== undefined && options !== null) validateObject(options, 'options');
    const id = algorithmId(algorithm);
    if (id === 0) throw new Error('Digest method not supported');
    this[kState] = { alg: id, bytes: newState(id) };
    this[kFinalized] = false;
  }

  digest(outputEncoding) {
    if (this[kFinalized]) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
    this[kFinalized] = true;
    return encodeDigest(finish(this[kState]), outputEncoding);
  }

  copy(options) {
    if (this[kFinalized]) throw new codes.ERR_CRYPTO_HASH_FINALIZED();
    const copy = Object.create(Hash.prototype);
    copy[kState] = { alg: this[kState].alg, bytes: this[kState].bytes.slice() };
    copy[kFinalized] = false;
    return copy;
  }
}

// HMAC (RFC 2104): H((K ^ opad) || H((K ^ ipad) || message)).
class Hmac extends Digester {
  constructor(algorithm, key, options) {
    super();
    validateString(algorithm, 'hmac');
    if (typeof key !== 'string' && !ArrayBuffer.isView(key) && !(key instanceof ArrayBuffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('key',
        ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
    }
    const id = algorithmId(algorithm);
    if (id === 0) throw new codes.ERR_CRYPTO_INVALID_DIGEST(algorithm);
    const encoding = options && typeof options.encoding === 'string' ? options.encoding : 'utf8';
    const k = key instanceof ArrayBuffer ? asBytes(key) : toBytes(key, encoding, 'key');
    // C keys both states (pbkdf2's key schedule): inner has taken K ^ ipad, outer K ^ opad
    this[kState] = { alg: id, bytes: new Uint8Array(native.stateSize), outer: new Uint8Array(native.stateSize) };
    native.hmacStart(this[kState].bytes, this[kState].outer, id, k);
    this[kFinalized] = false;
  }

  // As node's: a second digest() gives an empty result instead of throwing.
  digest(outputEncoding) {
    if (this[kFinalized]) return encodeDigest(new Uint8Array(0), outputEncoding);
    this[kFinalized] = true;
    const state = this[kState];
    const outer = { alg: state.alg, bytes: state.outer };
    native.hashUpdate(outer.bytes, finish(state));
    return encodeDigest(finish(outer), outputEncoding);
  }
}

function createHash(algorithm, options) { return new Hash(algorithm, options); }
function createHmac(algorithm, key, options) { return new Hmac(algorithm, key, options); }

// crypto.hash(algorithm, data, outputEncoding = 'hex'): a one-shot digest.
function hash(algorithm, data, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new codes.ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  return new Hash(algorithm).update(data).digest(outputEncoding);
}

function getHashes() { return Object.keys(kAlgorithms).sort(); }

// ---- key derivation ----------------------------------------------------------------------
// A byte source as node's getArrayBufferOrView reads it (strings as UTF-8).
function byteSource(value, name) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer || ArrayBuffer.isView(value)) return asBytes(value);
  throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], value);
}

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = byteSource(password, 'password');
  salt = byteSource(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  const id = algorithmId(digest);
  if (id === 0) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  return [password, salt, iterations, keylen, id];
}

// PBKDF2 with an HMAC of the digest (in C; the callback form runs on libuv's pool).
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  return Buffer.from(native.pbkdf2(...pbkdf2Args(password, salt, iterations, keylen, digest)));
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  const args = pbkdf2Args(password, salt, iterations, keylen, digest);
  validateFunction(callback, 'callback');
  native.pbkdf2(...args, (err, key) => callback(err, Buffer.from(key)));
}

// scrypt (RFC 7914), parameters checked as node and OpenSSL check them.
const kScryptDefaults = { N: 16384, r: 8, p: 1, maxmem: 32 << 20 };
function scryptArgs(password, salt, keylen, options) {
  password = byteSource(password, 'password');
  salt = byteSource(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = kScryptDefaults;
  if (options !== undefined && options !== null) {
    const pick = (name, alias, value) => {
      if (options[name] !== undefined && options[alias] !== undefined) throw new codes.ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
      const key = options[name] !== undefined ? name : options[alias] !== undefined ? alias : undefined;
      if (key === undefined) return value;
      validateUint32(options[key], key);
      return options[key];
    };
    N = pick('N', 'cost', N);
    r = pick('r', 'blockSize', r);
    p = pick('p', 'parallelization', p);
    if (options.maxmem !== undefined) {
      validateInteger(options.maxmem, 'maxmem', 0);
      maxmem = options.maxmem;
    }
    if (N === 0) N = kScryptDefaults.N;
    if (r === 0) r = kScryptDefaults.r;
    if (p === 0) p = kScryptDefaults.p;
    if (maxmem === 0) maxmem = kScryptDefaults.maxmem;
  }
  if (N < 2 || (N & (N - 1)) !== 0) throw new codes.ERR_CRYPTO_INVALID_SCRYPT_PARAMS();
  // OpenSSL's limits: p * r under 2^30, N under 2^(16 r), the memory (128 r (N + 2 + p)) under maxmem
  const big = BigInt;
  const memory = 128n * big(r) * (big(N) + 2n) + 128n * big(r) * big(p);
  if (big(p) * big(r) > 2n ** 30n - 1n || (16 * r < 64 && big(N) >= 2n ** big(16 * r)) || memory > big(maxmem)) {
    throw new codes.ERR_CRYPTO_INVALID_SCRYPT_PARAMS('error:030000AC:digital envelope routines::memory limit exceeded');
  }
  return [password, salt, keylen, N, r, p];
}

function scryptSync(password, salt, keylen, options) {
  return Buffer.from(native.scrypt(...scryptArgs(password, salt, keylen, options)));
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const args = scryptArgs(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  native.scrypt(...args, (err, key) => (err ? callback(err) : callback(null, Buffer.from(key))));
}

// HKDF (RFC 5869): extract a pseudorandom key from ikm and salt, expand it with info.
function hkdfArgs(digest, ikm, salt, info, keylen) {
  validateString(digest, 'digest');
  if (typeof ikm !== 'string' && !ArrayBuffer.isView(ikm) && !(ikm instanceof ArrayBuffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE('ikm', ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'], ikm);
  }
  ikm = byteSource(ikm, 'ikm');
  salt = byteSource(salt, 'salt');
  info = byteSource(info, 'info');
  validateInteger(keylen, 'length', 0, 2 ** 32); // node's buffer.kMaxLength
  if (info.byteLength > 1024) {
    throw new codes.ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  const id = algorithmId(digest);
  if (id === 0) throw new codes.ERR_CRYPTO_INVALID_DIGEST(digest);
  const hashLen = native.digestSize(id);
  if (keylen > 255 * hashLen) throw new codes.ERR_CRYPTO_INVALID_KEYLEN();
  return [id, hashLen, ikm, salt, info, keylen];
}

function hkdfDerive(id, hashLen, ikm, salt, info, keylen) {
  const prk = new Uint8Array(hashLen);
  native.hmac(id, salt.byteLength > 0 ? salt : new Uint8Array(hashLen), ikm, prk);
  const out = new Uint8Array(keylen);
  let previous = new Uint8Array(0);
  for (let i = 1, at = 0; at < keylen; i++) {
    const input = new Uint8Array(previous.length + info.length + 1);
    input.set(previous, 0);
    input.set(info, previous.length);
    input[input.length - 1] = i;
    const t = new Uint8Array(hashLen);
    native.hmac(id, prk, input, t);
    out.set(t.subarray(0, Math.min(hashLen, keylen - at)), at);
    at += hashLen;
    previous = t;
  }
  return out.buffer;
}

function hkdfSync(digest, ikm, salt, info, keylen) {
  return hkdfDerive(...hkdfArgs(digest, ikm, salt, info, keylen));
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  const args = hkdfArgs(digest, ikm, salt, info, keylen);
  validateFunction(callback, 'callback');
  const key = hkdfDerive(...args);
  process.nextTick(callback, null, key);
}

// ---- random numbers ----------------------------------------------------------------------
const kMaxRandomBytes = 2 ** 31 - 1;

function validateSize(size, name, max) {
  if (typeof size !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', size);
  if (Number.isNaN(size) || size < 0 || size > max) throw new codes.ERR_OUT_OF_RANGE(name, `>= 0 && <= ${max}`, size);
}

function randomBytes(size, callback) {
  validateSize(size, 'size', kMaxRandomBytes);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.alloc(Math.floor(size));
  native.randomFill(buf, 0, buf.length);
  if (callback === undefined) return buf;
  process.nextTick(callback, null, buf);
}

function fillArgs(buf, offset, size) {
  if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const view = asBytes(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  let start = 0;
  if (offset !== undefined) {
    validateSize(offset, 'offset', view.length / elementSize);
    start = offset * elementSize;
  }
  let n = view.length - start;
  if (size !== undefined) {
    validateSize(size, 'size', (view.length - start) / elementSize);
    n = size * elementSize;
  }
  return [view, start, n];
}

function randomFillSync(buf, offset, size) {
  const [view, start, n] = fillArgs(buf, offset, size);
  native.randomFill(view, start, n);
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === 'function') [callback, offset, size] = [offset, undefined, undefined];
  else if (typeof size === 'function') [callback, size] = [size, undefined];
  validateFunction(callback, 'callback');
  const [view, start, n] = fillArgs(buf, offset, size);
  native.randomFill(view, start, n);
  process.nextTick(callback, null, buf);
}

// A uniform integer in [min, max), by rejection (no modulo bias), as node's.
const kRandomIntRange = 2 ** 48 - 1;
function randomInt(min, max, callback) {
  if (typeof max === 'undefined' || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw new codes.ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw new codes.ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new codes.ERR_OUT_OF_RANGE('max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (range > kRandomIntRange) {
    throw new codes.ERR_OUT_OF_RANGE('max - min', `<= ${kRandomIntRange}`, range);
  }
  const bytes = new Uint8Array(6);
  const limit = kRandomIntRange + 1 - ((kRandomIntRange + 1) % range);
  let x;
  do {
    native.randomFill(bytes, 0, 6);
    x = bytes[0] * 2 ** 40 + bytes[1] * 2 ** 32 + bytes[2] * 2 ** 24 + bytes[3] * 2 ** 16 + bytes[4] * 2 ** 8 + bytes[5];
  } while (x >= limit);
  const n = min + (x % range);
  if (callback === undefined) return n;
  process.nextTick(callback, undefined, n); // (node's randomInt passes no error object)
}

const hex = [];
for (let i = 0; i < 256; i++) hex.push((i < 16 ? '0' : '') + i.toString(16));
function randomUUID(options) {
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.disableEntropyCache !== undefined) validateBoolean(options.disableEntropyCache, 'options.disableEntropyCache');
  }
  const b = new Uint8Array(16);
  native.randomFill(b, 0, 16);
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  return `${hex[b[0]]}${hex[b[1]]}${hex[b[2]]}${hex[b[3]]}-${hex[b[4]]}${hex[b[5]]}-${hex[b[6]]}${hex[b[7]]}-` +
    `${hex[b[8]]}${hex[b[9]]}-${hex[b[10]]}${hex[b[11]]}${hex[b[12]]}${hex[b[13]]}${hex[b[14]]}${hex[b[15]]}`;
}

const kIntegerArrays = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
  'Uint32Array', 'BigInt64Array', 'BigUint64Array'];
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
function getRandomValues(data) {
  const { DOMException } = require('internal/domexception');
  const tag = ArrayBuffer.isView(data) ? typedArrayTag.call(data) : undefined;
  if (!kIntegerArrays.includes(tag)) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  native.randomFill(asBytes(data), 0, data.byteLength);
  return data;
}

function timingSafeEqual(a, b) {
  for (const [v, name] of [[a, 'buf1'], [b, 'buf2']]) {
    if (!ArrayBuffer.isView(v) && !(v instanceof ArrayBuffer)) {
      // node's own wording here: no "Received ..."
      const err = new TypeError(`The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
  }
  const x = asBytes(a);
  const y = asBytes(b);
  if (x.length !== y.length) throw new codes.ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH();
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

// The web's crypto object (globalThis.crypto), without subtle.
class Crypto {
  getRandomValues(data) { return getRandomValues(data); }
  randomUUID() { return randomUUID(); }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
const webcrypto = new Crypto();

module.exports = {
  createHash, createHmac, getHashes, randomBytes, randomFill, randomFillSync, randomInt, randomUUID,
  timingSafeEqual, hash, Hash, Hmac, webcrypto, getRandomValues, pbkdf2, pbkdf2Sync, hkdf, hkdfSync, scrypt, scryptSync,
  constants: {},
};
Object.defineProperty(module.exports, 'Crypto', { value: Crypto, enumerable: false }); // the global's class
