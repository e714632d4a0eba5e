#include "mod/modules.h"

#include <string.h>

static const struct {
  const char *name;
  sp_binding_init_fn init;
} bindings[] = {
#define SP_BINDING_ENTRY(name) {#name, sp_mod_##name##_init},
    SP_BINDINGS(SP_BINDING_ENTRY)
#undef SP_BINDING_ENTRY
};

sp_binding_init_fn sp__binding_lookup(const char *name) {
  for (size_t i = 0; i < sizeof bindings / sizeof *bindings; i++)
    if (!strcmp(bindings[i].name, name)) return bindings[i].init;
  return NULL;
}
