/* binding('encoding'): conversions between JS strings (UTF-16 code units, as JSC keeps
 * them) and bytes, for Buffer, TextEncoder/TextDecoder and atob/btoa.
 *
 * Encodings are small integers shared with src/js/buffer.js (kEnc* there):
 *   0 utf8, 1 utf16le, 2 latin1, 3 ascii, 4 base64, 5 base64url, 6 hex.
 * Behaviour follows node where it is loose: lone surrogates encode as U+FFFD, invalid
 * UTF-8 decodes with one U+FFFD per maximal invalid subpart (the WHATWG decoder), base64
 * input accepts both alphabets, skips junk and stops at the first '=', hex stops at the
 * first invalid pair. Writes never split a character. */
#include <stdlib.h>
#include <string.h>

#include "mod/modules.h"

enum { ENC_UTF8, ENC_UTF16LE, ENC_LATIN1, ENC_ASCII, ENC_BASE64, ENC_BASE64URL, ENC_HEX };

/* ---- helpers ------------------------------------------------------------------- */

/* String argument as UTF-16 units; the caller releases *ref. */
static const JSChar *str_units(JSContextRef ctx, JSValueRef v, JSStringRef *ref, size_t *len,
                               JSValueRef *exc) {
  *ref = JSValueToStringCopy(ctx, v, exc);
  if (!*ref) return NULL;
  *len = JSStringGetLength(*ref);
  return JSStringGetCharactersPtr(*ref);
}

static JSValueRef make_string(JSContextRef ctx, const JSChar *u, size_t n) {
  JSStringRef s = JSStringCreateWithCharacters(u, n);
  JSValueRef v = JSValueMakeString(ctx, s);
  JSStringRelease(s);
  return v;
}

/* A Uint8Array (or any view) argument's bytes; throws a TypeError otherwise. */
static uint8_t *view_bytes(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc) {
  *len = 0;
  if (JSValueGetTypedArrayType(ctx, v, NULL) == kJSTypedArrayTypeNone) {
    sp_js_throw(ctx, exc, "TypeError", "ERR_INVALID_ARG_TYPE", "argument must be an ArrayBuffer or a view");
    return NULL;
  }
  uint8_t *p = sp_js_bytes(ctx, v, len, exc);
  if (!p) *len = 0;
  return p;
}

/* Clamp a JS number argument into [0, max]. */
static size_t arg_index(JSContextRef ctx, JSValueRef v, size_t dflt, size_t max) {
  if (JSValueIsUndefined(ctx, v)) return dflt > max ? max : dflt;
  double d = JSValueToNumber(ctx, v, NULL);
  if (!(d > 0)) return 0;
  if (d >= (double)max) return max;
  return (size_t)d;
}

static void free_bytes(void *bytes, void *ctx) { free(bytes); }

/* ---- UTF-8 ------------------------------------------------------------------------ */

/* Code point at u[*i] (surrogate pairs joined, lone surrogates -> U+FFFD); advances *i. */
static uint32_t next_cp(const JSChar *u, size_t n, size_t *i) {
  uint32_t c = u[(*i)++];
  if (c < 0xD800 || c > 0xDFFF) return c;
  if (c <= 0xDBFF && *i < n && u[*i] >= 0xDC00 && u[*i] <= 0xDFFF)
    return 0x10000 + ((c - 0xD800) << 10) + (u[(*i)++] - 0xDC00);
  return 0xFFFD;
}

static size_t cp_len(uint32_t c) { return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; }

static size_t put_cp(uint8_t *o, uint32_t c) {
  if (c < 0x80) { o[0] = c; return 1; }
  if (c < 0x800) { o[0] = 0xC0 | (c >> 6); o[1] = 0x80 | (c & 0x3F); return 2; }
  if (c < 0x10000) {
    o[0] = 0xE0 | (c >> 12); o[1] = 0x80 | ((c >> 6) & 0x3F); o[2] = 0x80 | (c & 0x3F);
    return 3;
  }
  o[0] = 0xF0 | (c >> 18); o[1] = 0x80 | ((c >> 12) & 0x3F);
  o[2] = 0x80 | ((c >> 6) & 0x3F); o[3] = 0x80 | (c & 0x3F);
  return 4;
}

static size_t utf8_length(const JSChar *u, size_t n) {
  size_t i = 0, len = 0;
  while (i < n) {
    if (u[i] < 0x80) { i++; len++; continue; }
    len += cp_len(next_cp(u, n, &i));
  }
  return len;
}

