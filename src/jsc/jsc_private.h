/* Private JavaScriptCore functions that the shared library exports but no
 * public header declares. Each is here for one reason, said beside it; see
 * ../shared/ENGINE.md for the measurements behind them. */
#ifndef SP_JSC_PRIVATE_H
#define SP_JSC_PRIVATE_H
#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

/* terminate(): the watchdog callback returns true to stop running JS. */
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);
JS_EXPORT void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                                   JSShouldTerminateCallback cb, void *context);
JS_EXPORT void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);
/* a synchronous full GC, for leak checks and teardown (JSGarbageCollect only schedules one). */
JS_EXPORT void JSSynchronousGarbageCollectForDebugging(JSContextRef ctx);
/* heap sizes for process.memoryUsage(). */
JS_EXPORT JSObjectRef JSGetMemoryUsageStatistics(JSContextRef ctx);
/* Holding the lock defers the microtask drain to the outermost JSUnlock. */
JS_EXPORT void JSLock(JSContextRef ctx);
JS_EXPORT void JSUnlock(JSContextRef ctx);
/* unhandled promise rejections, reported during the microtask drain. */
JS_EXPORT void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx, JSObjectRef function,
                                                            JSValueRef *exception);
/* From the GLib flavour of the API (jsc/jsc-options.h): engine options before the first VM. */
int jsc_options_set_boolean(const char *option, int value);
int jsc_options_set_int(const char *option, int value);
/* WTF::RunLoop::initializeMain(): without it the GC timer can crash once GLib is iterated. */
void _ZN3WTF7RunLoop14initializeMainEv(void);
#define sp__wtf_runloop_initialize_main _ZN3WTF7RunLoop14initializeMainEv

#endif
