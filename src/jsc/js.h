/* Small helpers for the JavaScriptCore C API, used by the engine glue and the
 * native halves of builtin modules (src/mod).
 *
 * The rule every native follows: the collector sees JS values on the C stack and in
 * registers, never in C heap memory (structs, malloc'd arrays). A value kept there
 * while the engine may allocate or run JS must be protected (JSValueProtect) or held
 * by a JS object that is; and a weak pointer to an object (one the finalizer clears)
 * may point to an object that is dead but not finalized yet (the collector sweeps
 * lazily): never hand it back to JS or protect it without asking a WeakRef first
 * (mod_worker's port_object). Both mistakes crashed in later collections. */
#ifndef SP_JS_H
#define SP_JS_H
#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SP_FN(name)                                                                         \
  static JSValueRef name(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc, \
                         const JSValueRef argv[], JSValueRef *exc)
#define SP_ARG(i) ((i) < argc ? argv[i] : JSValueMakeUndefined(ctx))
#define SP_UNDEF JSValueMakeUndefined(ctx)

JSValueRef sp_js_str(JSContextRef ctx, const char *s);
JSValueRef sp_js_strn(JSContextRef ctx, const char *s, size_t len);
/* UTF-8 copy of a value's string conversion, malloc'd and NUL-terminated; NULL on exception. */
char *sp_js_cstr(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc);
JSValueRef sp_js_get(JSContextRef ctx, JSObjectRef o, const char *name);
void sp_js_set(JSContextRef ctx, JSObjectRef o, const char *name, JSValueRef v);
void sp_js_set_num(JSContextRef ctx, JSObjectRef o, const char *name, double v);
void sp_js_set_str(JSContextRef ctx, JSObjectRef o, const char *name, const char *v);
void sp_js_fn(JSContextRef ctx, JSObjectRef o, const char *name, JSObjectCallAsFunctionCallback cb);
double sp_js_num(JSContextRef ctx, JSValueRef v);
/* Makes `new ctor(message)` for a global constructor name, with an optional Node `code`. */
JSObjectRef sp_js_error(JSContextRef ctx, const char *ctor, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Sets *exc to such an error and returns undefined: `return sp_js_throw(...)`. */
JSValueRef sp_js_throw(JSContextRef ctx, JSValueRef *exc, const char *ctor, const char *code,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Node-style system error: message "ECODE: description, syscall 'path'", with errno/code/syscall/path. */
JSValueRef sp_js_throw_uv(JSContextRef ctx, JSValueRef *exc, int uverr, const char *syscall,
                          const char *path, const char *dest);
/* Typed array / ArrayBuffer view bytes (pins the buffer: never on one you may transfer). */
uint8_t *sp_js_bytes(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc);
/* A class of handle objects: each carries one private pointer, released by `finalize`. */
JSClassRef sp_js_handle_class(const char *name, JSObjectFinalizeCallback finalize);
/* v's private pointer when v is an object of `cls`, else NULL. */
void *sp_js_handle(JSContextRef ctx, JSValueRef v, JSClassRef cls);

/* A JS array of values C makes one at a time (a directory's names, argv ...). The values wait
 * in C memory, where the collector does not see them, so each is protected until the array is
 * made; JSObjectMakeArray then defines the elements as node's arrays are made (setting them one
 * by one would run a setter someone put on Array.prototype). Start with {ctx}; after
 * sp_js_list_array (even when it fails) the list is empty again. */
typedef struct sp_js_list {
  JSContextRef ctx;
  JSValueRef *values;
  size_t n, cap;
  bool oom;
} sp_js_list_t;
void sp_js_list_add(sp_js_list_t *l, JSValueRef v);
/* The array of the values added, or NULL with *exc set (exc may be NULL). */
JSObjectRef sp_js_list_array(sp_js_list_t *l, JSValueRef *exc);

#endif
