'use strict';
// WHATWG URL and URLSearchParams (https://url.spec.whatwg.org/), written from
// the standard's state machine, plus the file: URL <-> path helpers.
//
// A URL is held as a record { scheme, username, password, host, port, path,
// query, fragment }: host is null or its serialized form, port null or a
// number, path an array of segments or a string (an "opaque path", as in
// mailto:x), query/fragment null or already percent-encoded strings.
//
// Known gap: IDNA is approximated. Non-ASCII domains are lowercased, NFC
// normalised and Punycode-encoded label by label; the full UTS #46 mapping
// table and its validity checks (bidi, joiners) are not implemented.

const { codes } = require('internal/errors');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_URL, ERR_MISSING_ARGS, ERR_INVALID_THIS,
  ERR_INVALID_URL_SCHEME, ERR_INVALID_FILE_URL_HOST, ERR_INVALID_FILE_URL_PATH,
} = codes;

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const FAILURE = Symbol('failure');

// ---- code point classes and percent-encode sets ---------------------------------
const isAlpha = (c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c) => c >= '0' && c <= '9';
const isHex = (c) => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const isAlnum = (c) => isAlpha(c) || isDigit(c);

const specialPorts = { __proto__: null, 'ftp:': 21, 'file:': null, 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443 };
const isSpecialScheme = (s) => (s + ':') in specialPorts;
const defaultPort = (s) => specialPorts[s + ':'] ?? null;

function inC0(cp) { return cp < 0x20 || cp > 0x7e; }
const fragmentSet = (cp) => inC0(cp) || cp === 0x20 || cp === 0x22 || cp === 0x3c || cp === 0x3e || cp === 0x60;
const querySet = (cp) => inC0(cp) || cp === 0x20 || cp === 0x22 || cp === 0x23 || cp === 0x3c || cp === 0x3e;
const specialQuerySet = (cp) => querySet(cp) || cp === 0x27;
const pathSet = (cp) => querySet(cp) || cp === 0x3f || cp === 0x5e || cp === 0x60 || cp === 0x7b || cp === 0x7d;
const userinfoSet = (cp) => pathSet(cp) || cp === 0x2f || cp === 0x3a || cp === 0x3b || cp === 0x3d ||
  cp === 0x40 || (cp >= 0x5b && cp <= 0x5d) || cp === 0x7c;
const componentSet = (cp) => userinfoSet(cp) || (cp >= 0x24 && cp <= 0x26) || cp === 0x2b || cp === 0x2c;

const hexTable = [];
for (let i = 0; i < 256; i++) hexTable.push('%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());

function utf8Bytes(cp) {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

// Percent-encodes one code point (a one- or two-unit string) if `set` says so.
function encodeCp(c, set) {
  const cp = c.codePointAt(0);
  if (!set(cp)) return c;
  let out = '';
  for (const b of utf8Bytes(cp)) out += hexTable[b];
  return out;
}

function encodeString(s, set) {
  let out = '';
  for (const c of s) out += encodeCp(c, set);
  return out;
}

// Lone surrogates become U+FFFD (the "scalar value string" the standard works on).
function toUSVString(v) {
  const s = `${v}`;
  if (typeof s.toWellFormed === 'function') return s.toWellFormed();
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function stringToUtf8(s) {
  const bytes = [];
  for (const c of s) bytes.push(...utf8Bytes(c.codePointAt(0)));
  return bytes;
}

// UTF-8 decode with U+FFFD replacement (WHATWG "UTF-8 decode without BOM").
function utf8Decode(bytes) {
  let out = '';
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
    let need, cp;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; }
    else { out += '\uFFFD'; i++; continue; }
    let j = i + 1;
    let k = 0;
    for (; k < need && j < n; k++, j++) {
      let lo = 0x80, hi = 0xbf;
      if (k === 0) {
        if (b === 0xe0) lo = 0xa0; else if (b === 0xed) hi = 0x9f;
        else if (b === 0xf0) lo = 0x90; else if (b === 0xf4) hi = 0x8f;
      }
      if (bytes[j] < lo || bytes[j] > hi) break;
      cp = (cp << 6) | (bytes[j] & 0x3f);
    }
    if (k < need) { out += '\uFFFD'; i = j; continue; }
    out += String.fromCodePoint(cp);
    i = j;
  }
  return out;
}

function percentDecodeBytes(s) {
  const bytes = stringToUtf8(s);
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < bytes.length && isHex(String.fromCharCode(bytes[i + 1])) &&
        isHex(String.fromCharCode(bytes[i + 2]))) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else {
      out.push(b);
    }
  }
  return out;
}

