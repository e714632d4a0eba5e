/* binding('clone'): structuredClone in one VM, markAsUntransferable, and raw
 * access to the wire format for tests (serialize to bytes, deserialize bytes,
 * validate bytes). The algorithm itself lives in src/jsc/clone.c. */
#include <stdlib.h>
#include <string.h>

#include "jsc/clone.h"
#include "mod/modules.h"

/* The value msg holds (msg is freed; NULL: a failed write, *exc is set). */
static JSValueRef value_of(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc) {
  if (!msg) return SP_UNDEF;
  JSValueRef v = sp_clone_deserialize(ctx, msg, exc);
  sp_wire_msg_free(msg);
  return v ? v : SP_UNDEF;
}

/* structuredClone(value, transferArray|undefined): options already validated in JS. */
SP_FN(js_structured_clone) { return value_of(ctx, sp_clone_serialize(ctx, SP_ARG(0), SP_ARG(1), exc), exc); }

/* cloneStaged(): the clone of what the codec's writeDirect(value) just wrote (clone.h). */
SP_FN(js_clone_staged) { return value_of(ctx, sp_clone_take_direct(ctx, exc), exc); }

/* directWriter(): the clone codec's writeDirect for this realm */
SP_FN(js_direct_writer) {
  JSObjectRef f = sp_clone_direct_writer(ctx, exc);
  return f ? f : SP_UNDEF;
}

/* serialize(value): the wire bytes as a Uint8Array (no transfer list; tests). */
SP_FN(js_serialize) {
  sp_wire_msg_t *msg = sp_clone_serialize(ctx, SP_ARG(0), NULL, exc);
  if (!msg) return SP_UNDEF;
  JSObjectRef u8 = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, msg->len, exc);
  if (u8 && msg->len) memcpy(JSObjectGetTypedArrayBytesPtr(ctx, u8, NULL), msg->data, msg->len);
  sp_wire_msg_free(msg);
  return u8 ? u8 : SP_UNDEF;
}

static sp_wire_msg_t *msg_from_bytes(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
  size_t len;
  uint8_t *p = sp_js_bytes(ctx, v, &len, exc);
  if (!p) return NULL;
  uint8_t *copy = malloc(len ? len : 1);
  if (len) memcpy(copy, p, len);
  return sp_wire_msg_new(copy, len, NULL, 0);
}

/* deserialize(bytes): a value from raw wire bytes; throws on malformed input. */
SP_FN(js_deserialize) { return value_of(ctx, msg_from_bytes(ctx, SP_ARG(0), exc), exc); }

/* check(bytes): 0 or the validator's negative error code. */
SP_FN(js_check) {
  sp_wire_msg_t *msg = msg_from_bytes(ctx, SP_ARG(0), exc);
  if (!msg) return SP_UNDEF;
  int err = sp_wire_check(msg->data, msg->len, NULL, 0);
  sp_wire_msg_free(msg);
  return JSValueMakeNumber(ctx, err);
}

SP_FN(js_mark_untransferable) {
  if (JSValueIsObject(ctx, SP_ARG(0))) sp_clone_mark_untransferable(ctx, (JSObjectRef)SP_ARG(0));
  return SP_UNDEF;
}

/* recordWasmModule(module, bytes): see sp_clone_record_wasm_module */
SP_FN(js_record_wasm_module) {
  if (JSValueIsObject(ctx, SP_ARG(0)) && JSValueIsObject(ctx, SP_ARG(1)))
    sp_clone_record_wasm_module(ctx, (JSObjectRef)SP_ARG(0), (JSObjectRef)SP_ARG(1));
  return SP_UNDEF;
}

SP_FN(js_is_untransferable) { return JSValueMakeBoolean(ctx, sp_clone_is_untransferable(ctx, SP_ARG(0))); }

/* liveBlocks(): transferred/copied buffer blocks still alive (leak checks). */
SP_FN(js_live_blocks) { return JSValueMakeNumber(ctx, (double)sp_xbuf_live()); }

void sp_mod_clone_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  (void)agent;
  sp_js_fn(ctx, target, "structuredClone", js_structured_clone);
  sp_js_fn(ctx, target, "cloneStaged", js_clone_staged);
  sp_js_fn(ctx, target, "directWriter", js_direct_writer);
  sp_js_fn(ctx, target, "serialize", js_serialize);
  sp_js_fn(ctx, target, "deserialize", js_deserialize);
  sp_js_fn(ctx, target, "check", js_check);
  sp_js_fn(ctx, target, "markAsUntransferable", js_mark_untransferable);
  sp_js_fn(ctx, target, "isMarkedAsUntransferable", js_is_untransferable);
  sp_js_fn(ctx, target, "recordWasmModule", js_record_wasm_module);
  sp_js_fn(ctx, target, "liveBlocks", js_live_blocks);
}
