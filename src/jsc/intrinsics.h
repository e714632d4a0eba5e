/* The engine's intrinsics that the runtime's own JavaScript uses, taken from a realm's
 * global before any program runs there (node's builtins have the same in their
 * primordials). The builtin modules (mod_builtins' wrapper: those each names) and the clone
 * codec (all) get them as parameters, so a program that replaces or deletes a global
 * (global.Promise = Bluebird, a fake Date, a sandbox's wipe of the globals) leaves the
 * runtime working, and the promises, maps and dates it hands out stay the engine's.
 * Not here, so read as globals: Error (while a program's Error.prepareStackTrace is set,
 * internal/error_stack puts a proxy of it in the global, which the builtins' errors must go
 * through, as V8 applies that hook to every error), FinalizationRegistry and WebAssembly
 * (bootstrap wraps them to see their first use), globalThis, and the globals spindle makes
 * itself. */
#ifndef SP_INTRINSICS_H
#define SP_INTRINSICS_H
#include <JavaScriptCore/JavaScript.h>
#include <stdint.h>

#include "jsc/intrinsic_names.h"

/* ", Object, Function, ...": the names as a wrapper's further parameters */
#define SP_INTRINSIC_PARAM(name) ", " #name
#define SP_INTRINSIC_PARAMS SP_INTRINSICS(SP_INTRINSIC_PARAM)
#define SP_INTRINSICS_ALL ((UINT64_C(1) << SP_INTRINSIC_COUNT) - 1)

/* The global's intrinsics as they are now, in SP_INTRINSICS order, as an array (a missing
 * one is undefined). The agent takes them once per realm, before bootstrap. */
JSObjectRef sp_intrinsics_capture(JSContextRef ctx);
/* Fills out[] with the ones whose bit is set in mask (bit i: the i-th of SP_INTRINSICS, as
 * js2c marks what a builtin uses; SP_INTRINSICS_ALL: every one); returns how many. */
size_t sp_intrinsics_select(JSContextRef ctx, JSObjectRef captured, uint64_t mask, JSValueRef *out);

#endif
