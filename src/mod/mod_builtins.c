/* binding('builtins'): compiles builtin JS (embedded at build time) and user
 * CommonJS sources. The module wrapper is put on the source's first line so
 * that line numbers in stacks and syntax errors match the file. */
#include <stdlib.h>
#include <string.h>

#include "jsc/intrinsics.h"
#include "mod/modules.h"

/* The wrappers. A user module's wrapper is named so that its frames can be shown
 * as V8's "Object.<anonymous>"; JS subtracts the header length from line-1 columns.
 * A builtin's `process` and the engine's intrinsics it names (Object, Map, Promise, ...:
 * jsc/intrinsics.h; js2c marks which) are parameters, not globals (internal/bootstrap passes
 * the one process object and, through wrapperArgs, the realm's as they were before any
 * program ran), so a program that deletes or replaces those globals leaves the runtime working.
 * Only the named ones: each parameter costs every realm memory (all of them in every
 * wrapper: ~0.1 MB more per idle worker). A builtin's header is padded to one length, the
 * longest's (builtin_head_max), so that columns on its first line stay one subtraction. */
static const char builtin_head[] = "(function (exports, require, module, binding, process";
static const char builtin_head_max[] = "(function (exports, require, module, binding, process" SP_INTRINSIC_PARAMS ") {";
static const char *const intrinsic_params[] = {
#define SP__INTRINSIC_PARAM_ITEM(name) ", " #name,
    SP_INTRINSICS(SP__INTRINSIC_PARAM_ITEM)
#undef SP__INTRINSIC_PARAM_ITEM
};
static const char user_head[] = "(function __spindle_cjs__(exports, require, module, __filename, __dirname) {";

static JSValueRef compile_wrapped(JSContextRef ctx, const char *head, const char *src, size_t len,
                                  const char *url, JSValueRef *exc) {
  size_t hl = strlen(head);
  char *buf = malloc(hl + len + 8);
  memcpy(buf, head, hl);
  memcpy(buf + hl, src, len);
  /* a shebang line stays a comment */
  if (len >= 2 && src[0] == '#' && src[1] == '!') buf[hl] = buf[hl + 1] = '/';
  memcpy(buf + hl + len, "\n})", 4);
  JSStringRef s = JSStringCreateWithUTF8CString(buf);
  JSStringRef u = JSStringCreateWithUTF8CString(url);
  free(buf);
  JSValueRef r = JSEvaluateScript(ctx, s, NULL, u, 1, exc);
  JSStringRelease(s);
  JSStringRelease(u);
  return r ? r : JSValueMakeUndefined(ctx);
}

/* A builtin's wrapped source and its URL as JSStringRefs, made once per process
 * and shared by every thread's VM (JSStringRefs are immutable and VM-independent).
 * Making one from UTF-8 converts the whole text to UTF-16 first, even when it
 * is ASCII: ~3 M instructions per new thread for the modules a worker loads. */
struct builtin_strings {
  JSStringRef src, url;
};
static struct builtin_strings *builtin_cache;
static uv_mutex_t builtin_cache_lock;
static uv_once_t builtin_cache_once = UV_ONCE_INIT;

static void builtin_cache_init(void) {
  size_t n = 0;
  while (sp__builtin_srcs[n].id) n++;
  builtin_cache = calloc(n, sizeof *builtin_cache);
  uv_mutex_init(&builtin_cache_lock);
}

static struct builtin_strings builtin_strings(const struct sp__builtin_src *b) {
  uv_once(&builtin_cache_once, builtin_cache_init);
  struct builtin_strings *c = &builtin_cache[b - sp__builtin_srcs];
  uv_mutex_lock(&builtin_cache_lock);
  if (!c->src) {
    size_t hl = sizeof builtin_head_max - 1;
    char *buf = malloc(hl + b->len + 4);
    size_t at = sizeof builtin_head - 1;
    memcpy(buf, builtin_head, at);
    for (int i = 0; i < SP_INTRINSIC_COUNT; i++) {
      if (!(b->intrinsics & (UINT64_C(1) << i))) continue;
      memcpy(buf + at, intrinsic_params[i], strlen(intrinsic_params[i]));
      at += strlen(intrinsic_params[i]);
    }
    memcpy(buf + at, ") {", 3);
    memset(buf + at + 3, ' ', hl - at - 3);
    memcpy(buf + hl, b->src, b->len);
    memcpy(buf + hl + b->len, "\n})", 4);
    c->src = JSStringCreateWithUTF8CString(buf);
    free(buf);
    char url[256];
    snprintf(url, sizeof url, "node:%s", b->id);
    c->url = JSStringCreateWithUTF8CString(url);
  }
  struct builtin_strings r = *c;
  uv_mutex_unlock(&builtin_cache_lock);
  return r;
}

