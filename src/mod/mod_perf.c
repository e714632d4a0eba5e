/* binding('perf'): the clock and loop figures behind perf_hooks. Times are ms
 * since the process's start, which every thread shares (as in node: a worker's
 * performance.now() and timeOrigin are the process's). */
#include "mod/modules.h"

static double ms_since_start(uint64_t t) { return t ? (double)(t - sp__process_start_ns()) / 1e6 : -1; }

/* now(): ms since the process's start (performance.now()) */
SP_FN(js_now) { return JSValueMakeNumber(ctx, (double)(uv_hrtime() - sp__process_start_ns()) / 1e6); }

/* loopStart(): when this thread's loop began serving its script, or -1 */
SP_FN(js_loop_start) { return JSValueMakeNumber(ctx, sp__agent_loop_start_ms(sp__agent_current())); }

/* loopIdleTime(): ms this thread's loop has been idle since it started */
SP_FN(js_loop_idle_time) { return JSValueMakeNumber(ctx, sp__agent_loop_idle_ms(sp__agent_current())); }

/* milestones(): [environment, bootstrapComplete] of this thread's realm */
SP_FN(js_milestones) {
  sp_agent_t *a = sp__agent_current();
  JSValueRef v[2] = {JSValueMakeNumber(ctx, ms_since_start(a->boot_start_ns)),
                     JSValueMakeNumber(ctx, ms_since_start(a->boot_done_ns))};
  return JSObjectMakeArray(ctx, 2, v, exc);
}

void sp_mod_perf_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  (void)a;
  sp_js_fn(ctx, t, "now", js_now);
  sp_js_fn(ctx, t, "loopStart", js_loop_start);
  sp_js_fn(ctx, t, "loopIdleTime", js_loop_idle_time);
  sp_js_fn(ctx, t, "milestones", js_milestones);
  sp_js_set_num(ctx, t, "timeOrigin", sp__process_time_origin_ms());
}
