'use strict';
// querystring: node's legacy query-string parser and formatter, with its exact results
// (checked against node by tests/js/querystring-differential.js): '+' is a space, a
// malformed escape is kept as it is, repeated keys make arrays, at most maxKeys (1000)
// pairs are read, the result has no prototype.

const { codes } = require('internal/errors');

// the value of a hex digit's char code, or -1
function hexValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

// The bytes of s with %XX escapes decoded ('+' as a space with decodeSpaces); a '%' that
// does not start an escape, and any other character, is kept as one byte (its code's low 8
// bits, as node writes it into a Buffer).
function unescapeBuffer(s, decodeSpaces) {
  s = `${s}`;
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  let decoded = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 && decodeSpaces) {
      out[n++] = 32;
      continue;
    }
    if (c === 37 && i < s.length - 2) {
      const high = hexValue(s.charCodeAt(i + 1));
      const low = high < 0 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (low >= 0) {
        out[n++] = high * 16 + low;
        i += 2;
        decoded = true;
        continue;
      }
    }
    out[n++] = c;
  }
  return decoded ? out.subarray(0, n) : out;
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

// encodeURIComponent leaves the same characters as node's escape and encodes the rest the
// same way; it refuses lone surrogates, which node's encoder takes as the first half of a
// pair with whatever code unit follows (only one at the very end is its error).
function escape(str) {
  if (typeof str !== 'string') str = typeof str === 'object' ? String(str) : `${str}`;
  try {
    return encodeURIComponent(str);
  } catch {
    return escapeLoneSurrogates(str);
  }
}

const hex = (b) => `%${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`;
function escapeLoneSurrogates(str) {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c < 0xD800 || c >= 0xE000) {
      out += encodeURIComponent(str[i]);
      continue;
    }
    if (++i >= str.length) throw new codes.ERR_INVALID_URI();
    const cp = 0x10000 + (((c & 0x3FF) << 10) | (str.charCodeAt(i) & 0x3FF));
    out += hex(0xF0 | (cp >> 18)) + hex(0x80 | ((cp >> 12) & 0x3F)) + hex(0x80 | ((cp >> 6) & 0x3F)) + hex(0x80 | (cp & 0x3F));
  }
  return out;
}

// A value as the formatter writes it: strings, finite numbers, bigints and booleans;
// anything else is empty.
function primitiveText(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? `${v}` : '';
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  const encode = options && typeof options.encodeURIComponent === 'function' ? options.encodeURIComponent :
    module.exports.escape;
  const text = (v) => {
    if (encode !== escape) return encode(primitiveText(v));
    // the default: numbers written in full need no escaping, 1e21 and up ("1e+21") do
    if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e21) return `${v}`;
    const s = primitiveText(v);
    return s === '' || typeof v === 'bigint' || typeof v === 'boolean' ? s : encode(s);
  };
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const prefix = `${text(key)}${eq}`;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) fields.push(prefix + text(value[i]));
    } else {
      fields.push(prefix + text(value));
    }
  }
  return fields.join(sep);
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  // the pairs (and empty stretches between separators) read: -1, no limit
  let budget = 1000;
  if (options && typeof options.maxKeys === 'number') budget = options.maxKeys > 0 ? options.maxKeys : -1;
  const custom = options && typeof options.decodeURIComponent === 'function' ? options.decodeURIComponent : null;
  const decode = custom || module.exports.unescape;
  const decodeAll = decode !== unescape; // a custom decoder sees every key and value, and the spaces
  const plus = decodeAll ? '%20' : ' ';
  const decodeText = (text) => {
    try {
      return decode(text);
    } catch {
      return module.exports.unescape(text, true);
    }
  };
  const add = (key, value, keyEscaped, valueEscaped) => {
    if (key.length > 0 && keyEscaped) key = decodeText(key);
    if (value.length > 0 && valueEscaped) value = decodeText(value);
    const current = obj[key];
    if (current === undefined) obj[key] = value;
    else if (Array.isArray(current)) current.push(value);
    else obj[key] = [current, value];
  };
  // A scan with node's results, quirks included: a separator or '=' is matched a character
  // at a time and a failed partial match starts over at the next character (so 'aab' holds
  // no 'ab'); characters taken by a partial match are neither '+' nor part of an escape; a
  // key or value is decoded only if an escape was seen in it (so a malformed one beside
  // non-ASCII text is not garbled).
  let key = '';
  let value = '';
  let keyEscaped = decodeAll;
  let valueEscaped = decodeAll;
  let from = 0;         // the text not yet copied into key or value starts here
  let sepSeen = 0;      // characters of the separator matched
  let eqSeen = 0;       // characters of '=' matched (eq.length: the value is being read)
  let escapeSeen = 0;   // 1 after a '%', 2 after '%' and a hex digit
  for (let i = 0; i < qs.length; i++) {
    const c = qs.charCodeAt(i);
    if (c === sep.charCodeAt(sepSeen)) {
      if (++sepSeen < sep.length) continue;
      const end = i - sep.length + 1;
      if (eqSeen < eq.length) {
        if (from < end) {
          key += qs.slice(from, end);
        } else if (key.length === 0) { // nothing between two separators: only counted
          if (--budget === 0) return obj;
          from = i + 1;
          sepSeen = eqSeen = 0;
          continue;
        }
      } else if (from < end) {
        value += qs.slice(from, end);
      }
      add(key, value, keyEscaped, valueEscaped);
      if (--budget === 0) return obj;
      key = value = '';
      keyEscaped = valueEscaped = decodeAll;
      escapeSeen = 0;
      from = i + 1;
      sepSeen = eqSeen = 0;
      continue;
    }
    sepSeen = 0;
    if (eqSeen < eq.length) { // in the key
      if (c === eq.charCodeAt(eqSeen)) {
        if (++eqSeen === eq.length) {
          const end = i - eq.length + 1;
          if (from < end) key += qs.slice(from, end);
          escapeSeen = 0;
          from = i + 1;
        }
        continue;
      }
      eqSeen = 0;
      if (!keyEscaped) {
        if (c === 37) { // '%'
          escapeSeen = 1;
          continue;
        }
        if (escapeSeen > 0) {
          if (hexValue(c) >= 0) {
            if (++escapeSeen === 3) keyEscaped = true;
            continue;
          }
          escapeSeen = 0;
        }
      }
      if (c === 43) { // '+'
        key += qs.slice(from, i) + plus;
        from = i + 1;
        continue;
      }
    }
    // in the value, and what the key's checks above let through (as node's scan)
    if (c === 43) {
      value += qs.slice(from, i) + plus;
      from = i + 1;
    } else if (!valueEscaped) {
      if (c === 37) {
        escapeSeen = 1;
      } else if (escapeSeen > 0) {
        if (hexValue(c) < 0) escapeSeen = 0;
        else if (++escapeSeen === 3) valueEscaped = true;
      }
    }
  }
  if (from < qs.length) {
    if (eqSeen < eq.length) key += qs.slice(from);
    else value += qs.slice(from);
  } else if (eqSeen === 0 && key.length === 0) {
    return obj; // ended on a separator
  }
  add(key, value, keyEscaped, valueEscaped);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
