/* binding('encoding'): native half of the encoding builtin. */
#include "mod/modules.h"

void sp_mod_encoding_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {}
