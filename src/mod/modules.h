/* The native halves of builtin modules, each reachable from JS as binding(name).
 * One line per binding: the X-macro is the only list. */
#ifndef SP_MODULES_H
#define SP_MODULES_H
#include "jsc/agent.h"
#include "jsc/js.h"

#define SP_BINDINGS(X) \
  X(builtins)          \
  X(process)           \
  X(timers)            \
  X(fs)                \
  X(os)                \
  X(util)              \
  X(encoding)          \
  X(worker)           \
  X(clone)            \
  X(atomics)

#define SP_DECLARE_BINDING(name) void sp_mod_##name##_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent);
SP_BINDINGS(SP_DECLARE_BINDING)
#undef SP_DECLARE_BINDING

#endif
