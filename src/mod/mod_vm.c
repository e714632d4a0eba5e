/* binding('vm'): contexts for the vm module.
 *
 * A context is a second global object (a realm) in the thread's VM: the same context group,
 * so values pass between the realms as they are. Its global object is made from a class whose
 * callbacks put the sandbox object in front of it, as node's interceptors do: a name the
 * sandbox has (own or inherited) is read from the sandbox, a global assignment writes to the
 * sandbox, a delete of a sandbox name deletes it there, and the sandbox's names are listed
 * as the global's.
 *
 * Declarations. For `var x` and `function f` the engine makes a binding on the global object
 * that it then reads directly, without the callbacks (it still stores through them). So a
 * name stored while the global itself has it as such a binding is stored both in the sandbox
 * and in the binding, and is remembered: before each run the sandbox's values of the
 * remembered names go into the bindings (the program may have changed them), after it the
 * bindings' values come out to the sandbox. An accessor someone defined on the global itself
 * (definitions do not reach the callbacks) stays the global's: a store calls it.
 *
 * Lifetimes, without a GC root: makeContext returns an evaluator function made in the new
 * realm (a function keeps its realm alive; its callback receives that realm's context, in
 * which it evaluates). The global's private data holds the sandbox unprotected; internal
 * code (vm.js) keeps the sandbox alive for exactly as long as the realm, in a WeakMap keyed by
 * the realm's global. The private data is freed with the global. */
#include <stdlib.h>

#include "mod/modules.h"

typedef struct {
  JSObjectRef sandbox;
  /* The global object itself. JSContextGetGlobalObject gives the realm's `globalThis`, a proxy
   * of it, and a store through the proxy does not reach a declared binding. The callbacks are
   * handed the object itself: the first one records it (makeContext makes one). */
  JSObjectRef self;
  JSObjectRef proxy;     /* the realm's globalThis: what the sandbox reads as from inside */
  JSObjectRef describe;  /* Reflect.getOwnPropertyDescriptor, held by vm.js (alive as long) */
  int bypass;           /* >0: the callbacks stand aside, the engine sees the global's own */
  JSStringRef *declared; /* the remembered names (retained) */
  size_t ndeclared, cap;
} vm_context_t;

static JSClassRef context_class;
static uv_once_t context_class_once = UV_ONCE_INIT;

static vm_context_t *context_of(JSObjectRef global) {
  vm_context_t *c = JSObjectGetPrivate(global);
  if (c && !c->self) c->self = global;
  return c;
}

/* Whether the global object itself has the name (a builtin, or a declared binding). */
static bool global_has(JSContextRef ctx, vm_context_t *c, JSStringRef name) {
  c->bypass++;
  bool has = JSObjectHasProperty(ctx, c->self, name);
  c->bypass--;
  return has;
}

/* What the global itself has as its own under a name (the sandbox aside): nothing, an accessor
 * (defined on the global: the C API has no hook that would send a definition to the sandbox),
 * a binding the engine made for a declaration (an enumerable, non-configurable data
 * property), or anything else (a builtin). Callers ask only for names global_has finds. */
enum global_kind { GLOBAL_NONE, GLOBAL_ACCESSOR, GLOBAL_DECLARED, GLOBAL_OTHER };

static enum global_kind global_kind(JSContextRef ctx, vm_context_t *c, JSStringRef name) {
  JSValueRef e = NULL;
  JSValueRef args[2] = {c->self, JSValueMakeString(ctx, name)};
  c->bypass++;
  JSValueRef d = JSObjectCallAsFunction(ctx, c->describe, NULL, 2, args, &e);
  c->bypass--;
  if (e || !d || !JSValueIsObject(ctx, d)) return GLOBAL_NONE; /* inherited: as good as none here */
  JSObjectRef desc = (JSObjectRef)d;
  JSStringRef key = JSStringCreateWithUTF8CString("value");
  bool data = JSObjectHasProperty(ctx, desc, key);
  JSStringRelease(key);
  if (!data) return GLOBAL_ACCESSOR;
  if (JSValueToBoolean(ctx, sp_js_get(ctx, desc, "enumerable")) &&
      !JSValueToBoolean(ctx, sp_js_get(ctx, desc, "configurable")))
    return GLOBAL_DECLARED;
  return GLOBAL_OTHER;
}