// ---- hosts -------------------------------------------------------------------------
const forbiddenHost = new Set(['\0', '\t', '\n', '\r', ' ', '#', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|']);
function isForbiddenDomainCp(c) {
  const cp = c.codePointAt(0);
  return forbiddenHost.has(c) || cp <= 0x1f || c === '%' || cp === 0x7f;
}

function parseIPv4Number(s) {
  if (s === '') return FAILURE;
  let radix = 10;
  if (s.length >= 2 && s[0] === '0' && (s[1] === 'x' || s[1] === 'X')) { radix = 16; s = s.slice(2); }
  else if (s.length >= 2 && s[0] === '0') { radix = 8; s = s.slice(1); }
  if (s === '') return 0;
  const re = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!re.test(s)) return FAILURE;
  return parseInt(s, radix);
}

function endsInANumber(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '') {
    if (parts.length === 1) return false;
    parts.pop();
  }
  const last = parts[parts.length - 1];
  if (last !== '' && /^[0-9]+$/.test(last)) return true;
  return parseIPv4Number(last) !== FAILURE;
}

function parseIPv4(s) {
  const parts = s.split('.');
  if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
  if (parts.length > 4) return FAILURE;
  const nums = [];
  for (const p of parts) {
    const n = parseIPv4Number(p);
    if (n === FAILURE) return FAILURE;
    nums.push(n);
  }
  for (let i = 0; i < nums.length - 1; i++) if (nums[i] > 255) return FAILURE;
  if (nums[nums.length - 1] >= 256 ** (5 - nums.length)) return FAILURE;
  let ipv4 = nums[nums.length - 1];
  for (let i = 0; i < nums.length - 1; i++) ipv4 += nums[i] * 256 ** (3 - i);
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.unshift(String(ipv4 % 256));
    ipv4 = Math.floor(ipv4 / 256);
  }
  return out.join('.');
}

function parseIPv6(input) {
  const cs = Array.from(input);
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let piece = 0;
  let compress = null;
  let p = 0;
  if (cs[p] === ':') {
    if (cs[p + 1] !== ':') return FAILURE;
    p += 2;
    piece++;
    compress = piece;
  }
  while (cs[p] !== undefined) {
    if (piece === 8) return FAILURE;
    if (cs[p] === ':') {
      if (compress !== null) return FAILURE;
      p++;
      piece++;
      compress = piece;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && cs[p] !== undefined && isHex(cs[p])) {
      value = value * 16 + parseInt(cs[p], 16);
      p++;
      length++;
    }
    if (cs[p] === '.') {
      if (length === 0) return FAILURE;
      p -= length;
      if (piece > 6) return FAILURE;
      let seen = 0;
      while (cs[p] !== undefined) {
        let v4 = null;
        if (seen > 0) {
          if (cs[p] === '.' && seen < 4) p++;
          else return FAILURE;
        }
        if (cs[p] === undefined || !isDigit(cs[p])) return FAILURE;
        while (cs[p] !== undefined && isDigit(cs[p])) {
          const n = cs[p].charCodeAt(0) - 48;
          if (v4 === null) v4 = n;
          else if (v4 === 0) return FAILURE;
          else v4 = v4 * 10 + n;
          if (v4 > 255) return FAILURE;
          p++;
        }
        address[piece] = address[piece] * 0x100 + v4;
        seen++;
        if (seen === 2 || seen === 4) piece++;
      }
      if (seen !== 4) return FAILURE;
      break;
    } else if (cs[p] === ':') {
      p++;
      if (cs[p] === undefined) return FAILURE;
    } else if (cs[p] !== undefined) {
      return FAILURE;
    }
    address[piece] = value;
    piece++;
  }
  if (compress !== null) {
    let swaps = piece - compress;
    piece = 7;
    while (piece !== 0 && swaps > 0) {
      const t = address[piece];
      address[piece] = address[compress + swaps - 1];
      address[compress + swaps - 1] = t;
      piece--;
      swaps--;
    }
  } else if (piece !== 8) {
    return FAILURE;
  }
  return address;
}

