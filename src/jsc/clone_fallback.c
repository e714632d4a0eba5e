/* TEMPORARY stand-in for clone.c (JSON, no transfer) until the real one lands;
 * compiles to nothing once src/jsc/clone.c exists. */
#if !__has_include("jsc/clone.c")
#include <stdlib.h>
#include <string.h>

#include "jsc/clone.h"
#include "jsc/js.h"

sp_wire_msg_t *sp_clone_serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSValueRef *exc) {
  if (JSValueIsUndefined(ctx, value)) return sp_wire_msg_new(NULL, 0, NULL, 0);
  JSStringRef json = JSValueCreateJSONString(ctx, value, 0, exc);
  if (!json) return NULL;
  size_t len;
  JSValueRef s = JSValueMakeString(ctx, json);
  JSStringRelease(json);
  char *utf8 = sp_js_cstr(ctx, s, &len, exc);
  return sp_wire_msg_new((uint8_t *)utf8, len, NULL, 0);
}

JSValueRef sp_clone_deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc) {
  if (!msg->data) return JSValueMakeUndefined(ctx);
  JSStringRef s = JSStringCreateWithUTF8CString((char *)msg->data);
  JSValueRef v = JSValueMakeFromJSONString(ctx, s);
  JSStringRelease(s);
  return v;
}

void sp_clone_set_port_hooks(const sp_clone_port_hooks_t *hooks) { (void)hooks; }
#endif