static void remember(vm_context_t *c, JSStringRef name) {
  for (size_t i = 0; i < c->ndeclared; i++)
    if (JSStringIsEqual(c->declared[i], name)) return;
  if (c->ndeclared == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 16;
    JSStringRef *grown = realloc(c->declared, cap * sizeof *grown);
    if (!grown) return;
    c->declared = grown;
    c->cap = cap;
  }
  c->declared[c->ndeclared++] = JSStringRetain(name);
}

/* NULL: not the sandbox's, the engine goes on to the global's own properties */
static JSValueRef context_get(JSContextRef ctx, JSObjectRef global, JSStringRef name, JSValueRef *exc) {
  vm_context_t *c = context_of(global);
  if (!c || c->bypass || !JSObjectHasProperty(ctx, c->sandbox, name)) return NULL;
  JSValueRef v = JSObjectGetProperty(ctx, c->sandbox, name, exc);
  /* the sandbox itself (ctx.window = ctx) reads as the global, as in node */
  return v && JSValueIsStrictEqual(ctx, v, c->sandbox) ? c->proxy : v;
}

/* true: stored (in the sandbox only); false: the engine stores it on the global (too). A global
 * assignment goes to the sandbox, as in node; a declared binding is kept in both (and
 * remembered); an accessor defined on the global itself is called and nothing else. */
static bool context_set(JSContextRef ctx, JSObjectRef global, JSStringRef name, JSValueRef value, JSValueRef *exc) {
  vm_context_t *c = context_of(global);
  if (!c || c->bypass) return false;
  enum global_kind kind = global_has(ctx, c, name) ? global_kind(ctx, c, name) : GLOBAL_NONE;
  if (kind == GLOBAL_ACCESSOR && !JSObjectHasProperty(ctx, c->sandbox, name)) return false;
  JSObjectSetProperty(ctx, c->sandbox, name, value, kJSPropertyAttributeNone, exc);
  if (*exc || kind != GLOBAL_DECLARED) return true;
  remember(c, name);
  return false;
}

static bool context_delete(JSContextRef ctx, JSObjectRef global, JSStringRef name, JSValueRef *exc) {
  vm_context_t *c = context_of(global);
  if (!c || c->bypass || !JSObjectHasProperty(ctx, c->sandbox, name)) return false;
  return JSObjectDeleteProperty(ctx, c->sandbox, name, exc);
}

static void context_names(JSContextRef ctx, JSObjectRef global, JSPropertyNameAccumulatorRef names) {
  vm_context_t *c = context_of(global);
  if (!c || c->bypass) return;
  JSPropertyNameArrayRef list = JSObjectCopyPropertyNames(ctx, c->sandbox);
  size_t n = JSPropertyNameArrayGetCount(list);
  for (size_t i = 0; i < n; i++) JSPropertyNameAccumulatorAddName(names, JSPropertyNameArrayGetNameAtIndex(list, i));
  JSPropertyNameArrayRelease(list);
}

static void context_finalize(JSObjectRef global) {
  vm_context_t *c = JSObjectGetPrivate(global);
  if (!c) return;
  for (size_t i = 0; i < c->ndeclared; i++) JSStringRelease(c->declared[i]);
  free(c->declared);
  free(c);
}

static void make_context_class(void) {
  JSClassDefinition def = kJSClassDefinitionEmpty;
  def.className = "global";
  def.getProperty = context_get;
  def.setProperty = context_set;
  def.deleteProperty = context_delete;
  def.getPropertyNames = context_names;
  def.finalize = context_finalize;
  context_class = JSClassCreate(&def);
}

/* The remembered names between the sandbox and the bindings: into the bindings (before a run)
 * or out of them (after it). */
static void sync_declared(JSContextRef ctx, vm_context_t *c, bool to_sandbox, JSValueRef *exc) {
  for (size_t i = 0; i < c->ndeclared && !*exc; i++) {
    JSStringRef name = c->declared[i];
    if (to_sandbox) {
      c->bypass++;
      JSValueRef v = JSObjectGetProperty(ctx, c->self, name, exc);
      c->bypass--;
      if (!*exc) JSObjectSetProperty(ctx, c->sandbox, name, v, kJSPropertyAttributeNone, exc);
    } else if (JSObjectHasProperty(ctx, c->sandbox, name)) {
      JSValueRef v = JSObjectGetProperty(ctx, c->sandbox, name, exc);
      c->bypass++;
      if (!*exc) JSObjectSetProperty(ctx, c->self, name, v, kJSPropertyAttributeNone, exc);
      c->bypass--;
    }
  }
}

