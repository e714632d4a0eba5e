/* binding('worker'): native half of the worker builtin. */
#include "mod/modules.h"

void sp_mod_worker_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {}
