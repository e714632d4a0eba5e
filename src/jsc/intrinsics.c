#include "jsc/intrinsics.h"

#include <uv.h>

static JSStringRef intrinsic_names[SP_INTRINSIC_COUNT]; /* VM-independent, made once */
static uv_once_t intrinsic_names_once = UV_ONCE_INIT;

static void intrinsic_names_init(void) {
  static const char *const names[] = {
#define SP__INTRINSIC_NAME(name) #name,
      SP_INTRINSICS(SP__INTRINSIC_NAME)
#undef SP__INTRINSIC_NAME
  };
  for (int i = 0; i < SP_INTRINSIC_COUNT; i++) intrinsic_names[i] = JSStringCreateWithUTF8CString(names[i]);
}

JSObjectRef sp_intrinsics_capture(JSContextRef ctx) {
  uv_once(&intrinsic_names_once, intrinsic_names_init);
  JSObjectRef global = JSContextGetGlobalObject(ctx);
  JSValueRef values[SP_INTRINSIC_COUNT];
  for (int i = 0; i < SP_INTRINSIC_COUNT; i++) values[i] = JSObjectGetProperty(ctx, global, intrinsic_names[i], NULL);
  return JSObjectMakeArray(ctx, SP_INTRINSIC_COUNT, values, NULL);
}

size_t sp_intrinsics_select(JSContextRef ctx, JSObjectRef captured, uint64_t mask, JSValueRef *out) {
  size_t n = 0;
  for (int i = 0; i < SP_INTRINSIC_COUNT; i++)
    if (mask & (UINT64_C(1) << i)) out[n++] = JSObjectGetPropertyAtIndex(ctx, captured, (unsigned)i, NULL);
  return n;
}