function serializeIPv6(a) {
  // The first longest run of two or more zero pieces is compressed.
  let best = -1, bestLen = 1;
  for (let i = 0; i < 8;) {
    if (a[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && a[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && a[i] === 0) continue;
    ignore0 = false;
    if (best === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += a[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// ---- Punycode (RFC 3492), for the IDNA approximation -------------------------------
const PB = 36, PTMIN = 1, PTMAX = 26, PSKEW = 38, PDAMP = 700, PBIAS = 72, PN = 128;
function adapt(delta, numPoints, first) {
  delta = first ? Math.floor(delta / PDAMP) : delta >> 1;
  delta += Math.floor(delta / numPoints);
  let k = 0;
  while (delta > ((PB - PTMIN) * PTMAX) >> 1) {
    delta = Math.floor(delta / (PB - PTMIN));
    k += PB;
  }
  return k + Math.floor(((PB - PTMIN + 1) * delta) / (delta + PSKEW));
}
const digitChar = (d) => String.fromCharCode(d < 26 ? d + 97 : d + 22);

function punycodeEncode(input) {
  const cps = Array.from(input, (c) => c.codePointAt(0));
  let out = '';
  for (const cp of cps) if (cp < 0x80) out += String.fromCharCode(cp);
  const basic = out.length;
  let h = basic;
  if (basic > 0) out += '-';
  let n = PN, delta = 0, bias = PBIAS;
  while (h < cps.length) {
    let m = Infinity;
    for (const cp of cps) if (cp >= n && cp < m) m = cp;
    delta += (m - n) * (h + 1);
    n = m;
    for (const cp of cps) {
      if (cp < n) delta++;
      if (cp === n) {
        let q = delta;
        for (let k = PB; ; k += PB) {
          const t = k <= bias ? PTMIN : k >= bias + PTMAX ? PTMAX : k - bias;
          if (q < t) break;
          out += digitChar(t + ((q - t) % (PB - t)));
          q = Math.floor((q - t) / (PB - t));
        }
        out += digitChar(q);
        bias = adapt(delta, h + 1, h === basic);
        delta = 0;
        h++;
      }
    }
    delta++;
    n++;
  }
  return out;
}

function punycodeDecode(input) {
  const out = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) out.push(input.charCodeAt(j));
  let i = 0, n = PN, bias = PBIAS;
  for (let idx = basic > 0 ? basic + 1 : 0; idx < input.length;) {
    const oldi = i;
    for (let w = 1, k = PB; ; k += PB) {
      if (idx >= input.length) return null;
      const c = input.charCodeAt(idx++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : PB;
      if (digit >= PB) return null;
      i += digit * w;
      const t = k <= bias ? PTMIN : k >= bias + PTMAX ? PTMAX : k - bias;
      if (digit < t) break;
      w *= PB - t;
    }
    bias = adapt(i - oldi, out.length + 1, oldi === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

// A label already in Punycode must decode to something sensible.
function badAceLabel(label) {
  if (!label.startsWith('xn--')) return false;
  const rest = label.slice(4);
  // eslint-disable-next-line no-control-regex
  if (rest === '' || /[^\x00-\x7f]/.test(rest)) return true;
  const decoded = punycodeDecode(rest);
  return decoded === null || /[\u0000-\u001f\u007f-\u009f]/.test(decoded);
}

function domainToASCIIInternal(domain) {
  let mapped = domain.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(mapped)) mapped = mapped.normalize('NFC').replace(/[\u3002\uff0e\uff61]/g, '.');
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    if (badAceLabel(labels[i])) return FAILURE;
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(labels[i])) labels[i] = `xn--${punycodeEncode(labels[i])}`;
  }
  return labels.join('.');
}

function domainToUnicodeInternal(domain) {
  return domain.split('.').map((label) => {
    if (!label.toLowerCase().startsWith('xn--')) return label.toLowerCase();
    return punycodeDecode(label.slice(4).toLowerCase()) ?? label;
  }).join('.');
}

function parseOpaqueHost(input) {
  for (const c of input) if (c !== '%' && forbiddenHost.has(c)) return FAILURE;
  return encodeString(input, inC0);
}

function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return FAILURE;
    const a = parseIPv6(input.slice(1, -1));
    return a === FAILURE ? FAILURE : `[${serializeIPv6(a)}]`;
  }
  if (isOpaque) return parseOpaqueHost(input);
  // eslint-disable-next-line no-control-regex
  const domain = /^[\x00-\x24\x26-\x7f]*$/.test(input) ? input : utf8Decode(percentDecodeBytes(input));
  const ascii = domainToASCIIInternal(domain);
  if (ascii === FAILURE || ascii === '') return FAILURE;
  for (const c of ascii) if (isForbiddenDomainCp(c)) return FAILURE;
  if (endsInANumber(ascii)) return parseIPv4(ascii);
  return ascii;
}

// ---- the basic URL parser -----------------------------------------------------------
// Parser states (plain constants: the switch below is the hot loop).
const ST_SCHEME_START = 1;
const ST_SCHEME = 2;
const ST_NO_SCHEME = 3;
const ST_SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const ST_PATH_OR_AUTHORITY = 5;
const ST_RELATIVE = 6;
const ST_RELATIVE_SLASH = 7;
const ST_SPECIAL_AUTHORITY_SLASHES = 8;
const ST_SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const ST_AUTHORITY = 10;
const ST_HOST = 11;
const ST_HOSTNAME = 12;
const ST_PORT = 13;
const ST_FILE = 14;
const ST_FILE_SLASH = 15;
const ST_FILE_HOST = 16;
const ST_PATH_START = 17;
const ST_PATH = 18;
const ST_OPAQUE_PATH = 19;
const ST_QUERY = 20;
const ST_FRAGMENT = 21;
const S = {
  SCHEME_START: ST_SCHEME_START,
  SCHEME: ST_SCHEME,
  NO_SCHEME: ST_NO_SCHEME,
  SPECIAL_RELATIVE_OR_AUTHORITY: ST_SPECIAL_RELATIVE_OR_AUTHORITY,
  PATH_OR_AUTHORITY: ST_PATH_OR_AUTHORITY,
  RELATIVE: ST_RELATIVE,
  RELATIVE_SLASH: ST_RELATIVE_SLASH,
  SPECIAL_AUTHORITY_SLASHES: ST_SPECIAL_AUTHORITY_SLASHES,
  SPECIAL_AUTHORITY_IGNORE_SLASHES: ST_SPECIAL_AUTHORITY_IGNORE_SLASHES,
  AUTHORITY: ST_AUTHORITY,
  HOST: ST_HOST,
  HOSTNAME: ST_HOSTNAME,
  PORT: ST_PORT,
  FILE: ST_FILE,
  FILE_SLASH: ST_FILE_SLASH,
  FILE_HOST: ST_FILE_HOST,
  PATH_START: ST_PATH_START,
  PATH: ST_PATH,
  OPAQUE_PATH: ST_OPAQUE_PATH,
  QUERY: ST_QUERY,
  FRAGMENT: ST_FRAGMENT,
};

function newRecord() {
  return { scheme: '', username: '', password: '', host: null, port: null, path: [], query: null, fragment: null };
}

const isWindowsDriveLetter = (s) => s.length === 2 && isAlpha(s[0]) && (s[1] === ':' || s[1] === '|');
const isNormalizedDriveLetter = (s) => s.length === 2 && isAlpha(s[0]) && s[1] === ':';
function startsWithDriveLetter(cs, p) {
  if (cs.length - p < 2) return false;
  if (!isAlpha(cs[p]) || (cs[p + 1] !== ':' && cs[p + 1] !== '|')) return false;
  if (cs.length - p === 2) return true;
  const c = cs[p + 2];
  return c === '/' || c === '\\' || c === '?' || c === '#';
}
const isSingleDot = (s) => s === '.' || s.toLowerCase() === '%2e';
const isDoubleDot = (s) => {
  s = s.toLowerCase();
  return s === '..' || s === '.%2e' || s === '%2e.' || s === '%2e%2e';
};

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 && isNormalizedDriveLetter(path[0])) return;
  path.pop();
}

const hasCredentials = (url) => url.username !== '' || url.password !== '';

// Returns the record (a new one, or `url` modified for a setter) or FAILURE.
function basicParse(input, base, url, stateOverride) {
  if (!url) {
    url = newRecord();
    input = input.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  }
  input = input.replace(/[\t\n\r]/g, '');
  const cs = Array.from(input);
  let state = stateOverride || ST_SCHEME_START;
  let buffer = '';
  let atSignSeen = false, insideBrackets = false, passwordTokenSeen = false;
  let special = isSpecialScheme(url.scheme);

  // The pointer runs one past the end (EOF); states may step it back.
  for (let p = 0; p <= cs.length; p++) {
    const c = cs[p]; // undefined is EOF
    switch (state) {
      case ST_SCHEME_START:
        if (c !== undefined && isAlpha(c)) {
          buffer += c.toLowerCase();
          state = ST_SCHEME;
        } else if (!stateOverride) {
          state = ST_NO_SCHEME;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case ST_SCHEME:
        if (c !== undefined && (isAlnum(c) || c === '+' || c === '-' || c === '.')) {
          buffer += c.toLowerCase();
        } else if (c === ':') {
          if (stateOverride) {
            if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return url;
            if ((hasCredentials(url) || url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          special = isSpecialScheme(buffer);
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = ST_FILE;
          } else if (special && base && base.scheme === url.scheme) {
            state = ST_SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (special) {
            state = ST_SPECIAL_AUTHORITY_SLASHES;
          } else if (cs[p + 1] === '/') {
            state = ST_PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = ST_OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = ST_NO_SCHEME;
          p = -1;
        } else {
          return FAILURE;
        }
        break;

      case ST_NO_SCHEME:
        if (!base || (typeof base.path === 'string' && c !== '#')) return FAILURE;
        if (typeof base.path === 'string' && c === '#') {
          url.scheme = base.scheme;
          special = isSpecialScheme(url.scheme);
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = ST_FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = ST_RELATIVE;
          p--;
        } else {
          state = ST_FILE;
          p--;
        }
        break;

      case ST_SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === '/' && cs[p + 1] === '/') {
          state = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = ST_RELATIVE;
          p--;
        }
        break;

      case ST_PATH_OR_AUTHORITY:
        if (c === '/') state = ST_AUTHORITY;
        else {
          state = ST_PATH;
          p--;
        }
        break;

      case ST_RELATIVE:
        url.scheme = base.scheme;
        special = isSpecialScheme(url.scheme);
        if (c === '/' || (special && c === '\\')) {
          state = ST_RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = ST_QUERY;
          } else if (c === '#') {
            url.fragment = '';
            state = ST_FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = ST_PATH;
            p--;
          }
        }
        break;

      case ST_RELATIVE_SLASH:
        if (special && (c === '/' || c === '\\')) {
          state = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === '/') {
          state = ST_AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = ST_PATH;
          p--;
        }
        break;

      case ST_SPECIAL_AUTHORITY_SLASHES:
        state = ST_SPECIAL_AUTHORITY_IGNORE_SLASHES;
        if (c === '/' && cs[p + 1] === '/') p++;
        else p--;
        break;

      case ST_SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== '/' && c !== '\\') {
          state = ST_AUTHORITY;
          p--;
        }
        break;

      case ST_AUTHORITY:
        if (c === '@') {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          for (const bc of buffer) {
            if (bc === ':' && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const enc = encodeCp(bc, userinfoSet);
            if (passwordTokenSeen) url.password += enc;
            else url.username += enc;
          }
          buffer = '';
        } else if (c === undefined || c === '/' || c === '?' || c === '#' || (special && c === '\\')) {
          if (atSignSeen && buffer === '') return FAILURE;
          p -= Array.from(buffer).length + 1;
          buffer = '';
          state = ST_HOST;
        } else {
          buffer += c;
        }
        break;

      case ST_HOST:
      case ST_HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = ST_FILE_HOST;
        } else if (c === ':' && !insideBrackets) {
          if (buffer === '') return FAILURE;
          if (stateOverride === ST_HOSTNAME) return FAILURE;
          const host = parseHost(buffer, !special);
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = ST_PORT;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' || (special && c === '\\')) {
          p--;
          if (special && buffer === '') return FAILURE;
          if (stateOverride && buffer === '' && (hasCredentials(url) || url.port !== null)) return FAILURE;
          const host = parseHost(buffer, !special);
          if (host === FAILURE) return FAILURE;
          url.host = host;
          buffer = '';
          state = ST_PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === '[') insideBrackets = true;
          if (c === ']') insideBrackets = false;
          buffer += c;
        }
        break;

      case ST_PORT:
        if (c !== undefined && isDigit(c)) {
          buffer += c;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' || (special && c === '\\') ||
                   stateOverride) {
          if (buffer !== '') {
            const port = parseInt(buffer, 10);
            if (port > 65535) return FAILURE;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          }
          if (stateOverride) return url;
          state = ST_PATH_START;
          p--;
        } else {
          return FAILURE;
        }
        break;

      case ST_FILE:
        url.scheme = 'file';
        special = true;
        url.host = '';
        if (c === '/' || c === '\\') {
          state = ST_FILE_SLASH;
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = ST_QUERY;
          } else if (c === '#') {
            url.fragment = '';
            state = ST_FRAGMENT;
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithDriveLetter(cs, p)) shortenPath(url);
            else url.path = [];
            state = ST_PATH;
            p--;
          }
        } else {
          state = ST_PATH;
          p--;
        }
        break;

      case ST_FILE_SLASH:
        if (c === '/' || c === '\\') {
          state = ST_FILE_HOST;
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithDriveLetter(cs, p) && base.path.length > 0 && isNormalizedDriveLetter(base.path[0])) {
              url.path.push(base.path[0]);
            }
          }
          state = ST_PATH;
          p--;
        }
        break;

      case ST_FILE_HOST:
        if (c === undefined || c === '/' || c === '\\' || c === '?' || c === '#') {
          p--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            state = ST_PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = ST_PATH_START;
          } else {
            let host = parseHost(buffer, !special);
            if (host === FAILURE) return FAILURE;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = ST_PATH_START;
          }
        } else {
          buffer += c;
        }
        break;

      case ST_PATH_START:
        if (special) {
          state = ST_PATH;
          if (c !== '/' && c !== '\\') p--;
        } else if (!stateOverride && c === '?') {
          url.query = '';
          state = ST_QUERY;
        } else if (!stateOverride && c === '#') {
          url.fragment = '';
          state = ST_FRAGMENT;
        } else if (c !== undefined) {
          state = ST_PATH;
          if (c !== '/') p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case ST_PATH:
        if (c === undefined || c === '/' || (special && c === '\\') || (!stateOverride && (c === '?' || c === '#'))) {
          const slash = c === '/' || (special && c === '\\');
          if (isDoubleDot(buffer)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(buffer) && !slash) {
            url.path.push('');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === '?') {
            url.query = '';
            state = ST_QUERY;
          } else if (c === '#') {
            url.fragment = '';
            state = ST_FRAGMENT;
          }
        } else {
          buffer += encodeCp(c, pathSet);
        }
        break;

      case ST_OPAQUE_PATH:
        if (c === '?') {
          url.query = '';
          state = ST_QUERY;
        } else if (c === '#') {
          url.fragment = '';
          state = ST_FRAGMENT;
        } else if (c !== undefined) {
          url.path += encodeCp(c, inC0);
        }
        break;

      case ST_QUERY:
        if ((!stateOverride && c === '#') || c === undefined) {
          url.query += encodeString(buffer, special ? specialQuerySet : querySet);
          buffer = '';
          if (c === '#') {
            url.fragment = '';
            state = ST_FRAGMENT;
          }
        } else {
          buffer += c;
        }
        break;

      case ST_FRAGMENT:
        if (c !== undefined) url.fragment += encodeCp(c, fragmentSet);
        break;
    }
  }
  return url;
}