/* Writes whole characters only; *read gets the UTF-16 units consumed. */
static size_t utf8_write(const JSChar *u, size_t n, uint8_t *o, size_t max, size_t *read) {
  size_t i = 0, w = 0;
  while (i < n) {
    if (u[i] < 0x80) {
      if (w >= max) break;
      o[w++] = (uint8_t)u[i++];
      continue;
    }
    size_t at = i;
    uint32_t c = next_cp(u, n, &i);
    if (w + cp_len(c) > max) { i = at; break; }
    w += put_cp(o + w, c);
  }
  if (read) *read = i;
  return w;
}

/* The WHATWG UTF-8 decoder. Returns the number of units written to out (which must hold
 * n units), or -1 on the first error when fatal. */
static long utf8_decode(const uint8_t *s, size_t n, JSChar *out, bool fatal) {
  size_t i = 0, w = 0;
  while (i < n) {
    uint32_t b = s[i];
    if (b < 0x80) { out[w++] = b; i++; continue; }
    int need;
    uint32_t lo = 0x80, hi = 0xBF, cp;
    if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = b & 0x1F; }
    else if (b >= 0xE0 && b <= 0xEF) {
      need = 2; cp = b & 0x0F;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3; cp = b & 0x07;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      if (fatal) return -1;
      out[w++] = 0xFFFD; i++;
      continue;
    }
    size_t j = i + 1;
    bool ok = true;
    for (int k = 0; k < need; k++, j++) {
      if (j >= n || s[j] < lo || s[j] > hi) { ok = false; break; }
      lo = 0x80; hi = 0xBF;
      cp = (cp << 6) | (s[j] & 0x3F);
    }
    if (!ok) {
      if (fatal) return -1;
      out[w++] = 0xFFFD;
      i = j; /* the offending byte starts the next sequence */
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out[w++] = 0xD800 + (cp >> 10);
      out[w++] = 0xDC00 + (cp & 0x3FF);
    } else {
      out[w++] = cp;
    }
    i = j;
  }
  return (long)w;
}

/* ---- base64 / hex ---------------------------------------------------------------- */

static const char b64std[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static int b64_value(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

static size_t b64_write(const JSChar *u, size_t n, uint8_t *o, size_t max) {
  uint32_t acc = 0;
  int bits = 0;
  size_t w = 0;
  for (size_t i = 0; i < n && w < max; i++) {
    if (u[i] == '=') break;
    int v = b64_value(u[i]);
    if (v < 0) continue;
    acc = (acc << 6) | (uint32_t)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      o[w++] = (acc >> bits) & 0xFF;
    }
  }
  return w;
}

static int hex_value(uint32_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* ---- generic write / decode ------------------------------------------------------ */

static size_t write_units(int enc, const JSChar *u, size_t n, uint8_t *o, size_t max) {
  size_t w = 0;
  switch (enc) {
  case ENC_UTF8: return utf8_write(u, n, o, max, NULL);
  case ENC_UTF16LE:
    for (size_t i = 0; i < n && w + 2 <= max; i++) { o[w++] = u[i] & 0xFF; o[w++] = u[i] >> 8; }
    return w;
  case ENC_LATIN1:
  case ENC_ASCII:
    for (; w < n && w < max; w++) o[w] = (uint8_t)u[w];
    return w;
  case ENC_BASE64:
  case ENC_BASE64URL: return b64_write(u, n, o, max);
  case ENC_HEX:
    for (size_t i = 0; i + 1 < n && w < max; i += 2) {
      int hi = hex_value(u[i]), lo = hex_value(u[i + 1]);
      if (hi < 0 || lo < 0) break;
      o[w++] = (uint8_t)(hi << 4 | lo);
    }
    return w;
  }
  return 0;
}

static JSValueRef decode_bytes(JSContextRef ctx, int enc, const uint8_t *s, size_t n, bool fatal) {
  JSChar stackbuf[512];
  size_t cap = n;
  if (enc == ENC_BASE64 || enc == ENC_BASE64URL) cap = (n + 2) / 3 * 4;
  else if (enc == ENC_HEX) cap = n * 2;
  else if (enc == ENC_UTF16LE) cap = n / 2;
  JSChar *out = cap <= 512 ? stackbuf : malloc(cap * sizeof(JSChar));
  if (!out) return NULL;
  size_t w = 0;
  switch (enc) {
  case ENC_UTF8: {
    long r = utf8_decode(s, n, out, fatal);
    if (r < 0) { if (out != stackbuf) free(out); return JSValueMakeNull(ctx); }
    w = (size_t)r;
    break;
  }
  case ENC_UTF16LE:
    for (size_t i = 0; i + 1 < n; i += 2) out[w++] = s[i] | (s[i + 1] << 8);
    break;
  case ENC_LATIN1: for (; w < n; w++) out[w] = s[w]; break;
  case ENC_ASCII: for (; w < n; w++) out[w] = s[w] & 0x7F; break;
  case ENC_BASE64:
  case ENC_BASE64URL: {
    const char *tab = enc == ENC_BASE64 ? b64std : b64url;
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
      uint32_t v = s[i] << 16 | s[i + 1] << 8 | s[i + 2];
      out[w++] = tab[v >> 18]; out[w++] = tab[(v >> 12) & 63];
      out[w++] = tab[(v >> 6) & 63]; out[w++] = tab[v & 63];
    }
    if (n - i == 1) {
      uint32_t v = s[i] << 16;
      out[w++] = tab[v >> 18]; out[w++] = tab[(v >> 12) & 63];
      if (enc == ENC_BASE64) { out[w++] = '='; out[w++] = '='; }
    } else if (n - i == 2) {
      uint32_t v = s[i] << 16 | s[i + 1] << 8;
      out[w++] = tab[v >> 18]; out[w++] = tab[(v >> 12) & 63]; out[w++] = tab[(v >> 6) & 63];
      if (enc == ENC_BASE64) out[w++] = '=';
    }
    break;
  }
  case ENC_HEX: {
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) { out[w++] = digits[s[i] >> 4]; out[w++] = digits[s[i] & 15]; }
    break;
  }
  }
  JSValueRef v = w ? make_string(ctx, out, w) : sp_js_str(ctx, "");
  if (out != stackbuf) free(out);
  return v;
}

