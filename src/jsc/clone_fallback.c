/* TEMPORARY stand-in for clone.c (JSON, no transfer) until the real one lands;
 * compiles to nothing once src/jsc/clone.c exists. */
#if !__has_include("jsc/clone.c")
#include <stdlib.h>
#include <string.h>

#include "jsc/clone.h"

struct sp_wire_msg {
  JSStringRef json;
};

void sp_wire_msg_free(sp_wire_msg_t *msg) {
  if (!msg) return;
  if (msg->json) JSStringRelease(msg->json);
  free(msg);
}

sp_wire_msg_t *sp_clone_serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSValueRef *exc) {
  sp_wire_msg_t *m = calloc(1, sizeof *m);
  m->json = JSValueIsUndefined(ctx, value) ? NULL : JSValueCreateJSONString(ctx, value, 0, exc);
  if (*exc) {
    free(m);
    return NULL;
  }
  return m;
}

JSValueRef sp_clone_deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc) {
  if (!msg->json) return JSValueMakeUndefined(ctx);
  return JSValueMakeFromJSONString(ctx, msg->json);
}

void sp_clone_set_port_hooks(const sp_clone_port_hooks_t *hooks) { (void)hooks; }
#endif