function serializePath(url) {
  if (typeof url.path === 'string') return url.path;
  let out = '';
  for (const seg of url.path) out += '/' + seg;
  return out;
}

function serializeURL(url, excludeFragment) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (hasCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (typeof url.path !== 'string' && url.path.length > 1 && url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicParse(serializePath(url), null);
      if (inner !== FAILURE && (inner.scheme === 'http' || inner.scheme === 'https')) return serializeOrigin(inner);
      return 'null';
    }
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
      return `${url.scheme}://${url.host}${url.port !== null ? ':' + url.port : ''}`;
    default:
      return 'null';
  }
}

function cannotHaveCredentialsOrPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

// Opaque paths lose trailing spaces when their query and fragment go away.
function stripTrailingSpaces(url) {
  if (typeof url.path !== 'string' || url.fragment !== null || url.query !== null) return;
  url.path = url.path.replace(/ +$/, '');
}

// ---- application/x-www-form-urlencoded -----------------------------------------------
function parseUrlencoded(input) {
  const out = [];
  for (const seq of input.split('&')) {
    if (seq === '') continue;
    const eq = seq.indexOf('=');
    let name = eq === -1 ? seq : seq.slice(0, eq);
    let value = eq === -1 ? '' : seq.slice(eq + 1);
    name = utf8Decode(percentDecodeBytes(name.replace(/\+/g, ' ')));
    value = utf8Decode(percentDecodeBytes(value.replace(/\+/g, ' ')));
    out.push(name, value);
  }
  return out;
}