/* ---- JS entry points ---------------------------------------------------------------- */

/* byteLengthUtf8(string) -> number */
SP_FN(js_byte_length_utf8) {
  JSStringRef ref;
  size_t n;
  const JSChar *u = str_units(ctx, SP_ARG(0), &ref, &n, exc);
  if (!ref) return SP_UNDEF;
  size_t len = utf8_length(u, n);
  JSStringRelease(ref);
  return JSValueMakeNumber(ctx, (double)len);
}

/* write(view, string, offset, maxBytes, enc) -> bytes written */
SP_FN(js_write) {
  size_t len;
  uint8_t *p = view_bytes(ctx, SP_ARG(0), &len, exc);
  if (*exc) return SP_UNDEF;
  size_t off = arg_index(ctx, SP_ARG(2), 0, len);
  size_t max = arg_index(ctx, SP_ARG(3), len - off, len - off);
  int enc = (int)sp_js_num(ctx, SP_ARG(4));
  JSStringRef ref;
  size_t n;
  const JSChar *u = str_units(ctx, SP_ARG(1), &ref, &n, exc);
  if (!ref) return SP_UNDEF;
  size_t w = p ? write_units(enc, u, n, p + off, max) : 0;
  JSStringRelease(ref);
  return JSValueMakeNumber(ctx, (double)w);
}

/* decode(view, start, end, enc, fatal) -> string, or null when fatal and invalid UTF-8 */
SP_FN(js_decode) {
  size_t len;
  uint8_t *p = view_bytes(ctx, SP_ARG(0), &len, exc);
  if (*exc) return SP_UNDEF;
  size_t start = arg_index(ctx, SP_ARG(1), 0, len);
  size_t end = arg_index(ctx, SP_ARG(2), len, len);
  int enc = (int)sp_js_num(ctx, SP_ARG(3));
  bool fatal = JSValueToBoolean(ctx, SP_ARG(4));
  if (!p || end <= start) return sp_js_str(ctx, "");
  JSValueRef v = decode_bytes(ctx, enc, p + start, end - start, fatal);
  if (!v) return sp_js_throw(ctx, exc, "RangeError", "ERR_STRING_TOO_LONG", "Cannot create a string");
  return v;
}

