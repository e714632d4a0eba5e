#include "jsc/js.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

JSValueRef sp_js_str(JSContextRef ctx, const char *s) {
  JSStringRef js = JSStringCreateWithUTF8CString(s ? s : "");
  JSValueRef v = JSValueMakeString(ctx, js);
  JSStringRelease(js);
  return v;
}

JSValueRef sp_js_strn(JSContextRef ctx, const char *s, size_t len) {
  char stackbuf[256];
  char *tmp = len < sizeof stackbuf ? stackbuf : malloc(len + 1);
  memcpy(tmp, s, len);
  tmp[len] = 0;
  JSValueRef v = sp_js_str(ctx, tmp);
  if (tmp != stackbuf) free(tmp);
  return v;
}

char *sp_js_cstr(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc) {
  JSStringRef s = JSValueToStringCopy(ctx, v, exc);
  if (!s) return NULL;
  size_t max = JSStringGetMaximumUTF8CStringSize(s);
  char *buf = malloc(max);
  size_t n = JSStringGetUTF8CString(s, buf, max);
  JSStringRelease(s);
  if (len) *len = n ? n - 1 : 0;
  return buf;
}

JSValueRef sp_js_get(JSContextRef ctx, JSObjectRef o, const char *name) {
  JSStringRef js = JSStringCreateWithUTF8CString(name);
  JSValueRef v = JSObjectGetProperty(ctx, o, js, NULL);
  JSStringRelease(js);
  return v;
}

void sp_js_set(JSContextRef ctx, JSObjectRef o, const char *name, JSValueRef v) {
  JSStringRef js = JSStringCreateWithUTF8CString(name);
  JSObjectSetProperty(ctx, o, js, v, kJSPropertyAttributeNone, NULL);
  JSStringRelease(js);
}

void sp_js_set_num(JSContextRef ctx, JSObjectRef o, const char *name, double v) {
  sp_js_set(ctx, o, name, JSValueMakeNumber(ctx, v));
}

void sp_js_set_str(JSContextRef ctx, JSObjectRef o, const char *name, const char *v) {
  sp_js_set(ctx, o, name, sp_js_str(ctx, v));
}

void sp_js_fn(JSContextRef ctx, JSObjectRef o, const char *name, JSObjectCallAsFunctionCallback cb) {
  JSStringRef js = JSStringCreateWithUTF8CString(name);
  JSObjectRef f = JSObjectMakeFunctionWithCallback(ctx, js, cb);
  JSObjectSetProperty(ctx, o, js, f, kJSPropertyAttributeDontEnum, NULL);
  JSStringRelease(js);
}

double sp_js_num(JSContextRef ctx, JSValueRef v) { return JSValueToNumber(ctx, v, NULL); }

static JSObjectRef make_error_v(JSContextRef ctx, const char *ctor, const char *code, const char *fmt,
                                va_list ap) {
  char msg[4096];
  vsnprintf(msg, sizeof msg, fmt, ap);
  JSObjectRef global = JSContextGetGlobalObject(ctx);
  JSValueRef c = sp_js_get(ctx, global, ctor);
  JSValueRef arg = sp_js_str(ctx, msg);
  JSObjectRef err = NULL;
  if (JSValueIsObject(ctx, c)) err = JSObjectCallAsConstructor(ctx, (JSObjectRef)c, 1, &arg, NULL);
  if (!err) err = JSObjectMakeError(ctx, 1, &arg, NULL);
  if (code) sp_js_set_str(ctx, err, "code", code);
  /* Made with no JavaScript running (an I/O callback's error): the engine gives it no
   * stack; node's has its header line alone. */
  JSValueRef stack = sp_js_get(ctx, err, "stack");
  bool empty = true;
  if (JSValueIsString(ctx, stack)) {
    JSStringRef st = JSValueToStringCopy(ctx, stack, NULL);
    empty = !st || JSStringGetLength(st) == 0;
    if (st) JSStringRelease(st);
  }
  if (empty) {
    char header[4200];
    snprintf(header, sizeof header, "%s: %s", ctor, msg);
    JSStringRef name = JSStringCreateWithUTF8CString("stack");
    JSObjectSetProperty(ctx, err, name, sp_js_str(ctx, header), kJSPropertyAttributeDontEnum, NULL);
    JSStringRelease(name);
  }
  return err;
}