function formEncode(s) {
  let out = '';
  for (const c of s) {
    if (c === ' ') out += '+';
    else if (isAlnum(c) || c === '*' || c === '-' || c === '.' || c === '_') out += c;
    else for (const b of utf8Bytes(c.codePointAt(0))) out += hexTable[b];
  }
  return out;
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i) out += '&';
    out += formEncode(list[i]) + '=' + formEncode(list[i + 1]);
  }
  return out;
}

// ---- inspect helpers (inspect is loaded lazily: it is a big module) -------------------
function inspectValue(v, opts) {
  return require('internal/util/inspect').inspect(v, opts);
}
// eslint-disable-next-line no-control-regex
const removeColors = (s) => String(s).replace(/\u001b\[\d\d?m/g, '');

// ---- URLSearchParams --------------------------------------------------------------------
const kList = Symbol('query');
const kUrl = Symbol('context');

function isParams(v) { return v != null && typeof v === 'object' && kList in v; }
function checkThis(self) { if (!isParams(self)) throw new ERR_INVALID_THIS('URLSearchParams'); }

class URLSearchParams {
  constructor(init = undefined) {
    this[kList] = [];
    this[kUrl] = null;
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && isParams(init)) {
        this[kList] = init[kList].slice();
      } else if (method != null) {
        if (typeof method !== 'function') throw new codes.ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const kv = Array.from(pair);
          if (kv.length !== 2) throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this[kList].push(toUSVString(kv[0]), toUSVString(kv[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key !== 'string') continue;
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const k = toUSVString(key);
          const v = toUSVString(init[key]);
          // a later key that maps to the same scalar string replaces the earlier
          const at = this[kList].findIndex((x, i) => i % 2 === 0 && x === k);
          if (at !== -1) this[kList][at + 1] = v;
          else this[kList].push(k, v);
        }
      }
    } else {
      let s = toUSVString(init);
      if (s[0] === '?') s = s.slice(1);
      this[kList] = parseUrlencoded(s);
    }
  }

  get size() {
    checkThis(this);
    return this[kList].length / 2;
  }

  append(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this[kList].push(toUSVString(name), toUSVString(value));
    update(this);
  }

  delete(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    update(this);
  }

  get(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    const out = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
    return out;
  }

  has(name, value = undefined) {
    checkThis(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this[kList];
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    checkThis(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this[kList];
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    update(this);
  }

  sort() {
    checkThis(this);
    const list = this[kList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // Stable, by UTF-16 code units (not locale): plain < on strings does that.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this[kList] = pairs.flat();
    update(this);
  }

  entries() { checkThis(this); return new ParamsIterator(this, 'key+value'); }
  forEach(callback, thisArg = undefined) {
    checkThis(this);
    if (typeof callback !== 'function') throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    let list = this[kList];
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      list = this[kList];
    }
  }

  keys() { checkThis(this); return new ParamsIterator(this, 'key'); }
  values() { checkThis(this); return new ParamsIterator(this, 'value'); }

  toString() {
    checkThis(this);
    return serializeParams(this[kList]);
  }

  [kInspect](recurseTimes, ctx) {
    checkThis(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx && ctx.stylize ? ctx.stylize('[Object]', 'special') : '[Object]';
    }
    const inner = { ...ctx };
    if (recurseTimes !== null && recurseTimes !== undefined) inner.depth = recurseTimes - 1;
    const list = this[kList];
    const parts = [];
    for (let i = 0; i < list.length; i += 2) {
      parts.push(`${inspectValue(list[i], inner)} => ${inspectValue(list[i + 1], inner)}`);
    }
    const name = this.constructor.name;
    if (parts.length === 0) return `${name} {}`;
    const width = parts.reduce((n, s) => n + removeColors(s).length + 2, -2);
    const breakLength = ctx && ctx.breakLength !== undefined ? ctx.breakLength : 80;
    if (width > breakLength) return `${name} {\n  ${parts.join(',\n  ')} }`;
    return `${name} { ${parts.join(', ')} }`;
  }
}
URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { enumerable: false });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams', configurable: true,
});
for (const k of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'size', 'sort', 'entries', 'forEach',
  'keys', 'values', 'toString']) {
  const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, k);
  d.enumerable = true;
  Object.defineProperty(URLSearchParams.prototype, k, d);
}