/* compile(id): the wrapper function of a builtin module, or undefined */
SP_FN(js_compile) {
  char *id = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!id) return SP_UNDEF;
  const struct sp__builtin_src *b = sp__builtin_find(id);
  free(id);
  if (!b) return SP_UNDEF;
  struct builtin_strings s = builtin_strings(b);
  JSValueRef r = JSEvaluateScript(ctx, s.src, NULL, s.url, 1, exc);
  return r ? r : JSValueMakeUndefined(ctx);
}

/* wrapperArgs(id, exports, require, module, binding, process): the arguments of builtin
 * `id`'s wrapper: those five, then the intrinsics it names, in order */
SP_FN(js_wrapper_args) {
  char *id = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!id) return SP_UNDEF;
  const struct sp__builtin_src *b = sp__builtin_find(id);
  free(id);
  sp_agent_t *a = sp__agent_current();
  JSValueRef args[5 + SP_INTRINSIC_COUNT];
  for (size_t i = 0; i < 5; i++) args[i] = SP_ARG(i + 1);
  size_t n = b && a ? sp_intrinsics_select(ctx, a->intrinsics, b->intrinsics, args + 5) : 0;
  return JSObjectMakeArray(ctx, 5 + n, args, exc);
}

/* compileFunction(source, filename): a user module's wrapper function */
SP_FN(js_compile_function) {
  size_t len;
  char *src = sp_js_cstr(ctx, SP_ARG(0), &len, exc);
  if (!src) return SP_UNDEF;
  char *url = sp_js_cstr(ctx, SP_ARG(1), NULL, exc);
  JSValueRef r = SP_UNDEF;
  if (url)
    r = compile_wrapped(ctx, user_head, src, len, url, exc);
  free(src);
  free(url);
  return r;
}

/* runScript(source, filename): evaluates a classic script, returns its completion value */
SP_FN(js_run_script) {
  JSStringRef s = JSValueToStringCopy(ctx, SP_ARG(0), exc);
  if (!s) return SP_UNDEF;
  JSStringRef u = JSValueToStringCopy(ctx, SP_ARG(1), exc);
  JSValueRef r = u ? JSEvaluateScript(ctx, s, NULL, u, 1, exc) : NULL;
  JSStringRelease(s);
  if (u) JSStringRelease(u);
  return r ? r : SP_UNDEF;
}

/* ids(): every builtin module id, for require('module').builtinModules */
SP_FN(js_ids) {
  sp_js_list_t ids = {ctx};
  for (size_t i = 0; sp__builtin_srcs[i].id; i++) sp_js_list_add(&ids, sp_js_str(ctx, sp__builtin_srcs[i].id));
  JSObjectRef arr = sp_js_list_array(&ids, exc);
  return arr ? arr : SP_UNDEF;
}

void sp_mod_builtins_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  sp_js_fn(ctx, target, "compile", js_compile);
  sp_js_fn(ctx, target, "compileFunction", js_compile_function);
  sp_js_fn(ctx, target, "runScript", js_run_script);
  sp_js_fn(ctx, target, "ids", js_ids);
  sp_js_fn(ctx, target, "wrapperArgs", js_wrapper_args);
  sp_js_set_num(ctx, target, "builtinHeaderLength", (double)(sizeof builtin_head_max - 1));
  sp_js_set_num(ctx, target, "userHeaderLength", (double)(sizeof user_head - 1));
}
