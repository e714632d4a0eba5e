'use strict';
// TextEncoder / TextDecoder (WHATWG Encoding) for utf-8, utf-16le and latin1
// (windows-1252 labels, decoded as latin1 as Node 20 does). The byte work is
// native (binding('encoding')); streaming state is kept here: a decoder holds
// back the bytes of an incomplete trailing character until the next chunk.

const native = binding('encoding');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_ENCODING_NOT_SUPPORTED, ERR_ENCODING_INVALID_ENCODED_DATA },
  makeNodeError, validateObject,
} = require('internal/errors');
const { kShortText, readShortAscii, writeShortAscii } = require('internal/ascii');

const kUtf8 = 0, kUtf16le = 1, kLatin1 = 2; // ids shared with mod_encoding.c
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

function inspectValue(v, opts) {
  return require('internal/util/inspect').inspect(v, opts);
}

class TextEncoder {
  get encoding() { return 'utf-8'; }

  encode(input = '') {
    const string = `${input}`;
    if (string.length <= kShortText) {
      const bytes = new Uint8Array(string.length);
      if (writeShortAscii(string, bytes, 0)) return bytes;
    }
    return native.encodeUtf8(string);
  }

  encodeInto(src, dest) {
    if (typedArrayTag.call(dest) !== 'Uint8Array') throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const out = [0, 0];
    native.encodeInto(`${src}`, dest, out);
    return { read: out[0], written: out[1] };
  }

  [customInspect](depth, opts) {
    return inspectValue({ encoding: this.encoding }, opts);
  }
}
Object.defineProperty(TextEncoder.prototype, 'encoding', { enumerable: true });
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

// label -> canonical name (the WHATWG label table, for the encodings supported here).
const labels = { __proto__: null };
for (const l of ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']) {
  labels[l] = 'utf-8';
}
for (const l of ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']) {
  labels[l] = 'utf-16le';
}
for (const l of ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1',
  'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
  'windows-1252', 'x-cp1252']) {
  labels[l] = 'windows-1252';
}
labels['unicodefffe'] = labels['utf-16be'] = 'utf-16be';
const kUtf16be = -1; // decoded by swapping into utf-16le
const encodingIds = { 'utf-8': kUtf8, 'utf-16le': kUtf16le, 'utf-16be': kUtf16be, 'windows-1252': kLatin1 };

function getEncoding(label) {
  return labels[`${label}`.trim().toLowerCase()];
}

// Length of a trailing UTF-8 sequence that is a valid but incomplete prefix (0 if none).
function incompleteUtf8Tail(bytes) {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if (b >= 0x80 && b <= 0xbf) continue; // continuation byte: keep looking for the lead
    let need, lo = 0x80, hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return 0;
    if (back > need) return 0; // complete (or overlong) sequence
    for (let i = n - back + 1; i < n; i++) {
      if (bytes[i] < lo || bytes[i] > hi) return 0;
      lo = 0x80; hi = 0xbf;
    }
    return back;
  }
  return 0;
}

function toWellFormed(s, fatal, encoding) {
  if (!/[\ud800-\udfff]/.test(s)) return s;
  const fixed = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (fatal && fixed !== s) throw new ERR_ENCODING_INVALID_ENCODED_DATA(encoding);
  return fixed;
}

function invalidInput(input) {
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
}

const empty = new Uint8Array(0);

class TextDecoder {
  #encoding;
  #id;
  #fatal;
  #ignoreBOM;
  #pending = empty; // bytes held back from the previous streaming call
  #bomSeen = false;

  constructor(encoding = 'utf-8', options = {}) {
    const enc = getEncoding(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    if (options !== undefined && options !== null) validateObject(options, 'options', { allowFunction: true });
    else options = {};
    this.#encoding = enc;
    this.#id = encodingIds[enc];
    this.#fatal = Boolean(options.fatal);
    this.#ignoreBOM = Boolean(options.ignoreBOM);
  }

  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  decode(input = empty, options = {}) {
    let bytes;
    if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else {
      try { bytes = new Uint8Array(input); } catch { throw invalidInput(input); }
      if (input === null || typeof input !== 'object' || Array.isArray(input) ||
          ArrayBuffer.isView(input) || bytes.length !== input.byteLength) throw invalidInput(input);
    }
    if (options !== undefined && options !== null) validateObject(options, 'options', { allowFunction: true });
    const stream = Boolean(options && options.stream);

    if (this.#pending.length !== 0) {
      const joined = new Uint8Array(this.#pending.length + bytes.length);
      joined.set(this.#pending, 0);
      joined.set(bytes, this.#pending.length);
      bytes = joined;
      this.#pending = empty;
    }
    let keep = 0;
    if (stream) {
      if (this.#id === kUtf8) keep = incompleteUtf8Tail(bytes);
      else if (this.#id !== kLatin1) {
        keep = bytes.length & 1;
        // A high surrogate at the end may pair with the next chunk's first unit.
        const last = bytes.length - keep - 2;
        const high = this.#id === kUtf16le ? last + 1 : last;
        if (last >= 0 && (bytes[high] & 0xfc) === 0xd8) keep += 2;
      }
      if (keep) this.#pending = bytes.slice(bytes.length - keep);
    }
    const end = bytes.length - keep;
    let result;
    if (this.#id === kUtf8) {
      result = end <= kShortText ? readShortAscii(bytes, 0, end) : undefined;
      if (result === undefined) result = native.decode(bytes, 0, end, kUtf8, this.#fatal);
      if (result === null) {
        this.#reset();
        throw new ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding);
      }
    } else if (this.#id !== kLatin1) {
      if (this.#id === kUtf16be) {
        bytes = bytes.slice(0, end);
        for (let i = 0; i + 1 < end; i += 2) { const t = bytes[i]; bytes[i] = bytes[i + 1]; bytes[i + 1] = t; }
      }
      result = native.decode(bytes, 0, end, kUtf16le, false);
      if (!stream && (end & 1)) {
        if (this.#fatal) { this.#reset(); throw new ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding); }
        result += '\ufffd';
      }
      try {
        result = toWellFormed(result, this.#fatal, this.#encoding);
      } catch (err) {
        this.#reset();
        throw err;
      }
    } else {
      result = native.decode(bytes, 0, end, kLatin1, false);
    }
    if (!this.#ignoreBOM && !this.#bomSeen && result.length !== 0) {
      if (this.#id !== kLatin1 && result.charCodeAt(0) === 0xfeff) result = result.slice(1);
      this.#bomSeen = true;
    }
    if (!stream) this.#reset();
    return result;
  }

  #reset() {
    this.#pending = empty;
    this.#bomSeen = false;
  }

  [customInspect](depth, opts) {
    const shown = { encoding: this.#encoding, fatal: this.#fatal, ignoreBOM: this.#ignoreBOM };
    return `${this.constructor.name} ${inspectValue(shown, opts)}`;
  }
}
for (const key of ['encoding', 'fatal', 'ignoreBOM']) {
  Object.defineProperty(TextDecoder.prototype, key, { enumerable: true });
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });

module.exports = { TextEncoder, TextDecoder, getEncoding, incompleteUtf8Tail };
