/* binding('zlib'): the system's zlib behind the zlib module. A handle is one z_stream in
 * one of node's modes (DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP);
 * process(handle, bytes, flush) runs it over the input, on the calling thread, and returns
 * what came out as one Uint8Array plus zlib's code. UNZIP looks at the first bytes: a gzip
 * header makes it gunzip, anything else inflate, as node's. The handle's memory goes with
 * its JS object, or earlier with close(). */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "mod/modules.h"

enum { MODE_NONE, MODE_DEFLATE, MODE_INFLATE, MODE_GZIP, MODE_GUNZIP, MODE_DEFLATERAW, MODE_INFLATERAW, MODE_UNZIP };

typedef struct zhandle {
  z_stream strm;
  int mode;
  bool open;      /* deflateInit/inflateInit ran and End has not */
  bool deflating;
} zhandle_t;

static JSClassRef zlib_class;
static uv_once_t zlib_class_once = UV_ONCE_INIT;

static void zhandle_end(zhandle_t *z) {
  if (!z->open) return;
  if (z->deflating) deflateEnd(&z->strm);
  else inflateEnd(&z->strm);
  z->open = false;
}

static void zlib_finalize(JSObjectRef obj) {
  zhandle_t *z = JSObjectGetPrivate(obj);
  if (!z) return;
  zhandle_end(z);
  free(z);
}

static void zlib_class_init(void) { zlib_class = sp_js_handle_class("Zlib", zlib_finalize); }

static zhandle_t *zhandle_of(JSContextRef ctx, JSValueRef v) { return sp_js_handle(ctx, v, zlib_class); }

/* create(mode, level, windowBits, memLevel, strategy): a handle, or zlib's (negative) code */
SP_FN(js_create) {
  uv_once(&zlib_class_once, zlib_class_init);
  int mode = (int)sp_js_num(ctx, SP_ARG(0)), level = (int)sp_js_num(ctx, SP_ARG(1));
  int window_bits = (int)sp_js_num(ctx, SP_ARG(2)), mem_level = (int)sp_js_num(ctx, SP_ARG(3));
  int strategy = (int)sp_js_num(ctx, SP_ARG(4));
  zhandle_t *z = calloc(1, sizeof *z);
  if (!z) return JSValueMakeNumber(ctx, Z_MEM_ERROR);
  z->mode = mode;
  int rc;
  switch (mode) {
  case MODE_DEFLATE: case MODE_GZIP: case MODE_DEFLATERAW:
    z->deflating = true;
    rc = deflateInit2(&z->strm, level, Z_DEFLATED,
                      mode == MODE_GZIP ? window_bits + 16 : mode == MODE_DEFLATERAW ? -window_bits : window_bits,
                      mem_level, strategy);
    break;
  case MODE_INFLATE: case MODE_GUNZIP: case MODE_INFLATERAW: case MODE_UNZIP:
    rc = inflateInit2(&z->strm, mode == MODE_GUNZIP ? window_bits + 16 : mode == MODE_INFLATERAW ? -window_bits
                                : mode == MODE_UNZIP ? window_bits + 32 : window_bits);
    break;
  default:
    rc = Z_STREAM_ERROR;
  }
  if (rc != Z_OK) {
    free(z);
    return JSValueMakeNumber(ctx, rc);
  }
  z->open = true;
  return JSObjectMake(ctx, zlib_class, z);
}

/* process(handle, bytes, flush): [output Uint8Array, code, message or undefined]. Code is
 * zlib's: Z_OK, Z_STREAM_END (the stream is complete), Z_BUF_ERROR (no progress possible:
 * for inflate, input ended early) or an error. */
SP_FN(js_process) {
  zhandle_t *z = zhandle_of(ctx, SP_ARG(0));
  if (!z || !z->open) return sp_js_throw(ctx, exc, "Error", "ERR_ZLIB_BINDING_CLOSED", "zlib binding closed");
  size_t in_len = 0;
  uint8_t *in = sp_js_bytes(ctx, SP_ARG(1), &in_len, exc);
  int flush = (int)sp_js_num(ctx, SP_ARG(2));
  size_t cap = in_len < 16384 ? 16384 : in_len + in_len / 2 + 64, len = 0;
  uint8_t *out = malloc(cap);
  if (!out) return sp_js_throw(ctx, exc, "RangeError", NULL, "Out of memory");
  z->strm.next_in = in;
  z->strm.avail_in = (uInt)in_len;
  int rc;
  for (;;) {
    if (len == cap) {
      uint8_t *grown = realloc(out, cap * 2);
      if (!grown) {
        free(out);
        return sp_js_throw(ctx, exc, "RangeError", NULL, "Out of memory");
      }
      out = grown;
      cap *= 2;
    }
    z->strm.next_out = out + len;
    z->strm.avail_out = (uInt)(cap - len);
    rc = z->deflating ? deflate(&z->strm, flush) : inflate(&z->strm, flush);
    len = cap - z->strm.avail_out;
    if (rc == Z_STREAM_END || (rc != Z_OK && rc != Z_BUF_ERROR)) break;
    /* done when zlib has taken all the input and left output room unused */
    if (z->strm.avail_out != 0 && z->strm.avail_in == 0) break;
    if (rc == Z_BUF_ERROR && z->strm.avail_out != 0) break;
  }
  JSObjectRef u8 = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, len, exc);
  void *p = u8 ? JSObjectGetTypedArrayBytesPtr(ctx, u8, exc) : NULL;
  if (p && len) memcpy(p, out, len);
  free(out);
  if (!u8) return SP_UNDEF;
  JSValueRef msg = z->strm.msg ? sp_js_str(ctx, z->strm.msg) : JSValueMakeUndefined(ctx);
  JSValueRef v[3] = {u8, JSValueMakeNumber(ctx, rc), msg};
  return JSObjectMakeArray(ctx, 3, v, exc);
}

/* reset(handle): the stream starts over with the same settings */
SP_FN(js_reset) {
  zhandle_t *z = zhandle_of(ctx, SP_ARG(0));
  if (z && z->open) {
    if (z->deflating) deflateReset(&z->strm);
    else inflateReset(&z->strm);
  }
  return SP_UNDEF;
}

/* close(handle): frees zlib's state now */
SP_FN(js_close) {
  zhandle_t *z = zhandle_of(ctx, SP_ARG(0));
  if (z) zhandle_end(z);
  return SP_UNDEF;
}

/* crc32(bytes, initial) */
SP_FN(js_crc32) {
  size_t n = 0;
  uint8_t *p = sp_js_bytes(ctx, SP_ARG(0), &n, exc);
  double init = sp_js_num(ctx, SP_ARG(1));
  uLong crc = crc32((uLong)init, p ? p : (const Bytef *)"", (uInt)n);
  return JSValueMakeNumber(ctx, (double)crc);
}

void sp_mod_zlib_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  (void)a;
  sp_js_fn(ctx, t, "create", js_create);
  sp_js_fn(ctx, t, "process", js_process);
  sp_js_fn(ctx, t, "reset", js_reset);
  sp_js_fn(ctx, t, "close", js_close);
  sp_js_fn(ctx, t, "crc32", js_crc32);
  sp_js_set_num(ctx, t, "ZLIB_VERNUM", ZLIB_VERNUM);
}
