/* binding('timers'): the one libuv timer behind the JS timer heap, and the
 * check/idle pair behind setImmediate, as in Node. JS runs one timer (or one
 * immediate) per call so that nextTicks and promise jobs run between them. */
#include "mod/modules.h"

static void timer_cb(uv_timer_t *h) {
  sp_agent_t *a = h->loop->data;
  /* One `now` for the whole pass, as node: a timer created by a callback of
   * this pass (setTimeout refreshes the loop clock) waits for the next loop
   * turn even when the callback ran longer than its delay. */
  double pass_now = (double)uv_now(&a->loop);
  for (;;) {
    JSValueRef now = JSValueMakeNumber(a->ctx, pass_now);
    JSValueRef r = sp__agent_callback(a, a->fn_process_timers, NULL, 1, &now);
    if (a->exiting) return;
    if (!r || JSValueIsBoolean(a->ctx, r)) continue; /* ran one (or it threw): look again */
    double next = JSValueToNumber(a->ctx, r, NULL);
    if (next == 0) return;
    double ms = next > 0 ? next : -next;
    double delay = ms - (double)uv_now(&a->loop);
    uv_timer_start(&a->timer, timer_cb, delay > 1 ? (uint64_t)delay : 1, 0);
    if (next > 0) uv_ref((uv_handle_t *)&a->timer);
    else uv_unref((uv_handle_t *)&a->timer);
    return;
  }
}

static void immediate_check_cb(uv_check_t *h) {
  sp_agent_t *a = h->loop->data;
  if (a->immediate_info[SP_IMM_COUNT] == 0) return;
  sp__inbox_awake(a);
  JSValueRef first = JSValueMakeBoolean(a->ctx, true);
  for (;;) {
    JSValueRef r = sp__agent_callback(a, a->fn_process_immediates, NULL, 1, &first);
    if (a->exiting) return;
    first = JSValueMakeBoolean(a->ctx, false);
    if (r && !JSValueToBoolean(a->ctx, r)) return;
  }
}

static void idle_cb(uv_idle_t *h) { (void)h; /* keeps the loop from blocking while immediates wait */ }

SP_FN(js_schedule_timer) {
  sp_agent_t *a = sp__agent_current();
  double ms = sp_js_num(ctx, SP_ARG(0));
  uv_timer_start(&a->timer, timer_cb, ms > 1 ? (uint64_t)ms : 1, 0);
  return SP_UNDEF;
}

SP_FN(js_toggle_timer_ref) {
  sp_agent_t *a = sp__agent_current();
  if (JSValueToBoolean(ctx, SP_ARG(0))) uv_ref((uv_handle_t *)&a->timer);
  else uv_unref((uv_handle_t *)&a->timer);
  return SP_UNDEF;
}

SP_FN(js_toggle_immediate_ref) {
  sp_agent_t *a = sp__agent_current();
  if (JSValueToBoolean(ctx, SP_ARG(0))) uv_idle_start(&a->immediate_idle, idle_cb);
  else uv_idle_stop(&a->immediate_idle);
  return SP_UNDEF;
}

/* As node: refresh the loop's clock first, so a timer created after a long
 * synchronous stretch (e.g. start-up) counts from now, not from the last poll. */
SP_FN(js_get_libuv_now) {
  uv_loop_t *loop = &sp__agent_current()->loop;
  uv_update_time(loop);
  return JSValueMakeNumber(ctx, (double)uv_now(loop));
}

void sp_mod_timers_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *a) {
  uv_timer_init(&a->loop, &a->timer);
  uv_check_init(&a->loop, &a->immediate_check);
  uv_idle_init(&a->loop, &a->immediate_idle);
  uv_check_start(&a->immediate_check, immediate_check_cb);
  uv_unref((uv_handle_t *)&a->immediate_check);
  sp_js_fn(ctx, target, "scheduleTimer", js_schedule_timer);
  sp_js_fn(ctx, target, "toggleTimerRef", js_toggle_timer_ref);
  sp_js_fn(ctx, target, "toggleImmediateRef", js_toggle_immediate_ref);
  sp_js_fn(ctx, target, "getLibuvNow", js_get_libuv_now);
}
