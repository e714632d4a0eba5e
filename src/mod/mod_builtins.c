/* binding('builtins'): compiles builtin JS (embedded at build time) and user
 * CommonJS sources. The module wrapper is put on the source's first line so
 * that line numbers in stacks and syntax errors match the file. */
#include <stdlib.h>
#include <string.h>

#include "jsc/intrinsics.h"
#include "mod/modules.h"

/* The wrappers. A user module's wrapper is named so that its frames can be shown
 * as V8's "Object.<anonymous>"; JS subtracts the header length from line-1 columns.
 * A builtin's `process` and the engine's intrinsics (Object, Map, Promise, ...:
 * jsc/intrinsics.h) are parameters (internal/bootstrap passes the one process object and
 * the realm's intrinsics as they were before any program ran), not globals: a program that
 * deletes or replaces those globals leaves the runtime working. */
static const char builtin_head[] = "(function (exports, require, module, binding, process" SP_INTRINSIC_PARAMS ") {";
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
    size_t hl = strlen(builtin_head);
    char *buf = malloc(hl + b->len + 4);
    memcpy(buf, builtin_head, hl);
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
  sp_js_set_num(ctx, target, "builtinHeaderLength", (double)(sizeof builtin_head - 1));
  sp_js_set_num(ctx, target, "userHeaderLength", (double)(sizeof user_head - 1));
  sp_js_set(ctx, target, "intrinsics", agent->intrinsics);
}
