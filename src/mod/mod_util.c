/* binding('util'): what util cannot learn from JS. */
#include <string.h>
#include <uv.h>

#include "mod/modules.h"

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
  sp_js_fn(ctx, target, "errname", js_errname);
}
