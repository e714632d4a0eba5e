/* binding('util'): what util.inspect and util.types cannot learn from JS.
 *
 * Cell kind. Every JavaScriptCore heap cell starts with the same header:
 * StructureID (4 bytes), indexing type (1), JSType (1), flags (1), GC state (1).
 * The JSType byte names the cell's internal class (date, map, promise, proxy,
 * error, typed array ...) and, unlike Symbol.toStringTag or the prototype, it
 * cannot be spoofed or changed. `kind(v)` returns that byte; JS learns which
 * byte means what by asking about freshly made reference objects
 * (internal/util/types.js), so nothing here hard-codes an engine enum and a
 * layout change shows up as a failed calibration there, not as a wrong answer.
 *
 * Promise state. The C API has no way to read it, but the engine exports
 * JSC::JSPromise::status(VM&) and ::result(VM&); a JSContextGroupRef is the VM.
 * They are only called on values whose kind is the calibrated promise byte. */
#include "jsc/jsc_private.h"
#include "mod/modules.h"

#include <string.h>
#include <uv.h>

/* JSC::JSPromise::status(JSC::VM&) const: 0 pending, 1 fulfilled, 2 rejected. */
unsigned _ZNK3JSC9JSPromise6statusERNS_2VME(const void *promise, void *vm);
/* JSC::JSPromise::result(JSC::VM&) const: the value or reason (an encoded JSValue). */
JSValueRef _ZNK3JSC9JSPromise6resultERNS_2VME(const void *promise, void *vm);

enum { SP_CELL_TYPE_OFFSET = 5 };

/* kind(value): the JSType byte of an object, -1 for primitives. */
SP_FN(js_kind) {
  JSValueRef v = SP_ARG(0);
  if (!JSValueIsObject(ctx, v)) return JSValueMakeNumber(ctx, -1);
  const uint8_t *cell = (const uint8_t *)v;
  return JSValueMakeNumber(ctx, cell[SP_CELL_TYPE_OFFSET]);
}

/* promiseState(promise, promiseKind): [state] or [state, result]; state 0/1/2 as above.
 * The caller passes the calibrated promise byte so the check and the call sit together. */
SP_FN(js_promise_state) {
  JSValueRef v = SP_ARG(0);
  int want = (int)sp_js_num(ctx, SP_ARG(1));
  if (!JSValueIsObject(ctx, v) || want < 0 || ((const uint8_t *)v)[SP_CELL_TYPE_OFFSET] != want)
    return SP_UNDEF;
  void *vm = (void *)JSContextGetGroup(ctx);
  unsigned state = _ZNK3JSC9JSPromise6statusERNS_2VME(v, vm);
  JSValueRef out[2] = {JSValueMakeNumber(ctx, state), NULL};
  size_t n = 1;
  if (state == 1 || state == 2) out[n++] = _ZNK3JSC9JSPromise6resultERNS_2VME(v, vm);
  return JSObjectMakeArray(ctx, n, out, exc);
}

/* proxyTarget(proxy, proxyKind): the target, or null when revoked; undefined if not a proxy.
 * The kind check keeps the global object's own JSProxy wrapper out. */
SP_FN(js_proxy_target) {
  JSValueRef v = SP_ARG(0);
  int want = (int)sp_js_num(ctx, SP_ARG(1));
  if (!JSValueIsObject(ctx, v) || want < 0 || ((const uint8_t *)v)[SP_CELL_TYPE_OFFSET] != want)
    return SP_UNDEF;
  JSObjectRef t = JSObjectGetProxyTarget((JSObjectRef)v);
  return t ? (JSValueRef)t : JSValueMakeNull(ctx);
}

/* errname(err): [name, message] for a negative libuv/errno code (util.getSystemErrorName/Map);
 * undefined when libuv does not know the code. */
SP_FN(js_errname) {
  int err = (int)sp_js_num(ctx, SP_ARG(0));
  char name[64], msg[256];
  uv_err_name_r(err, name, sizeof name);
  if (err >= 0 || !strncmp(name, "Unknown system error", 20)) return SP_UNDEF;
  uv_strerror_r(err, msg, sizeof msg);
  JSValueRef out[2] = {sp_js_str(ctx, name), sp_js_str(ctx, msg)};
  return JSObjectMakeArray(ctx, 2, out, exc);
}

void sp_mod_util_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  (void)agent;
  sp_js_fn(ctx, target, "kind", js_kind);
  sp_js_fn(ctx, target, "promiseState", js_promise_state);
  sp_js_fn(ctx, target, "proxyTarget", js_proxy_target);
  sp_js_fn(ctx, target, "errname", js_errname);
}
