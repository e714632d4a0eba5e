/* binding('util'): native half of the util builtin. */
#include "mod/modules.h"

void sp_mod_util_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {}