// The URL a URLSearchParams belongs to gets the new query.
let setUrlQuery;
function update(params) {
  const url = params[kUrl];
  if (!url) return;
  setUrlQuery(url, serializeParams(params[kList]));
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const kIter = Symbol('iterator state');
function ParamsIterator(target, kind) {
  this[kIter] = { target, kind, index: 0 };
}
ParamsIterator.prototype = Object.create(IteratorPrototype, {
  next: {
    value: function next() {
      const st = this && this[kIter];
      if (!st) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      const list = st.target[kList];
      if (st.index >= list.length) return { value: undefined, done: true };
      const k = list[st.index], v = list[st.index + 1];
      st.index += 2;
      const value = st.kind === 'key' ? k : st.kind === 'value' ? v : [k, v];
      return { value, done: false };
    },
    writable: true, configurable: true, enumerable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
  [kInspect]: {
    value: function (recurseTimes, ctx) {
      const st = this[kIter];
      const inner = { ...ctx };
      if (recurseTimes !== null && recurseTimes !== undefined) inner.depth = recurseTimes - 1;
      const list = st.target[kList];
      const items = [];
      for (let i = st.index; i < list.length; i += 2) {
        items.push(st.kind === 'key' ? list[i] : st.kind === 'value' ? list[i + 1] : [list[i], list[i + 1]]);
      }
      const multi = inspectValue(items, inner).includes('\n');
      const strs = items.map((x) => inspectValue(x, inner));
      const body = multi ? `\n  ${strs.join(',\n  ')}` : ` ${strs.join(', ')}`;
      return `URLSearchParams Iterator {${body} }`;
    },
    configurable: true, writable: true,
  },
});

// ---- URL ----------------------------------------------------------------------------------
function invalidUrl(input, base) {
  const err = new ERR_INVALID_URL();
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

function parseWithBase(input, base) {
  let baseRec = null;
  if (base !== undefined) {
    baseRec = basicParse(toUSVString(base), null);
    if (baseRec === FAILURE) return FAILURE;
  }
  return basicParse(toUSVString(input), baseRec);
}

class URL {
  #url;
  #params = null;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const rec = parseWithBase(input, base);
    if (rec === FAILURE) throw invalidUrl(input, base);
    this.#url = rec;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const rec = parseWithBase(`${input}`, base === undefined ? undefined : `${base}`);
    if (rec === FAILURE) return null;
    const url = new URL('about:blank');
    url.#url = rec;
    return url;
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    return parseWithBase(`${input}`, base === undefined ? undefined : `${base}`) !== FAILURE;
  }

  static createObjectURL() {
    throw new codes.ERR_SPINDLE_UNSUPPORTED('URL.createObjectURL');
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
  }

  static {
    // The URLSearchParams a URL owns writes its serialization back through this.
    setUrlQuery = (url, serialized) => {
      url.#url.query = serialized === '' ? null : serialized;
      if (serialized === '') stripTrailingSpaces(url.#url);
    };
  }

  #syncParams() {
    if (this.#params) this.#params[kList] = this.#url.query ? parseUrlencoded(this.#url.query) : [];
  }

  toString() { return serializeURL(this.#url); }

  get href() { return serializeURL(this.#url); }
  set href(value) {
    value = toUSVString(value);
    const rec = basicParse(value, null);
    if (rec === FAILURE) throw invalidUrl(value);
    this.#url = rec;
    this.#syncParams();
  }

  get origin() { return serializeOrigin(this.#url); }

  get protocol() { return this.#url.scheme + ':'; }
  set protocol(value) {
    basicParse(toUSVString(value) + ':', null, this.#url, S.SCHEME_START);
  }

  get username() { return this.#url.username; }
  set username(value) {
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.username = encodeString(toUSVString(value), userinfoSet);
  }

  get password() { return this.#url.password; }
  set password(value) {
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    this.#url.password = encodeString(toUSVString(value), userinfoSet);
  }

  get host() {
    const u = this.#url;
    if (u.host === null) return '';
    return u.port === null ? u.host : `${u.host}:${u.port}`;
  }
  set host(value) {
    if (typeof this.#url.path === 'string') return;
    this.#setter(value, S.HOST);
  }

  get hostname() { return this.#url.host ?? ''; }
  set hostname(value) {
    if (typeof this.#url.path === 'string') return;
    this.#setter(value, S.HOSTNAME);
  }

  get port() { return this.#url.port === null ? '' : String(this.#url.port); }
  set port(value) {
    if (cannotHaveCredentialsOrPort(this.#url)) return;
    value = toUSVString(value);
    if (value === '') this.#url.port = null;
    else this.#setter(value, S.PORT);
  }

  get pathname() { return serializePath(this.#url); }
  set pathname(value) {
    if (typeof this.#url.path === 'string') return;
    const saved = this.#url.path;
    this.#url.path = [];
    if (this.#setter(value, S.PATH_START) === FAILURE) this.#url.path = saved;
  }

  get search() {
    const q = this.#url.query;
    return q === null || q === '' ? '' : '?' + q;
  }
  set search(value) {
    value = toUSVString(value);
    const u = this.#url;
    if (value === '') {
      u.query = null;
      if (this.#params) this.#params[kList] = [];
      stripTrailingSpaces(u);
      return;
    }
    if (value[0] === '?') value = value.slice(1);
    const saved = u.query;
    u.query = '';
    if (basicParse(value, null, u, S.QUERY) === FAILURE) u.query = saved;
    if (this.#params) this.#params[kList] = parseUrlencoded(value);
  }

  get searchParams() {
    if (this.#params === null) {
      const params = new URLSearchParams(this.#url.query ?? '');
      params[kUrl] = this;
      this.#params = params;
    }
    return this.#params;
  }

  get hash() {
    const f = this.#url.fragment;
    return f === null || f === '' ? '' : '#' + f;
  }
  set hash(value) {
    value = toUSVString(value);
    const u = this.#url;
    if (value === '') {
      u.fragment = null;
      stripTrailingSpaces(u);
      return;
    }
    if (value[0] === '#') value = value.slice(1);
    u.fragment = '';
    basicParse(value, null, u, S.FRAGMENT);
  }

  toJSON() { return serializeURL(this.#url); }

  // Setters parse into a copy so a failure leaves the URL as it was.
  #setter(value, state) {
    const copy = { ...this.#url, path: Array.isArray(this.#url.path) ? this.#url.path.slice() : this.#url.path };
    const r = basicParse(toUSVString(value), null, copy, state);
    if (r === FAILURE) return FAILURE;
    this.#url = copy;
    return copy;
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {};
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts && opts.showHidden) obj[kUrl] = { ...this.#url };
    return `${this.constructor.name} ${inspectValue(obj, opts)}`;
  }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const k of ['toString', 'href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
  'port', 'pathname', 'search', 'searchParams', 'hash', 'toJSON']) {
  const d = Object.getOwnPropertyDescriptor(URL.prototype, k);
  d.enumerable = true;
  Object.defineProperty(URL.prototype, k, d);
}
for (const k of ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']) {
  const d = Object.getOwnPropertyDescriptor(URL, k);
  d.enumerable = true;
  Object.defineProperty(URL, k, d);
}
function isURL(v) {
  return v != null && typeof v === 'object' && Boolean(v.href) && Boolean(v.protocol) &&
    v.auth === undefined && v.path === undefined;
}

// ---- file: URLs <-> paths -----------------------------------------------------------
function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  if (path.hostname !== '') throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = path.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function encodePathChars(p) {
  return p.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A')
    .replace(/\r/g, '%0D').replace(/\t/g, '%09');
}

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw new ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  const pathModule = require('path');
  let resolved = pathModule.resolve(filepath);
  // resolve() drops a trailing slash that the URL must keep
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  const url = new URL('file://');
  url.pathname = encodePathChars(resolved);
  return url;
}

// Used by the URL setters of owned search params; kept off the public prototype.
Object.defineProperty(URLSearchParams.prototype, 'constructor', {
  value: URLSearchParams, writable: true, configurable: true, enumerable: false,
});

function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = parseHost(`${domain}`, false);
  return host === FAILURE ? '' : host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = parseHost(`${domain}`, false);
  return host === FAILURE ? '' : domainToUnicodeInternal(host);
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

module.exports = {
  URL, URLSearchParams, fileURLToPath, pathToFileURL, isURL, domainToASCII, domainToUnicode,
  urlToHttpOptions, toUSVString, encodeString, parseHost, FAILURE,
  // for legacy url.parse/format
  punycodeEncode, punycodeDecode,
};