/* encodeUtf8(string) -> new Uint8Array that owns malloc'd memory (transferable without a copy) */
SP_FN(js_encode_utf8) {
  JSStringRef ref;
  size_t n;
  const JSChar *u = str_units(ctx, SP_ARG(0), &ref, &n, exc);
  if (!ref) return SP_UNDEF;
  size_t len = utf8_length(u, n);
  uint8_t *bytes = malloc(len ? len : 1);
  if (!bytes) { JSStringRelease(ref); return sp_js_throw(ctx, exc, "RangeError", NULL, "Array buffer allocation failed"); }
  utf8_write(u, n, bytes, len, NULL);
  JSStringRelease(ref);
  return JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeUint8Array, bytes, len, free_bytes,
                                              NULL, exc);
}

/* encodeInto(string, view, out) -> out[0] = UTF-16 units read, out[1] = bytes written */
SP_FN(js_encode_into) {
  size_t len;
  uint8_t *p = view_bytes(ctx, SP_ARG(1), &len, exc);
  if (*exc) return SP_UNDEF;
  JSStringRef ref;
  size_t n, read = 0;
  const JSChar *u = str_units(ctx, SP_ARG(0), &ref, &n, exc);
  if (!ref) return SP_UNDEF;
  size_t w = p ? utf8_write(u, n, p, len, &read) : 0;
  JSStringRelease(ref);
  JSObjectRef out = JSValueToObject(ctx, SP_ARG(2), exc);
  if (!out) return SP_UNDEF;
  JSObjectSetPropertyAtIndex(ctx, out, 0, JSValueMakeNumber(ctx, (double)read), exc);
  JSObjectSetPropertyAtIndex(ctx, out, 1, JSValueMakeNumber(ctx, (double)w), exc);
  return SP_UNDEF;
}

/* compare(a, b) -> -1, 0, 1 over the whole views (callers subarray first) */
SP_FN(js_compare) {
  size_t la, lb;
  uint8_t *a = view_bytes(ctx, SP_ARG(0), &la, exc);
  if (*exc) return SP_UNDEF;
  uint8_t *b = view_bytes(ctx, SP_ARG(1), &lb, exc);
  if (*exc) return SP_UNDEF;
  size_t m = la < lb ? la : lb;
  int r = m && a && b ? memcmp(a, b, m) : 0;
  if (r == 0) r = la < lb ? -1 : la > lb ? 1 : 0;
  return JSValueMakeNumber(ctx, r < 0 ? -1 : r > 0 ? 1 : 0);
}

/* indexOf(haystack, needle, byteOffset, forward) -> index or -1; byteOffset already
 * normalized into [0, haystack.length] by the caller. */
SP_FN(js_index_of) {
  size_t lh, ln;
  uint8_t *h = view_bytes(ctx, SP_ARG(0), &lh, exc);
  if (*exc) return SP_UNDEF;
  uint8_t *nd = view_bytes(ctx, SP_ARG(1), &ln, exc);
  if (*exc) return SP_UNDEF;
  double offd = sp_js_num(ctx, SP_ARG(2));
  bool forward = JSValueToBoolean(ctx, SP_ARG(3));
  if (ln > lh || !h) return JSValueMakeNumber(ctx, -1);
  size_t off = offd > 0 ? (size_t)offd : 0;
  if (forward) {
    if (off > lh - ln) return JSValueMakeNumber(ctx, -1);
    if (ln == 0) return JSValueMakeNumber(ctx, (double)off);
    uint8_t *hit = memmem(h + off, lh - off, nd, ln);
    return JSValueMakeNumber(ctx, hit ? (double)(hit - h) : -1);
  }
  if (off > lh - ln) off = lh - ln;
  for (size_t i = off + 1; i-- > 0;)
    if (ln == 0 || (h[i] == nd[0] && memcmp(h + i, nd, ln) == 0)) return JSValueMakeNumber(ctx, (double)i);
  return JSValueMakeNumber(ctx, -1);
}

void sp_mod_encoding_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  sp_js_fn(ctx, target, "byteLengthUtf8", js_byte_length_utf8);
  sp_js_fn(ctx, target, "write", js_write);
  sp_js_fn(ctx, target, "decode", js_decode);
  sp_js_fn(ctx, target, "encodeUtf8", js_encode_utf8);
  sp_js_fn(ctx, target, "encodeInto", js_encode_into);
  sp_js_fn(ctx, target, "compare", js_compare);
  sp_js_fn(ctx, target, "indexOf", js_index_of);
}