/* (source, filename, line) as the engine takes them; false when a conversion threw */
typedef struct {
  JSStringRef src, url;
  int line;
} script_args_t;

static bool script_args(JSContextRef ctx, size_t argc, const JSValueRef argv[], JSValueRef *exc, script_args_t *s) {
  s->src = JSValueToStringCopy(ctx, SP_ARG(0), exc);
  if (!s->src) return false;
  s->url = JSValueToStringCopy(ctx, SP_ARG(1), exc);
  if (!s->url) {
    JSStringRelease(s->src);
    return false;
  }
  int line = (int)sp_js_num(ctx, SP_ARG(2));
  s->line = line > 0 ? line : 1;
  return true;
}

static void script_args_free(script_args_t *s) {
  JSStringRelease(s->src);
  JSStringRelease(s->url);
}

/* evaluate(source, filename, line): runs a script in the realm this function was made in (the
 * engine hands a native function its own realm's context); returns its completion value */
SP_FN(js_evaluate) {
  vm_context_t *c = JSObjectGetPrivate(JSContextGetGlobalObject(ctx));
  if (c) {
    sync_declared(ctx, c, false, exc);
    if (*exc) return SP_UNDEF;
  }
  script_args_t s;
  if (!script_args(ctx, argc, argv, exc, &s)) return SP_UNDEF;
  JSValueRef r = JSEvaluateScript(ctx, s.src, NULL, s.url, s.line, exc);
  script_args_free(&s);
  if (c) { /* also after a throw: what ran before it is kept */
    JSValueRef sync_exc = NULL;
    sync_declared(ctx, c, true, &sync_exc);
    if (r && sync_exc) {
      *exc = sync_exc;
      r = NULL;
    }
  }
  return r ? r : SP_UNDEF;
}

/* makeContext(sandbox, getOwnPropertyDescriptor): [evaluate, globalThis] of a new realm whose
 * global puts sandbox in front */
SP_FN(js_make_context) {
  if (!JSValueIsObject(ctx, SP_ARG(0)) || !JSObjectIsFunction(ctx, (JSObjectRef)SP_ARG(1))) return SP_UNDEF;
  uv_once(&context_class_once, make_context_class);
  vm_context_t *c = calloc(1, sizeof *c);
  if (!c) return SP_UNDEF;
  JSGlobalContextRef realm = JSGlobalContextCreateInGroup(JSContextGetGroup(ctx), context_class);
  JSObjectRef global = JSContextGetGlobalObject(realm);
  c->sandbox = (JSObjectRef)SP_ARG(0);
  c->proxy = global;
  c->describe = (JSObjectRef)SP_ARG(1);
  JSObjectSetPrivate(global, c);
  JSStringRef probe = JSStringCreateWithUTF8CString("globalThis");
  JSObjectHasProperty(realm, global, probe); /* a callback: records c->self */
  JSStringRelease(probe);
  JSValueRef out[2] = {JSObjectMakeFunctionWithCallback(realm, NULL, js_evaluate), global};
  JSObjectRef pair = JSObjectMakeArray(ctx, 2, out, exc);
  /* the evaluator and the global now hold the realm; the API's own hold goes */
  JSGlobalContextRelease(realm);
  return pair ? pair : SP_UNDEF;
}

/* checkSyntax(source, filename, line): undefined, or throws the SyntaxError */
SP_FN(js_check_syntax) {
  script_args_t s;
  if (!script_args(ctx, argc, argv, exc, &s)) return SP_UNDEF;
  JSCheckScriptSyntax(ctx, s.src, s.url, s.line, exc);
  script_args_free(&s);
  return SP_UNDEF;
}

void sp_mod_vm_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  (void)agent;
  sp_js_fn(ctx, target, "makeContext", js_make_context);
  sp_js_fn(ctx, target, "evaluate", js_evaluate);
  sp_js_fn(ctx, target, "checkSyntax", js_check_syntax);
}
