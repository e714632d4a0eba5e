/* binding('os'): native half of the os builtin. */
#include "mod/modules.h"

void sp_mod_os_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {}