JSObjectRef sp_js_error(JSContextRef ctx, const char *ctor, const char *code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  JSObjectRef e = make_error_v(ctx, ctor, code, fmt, ap);
  va_end(ap);
  return e;
}

JSValueRef sp_js_throw(JSContextRef ctx, JSValueRef *exc, const char *ctor, const char *code,
                       const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  JSObjectRef e = make_error_v(ctx, ctor, code, fmt, ap);
  va_end(ap);
  if (exc) *exc = e;
  return JSValueMakeUndefined(ctx);
}

JSValueRef sp_js_throw_uv(JSContextRef ctx, JSValueRef *exc, int uverr, const char *syscall,
                          const char *path, const char *dest) {
  char msg[2048];
  int n = snprintf(msg, sizeof msg, "%s: %s, %s", uv_err_name(uverr), uv_strerror(uverr), syscall);
  if (path) n += snprintf(msg + n, sizeof msg - n, " '%s'", path);
  if (dest) snprintf(msg + n, sizeof msg - n, " -> '%s'", dest);
  JSObjectRef e = sp_js_error(ctx, "Error", uv_err_name(uverr), "%s", msg);
  sp_js_set_num(ctx, e, "errno", uverr);
  sp_js_set_str(ctx, e, "syscall", syscall);
  if (path) sp_js_set_str(ctx, e, "path", path);
  if (dest) sp_js_set_str(ctx, e, "dest", dest);
  *exc = e;
  return JSValueMakeUndefined(ctx);
}

uint8_t *sp_js_bytes(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc) {
  if (!JSValueIsObject(ctx, v)) return NULL;
  JSObjectRef o = (JSObjectRef)v;
  JSTypedArrayType t = JSValueGetTypedArrayType(ctx, v, exc);
  if (t == kJSTypedArrayTypeArrayBuffer) {
    *len = JSObjectGetArrayBufferByteLength(ctx, o, exc);
    return JSObjectGetArrayBufferBytesPtr(ctx, o, exc);
  }
  if (t == kJSTypedArrayTypeNone) return NULL;
  *len = JSObjectGetTypedArrayByteLength(ctx, o, exc);
  uint8_t *p = JSObjectGetTypedArrayBytesPtr(ctx, o, exc);
  return p ? p + JSObjectGetTypedArrayByteOffset(ctx, o, exc) : NULL;
}

JSClassRef sp_js_handle_class(const char *name, JSObjectFinalizeCallback finalize) {
  JSClassDefinition d = kJSClassDefinitionEmpty;
  d.className = name;
  d.finalize = finalize;
  return JSClassCreate(&d);
}

void *sp_js_handle(JSContextRef ctx, JSValueRef v, JSClassRef cls) {
  return JSValueIsObjectOfClass(ctx, v, cls) ? JSObjectGetPrivate((JSObjectRef)v) : NULL;
}

void sp_js_list_add(sp_js_list_t *l, JSValueRef v) {
  if (l->oom) return;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    JSValueRef *grown = realloc(l->values, cap * sizeof *grown);
    if (!grown) {
      l->oom = true;
      return;
    }
    l->values = grown;
    l->cap = cap;
  }
  JSValueProtect(l->ctx, v);
  l->values[l->n++] = v;
}

JSObjectRef sp_js_list_array(sp_js_list_t *l, JSValueRef *exc) {
  JSObjectRef arr = NULL;
  if (!l->oom) arr = JSObjectMakeArray(l->ctx, l->n, l->values, exc);
  else if (exc) *exc = sp_js_error(l->ctx, "RangeError", NULL, "out of memory");
  for (size_t i = 0; i < l->n; i++) JSValueUnprotect(l->ctx, l->values[i]);
  free(l->values);
  *l = (sp_js_list_t){.ctx = l->ctx};
  return arr;
}

