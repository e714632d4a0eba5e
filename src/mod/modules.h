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
  X(crypto)            \
  X(util)              \
  X(encoding)          \
  X(worker)           \
  X(clone)            \
  X(atomics)          \
  X(stdin)           \
  X(perf)            \
  X(tty)             \
  X(child)           \
  X(zlib)            \
  X(fswatch)           \
  X(vm)

#define SP_DECLARE_BINDING(name) void sp_mod_##name##_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent);
SP_BINDINGS(SP_DECLARE_BINDING)
#undef SP_DECLARE_BINDING

/* mod_process: a copy of the C environment ("K=V" strings, NULL-terminated;
 * free with sp__env_free), and a plain JS object of such a copy. A worker's
 * default process.env is made this way: no JS work in the parent at spawn. */
char **sp__env_snapshot(void);
void sp__env_free(char **env);
JSObjectRef sp__env_object(JSContextRef ctx, char **env);

#endif
