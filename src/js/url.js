'use strict';
// url: the WHATWG URL API (internal/url) plus Node's legacy url.parse /
// url.format / url.resolve. The legacy parser here follows the documented
// behaviour for ordinary URLs; exotic inputs that Node's lenient parser
// rewrites (invalid host characters spilling into the path, etc.) are not
// reproduced.

const { codes, validateObject } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE } = codes;
const {
  URL, URLSearchParams, fileURLToPath, pathToFileURL, domainToASCII, domainToUnicode,
  urlToHttpOptions, punycodeEncode,
} = require('internal/url');

const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const unsafeProtocol = new Set(['javascript', 'javascript:']);

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// querystring-style decoding for parseQueryString: repeated keys become arrays.
function parseQuery(qs) {
  const out = { __proto__: null };
  for (const [k, v] of new URLSearchParams(qs)) {
    if (k in out) out[k] = Array.isArray(out[k]) ? [...out[k], v] : [out[k], v];
    else out[k] = v;
  }
  return out;
}

function stringifyQuery(obj) {
  const parts = [];
  const enc = (v) => encodeURIComponent(v);
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const vals = Array.isArray(v) ? v : [v];
    for (const x of vals) {
      const s = typeof x === 'string' || typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean' ?
        String(x) : '';
      parts.push(`${enc(key)}=${enc(s)}`);
    }
  }
  return parts.join('&');
}

const autoEscape = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C', '>': '%3E',
  '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const escapeRest = (s) => s.replace(/[\t\n\r "'<>\\^`{|}]/g, (c) => autoEscape[c]);

// Characters that end the host part of a legacy URL.
const hostEnd = /[/?#;%'"<>^`{}|\\\t\n\r ]/;

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw new ERR_INVALID_ARG_TYPE('url', 'string', url);
  let rest = url.trim();
  // Backslashes before the query/hash count as slashes.
  const qh = rest.search(/[?#]/);
  const head = qh === -1 ? rest : rest.slice(0, qh);
  rest = head.replace(/\\/g, '/') + (qh === -1 ? '' : rest.slice(qh));

  if (!slashesDenoteHost && !/^[a-z0-9.+-]+:/i.test(rest) && !rest.startsWith('//')) {
    const simple = /^(\/?[^?#\s]*)(\?[^#\s]*)?$/.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? parseQuery(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = '';
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let lowerProto;
  const proto = /^[a-z0-9.+-]+:/i.exec(rest);
  if (proto) {
    lowerProto = proto[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto[0].length);
  }

  let slashes;
  if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(lowerProto)))) {
    // authority: [auth@]host[:port]
    let end = rest.search(/[/?#]/);
    if (end === -1) end = rest.length;
    const at = rest.lastIndexOf('@', end);
    if (at !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
    let hostLen = rest.search(hostEnd);
    if (hostLen === -1) hostLen = rest.length;
    let host = rest.slice(0, hostLen);
    rest = rest.slice(hostLen);
    const port = /:[0-9]*$/.exec(host);
    if (port) {
      if (port[0] !== ':') this.port = port[0].slice(1);
      host = host.slice(0, host.length - port[0].length);
    }
    let hostname = host;
    const ipv6 = hostname[0] === '[' && hostname[hostname.length - 1] === ']';
    if (ipv6) hostname = hostname.slice(1, -1);
    hostname = hostname.toLowerCase();
    if (!ipv6 && /[^\x00-\x7f]/.test(hostname)) {
      hostname = hostname.split('.').map((l) => (/[^\x00-\x7f]/.test(l) ? `xn--${punycodeEncode(l)}` : l)).join('.');
    }
    this.hostname = hostname;
    const h = ipv6 ? `[${hostname}]` : hostname;
    this.host = h + (this.port ? `:${this.port}` : '');
  }

  if (!unsafeProtocol.has(lowerProto)) rest = escapeRest(rest);

  const hash = rest.indexOf('#');
  if (hash !== -1) {
    this.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  const q = rest.indexOf('?');
  if (q !== -1) {
    this.search = rest.slice(q);
    this.query = rest.slice(q + 1);
    if (parseQueryString) this.query = parseQuery(this.query);
    rest = rest.slice(0, q);
  } else if (parseQueryString) {
    this.search = '';
    this.query = { __proto__: null };
  }
  if (rest) this.pathname = rest;
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = encodeURIComponent(auth).replace(/%3A/i, ':') + '@';
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && this.hostname[0] !== '[' ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = stringifyQuery(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, (c) => encodeURIComponent(c));
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.length >= 4 && protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = '#' + hash;
  if (search && search[0] !== '?') search = '?' + search;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return urlResolve(this.format(), relative);
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (urlObject instanceof URL) {
    let fragment = true, unicode = false, search = true, auth = true;
    if (options) {
      validateObject(options, 'options');
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    const u = urlObject;
    let out = u.protocol;
    if (u.host !== '' || u.protocol === 'file:') {
      out += '//';
      if (auth && (u.username || u.password)) out += u.username + (u.password ? ':' + u.password : '') + '@';
      out += unicode ? domainToUnicode(u.hostname) + (u.port ? ':' + u.port : '') : u.host;
    }
    out += u.pathname;
    if (search) out += u.search;
    if (fragment) out += u.hash;
    return out;
  }
  return Url.prototype.format.call(urlObject);
}

// Legacy resolve through the WHATWG parser with a placeholder scheme for relative bases.
function urlResolve(from, to) {
  const resolved = new URL(to, new URL(from, 'resolve://'));
  if (resolved.protocol === 'resolve:') {
    const { pathname, search, hash } = resolved;
    return pathname + search + hash;
  }
  return resolved.toString();
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(urlResolve(typeof source === 'string' ? source : urlFormat(source), relative));
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
