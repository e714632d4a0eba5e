'use strict';
// StringDecoder: decodes a byte stream chunk by chunk without splitting
// characters. Bytes of an incomplete trailing character (UTF-8 sequence, UTF-16
// unit or surrogate pair, base64 group) wait for the next write; end() flushes
// them (an incomplete UTF-8 sequence becomes U+FFFD, as in Node).

const { Buffer, normalizeEncoding } = require('buffer');
const { incompleteUtf8Tail } = require('internal/encoding');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING } } = require('internal/errors');

const kPending = Symbol('kPending');
const kNeed = Symbol('kNeed');
const empty = Buffer.alloc(0);

function normalize(enc) {
  const norm = normalizeEncoding(enc);
  if (norm === undefined) throw new ERR_UNKNOWN_ENCODING(enc);
  return norm;
}

// How many trailing bytes of `bytes` must wait for more input, and how many bytes
// the incomplete character needs in total.
function heldBytes(encoding, bytes) {
  const n = bytes.length;
  switch (encoding) {
    case 'utf8': {
      const keep = incompleteUtf8Tail(bytes);
      if (keep === 0) return [0, 0];
      const lead = bytes[n - keep];
      return [keep, lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2];
    }
    case 'utf16le': {
      let keep = n & 1;
      const last = n - keep - 2;
      if (last >= 0 && (bytes[last + 1] & 0xfc) === 0xd8) keep += 2;
      return [keep, keep >= 2 ? 4 : keep ? 2 : 0];
    }
    case 'base64':
    case 'base64url': {
      const keep = n % 3;
      return [keep, keep ? 3 : 0];
    }
    default: return [0, 0];
  }
}

class StringDecoder {
  constructor(encoding) {
    this.encoding = normalize(encoding);
    Object.defineProperty(this, kPending, { value: empty, writable: true, enumerable: false });
    Object.defineProperty(this, kNeed, { value: 0, writable: true, enumerable: false });
  }

  write(buf) {
    if (typeof buf === 'string') return buf;
    if (!ArrayBuffer.isView(buf)) throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
    let bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    if (this[kPending].length) bytes = Buffer.concat([this[kPending], bytes]);
    const [keep, total] = heldBytes(this.encoding, bytes);
    this[kPending] = keep ? Buffer.from(bytes.subarray(bytes.length - keep)) : empty;
    this[kNeed] = keep ? total - keep : 0;
    return bytes.toString(this.encoding, 0, bytes.length - keep);
  }

  end(buf) {
    let out = buf === undefined ? '' : this.write(buf);
    const rest = this[kPending];
    if (rest.length) {
      out += this.encoding === 'utf8' ? '\ufffd' : rest.toString(this.encoding);
    }
    this[kPending] = empty;
    this[kNeed] = 0;
    return out;
  }

  text(buf, offset) {
    this[kPending] = empty;
    this[kNeed] = 0;
    return this.write(buf.subarray(offset));
  }

  get lastNeed() { return this[kNeed]; }
  get lastTotal() { return this[kPending].length + this[kNeed]; }
  get lastChar() {
    const b = Buffer.alloc(4);
    this[kPending].copy(b);
    return b;
  }
}

module.exports = { StringDecoder };
