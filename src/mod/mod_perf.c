/* binding('perf'): the clock and loop figures behind perf_hooks. Times are ms
 * since the process's start, which every thread shares (as in node: a worker's
 * performance.now() and timeOrigin are the process's). */
#include <math.h>
#include <stdlib.h>

#include "core/hdr.h"
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

/* ---- histograms (createHistogram, monitorEventLoopDelay) ---------------------------
 * A histogram handle is an object of histogram_class owning an HDR histogram plus
 * node's counters beside it: values it could not record, and the time of the last
 * recordDelta(). JS (perf_hooks) checks arguments; these trust them. */
typedef struct histogram {
  sp_hdr_t hdr;
  int64_t exceeds;
  uint64_t prev_ns; /* recordDelta(): the previous call's uv_hrtime(), 0 before one */
} histogram_t;

static JSClassRef histogram_class;
static uv_once_t histogram_class_once = UV_ONCE_INIT;

static void histogram_finalize(JSObjectRef obj) {
  histogram_t *h = JSObjectGetPrivate(obj);
  if (!h) return;
  sp_hdr_free(&h->hdr);
  free(h);
}

static void histogram_class_init(void) { histogram_class = sp_js_handle_class("Histogram", histogram_finalize); }

static histogram_t *histogram_of(JSContextRef ctx, JSValueRef v) { return sp_js_handle(ctx, v, histogram_class); }

/* a number or BigInt argument as int64 (JS checked its range) */
static int64_t int64_arg(JSContextRef ctx, JSValueRef v) {
  if (JSValueIsBigInt(ctx, v)) return JSValueToInt64(ctx, v, NULL);
  double d = JSValueToNumber(ctx, v, NULL);
  return d >= 9.2233720368547758e18 ? INT64_MAX : (int64_t)d;
}

/* an int64 result as a number, or as a BigInt when asked */
static JSValueRef int64_result(JSContextRef ctx, int64_t v, JSValueRef as_bigint, JSValueRef *exc) {
  if (JSValueToBoolean(ctx, as_bigint)) return JSBigIntCreateWithInt64(ctx, v, exc);
  return JSValueMakeNumber(ctx, (double)v);
}

/* histogram(lowest, highest, figures): a new handle */
SP_FN(js_histogram) {
  uv_once(&histogram_class_once, histogram_class_init);
  histogram_t *h = calloc(1, sizeof *h);
  if (!h) return sp_js_throw(ctx, exc, "RangeError", NULL, "Out of memory");
  int rc = sp_hdr_init(&h->hdr, int64_arg(ctx, SP_ARG(0)), int64_arg(ctx, SP_ARG(1)), (int)sp_js_num(ctx, SP_ARG(2)));
  if (rc) {
    free(h);
    return sp_js_throw(ctx, exc, "RangeError", "ERR_OUT_OF_RANGE", "The histogram's range is out of range");
  }
  return JSObjectMake(ctx, histogram_class, h);
}

/* record(h, value): false (and one more exceeds) when the value is past the range */
SP_FN(js_record) {
  histogram_t *h = histogram_of(ctx, SP_ARG(0));
  if (!h) return SP_UNDEF;
  bool ok = sp_hdr_record(&h->hdr, int64_arg(ctx, SP_ARG(1)), 1);
  if (!ok) h->exceeds++;
  return JSValueMakeBoolean(ctx, ok);
}

/* recordDelta(h): records the ns since the previous call (nothing on the first) */
SP_FN(js_record_delta) {
  histogram_t *h = histogram_of(ctx, SP_ARG(0));
  if (!h) return SP_UNDEF;
  uint64_t now = uv_hrtime();
  if (h->prev_ns && now > h->prev_ns && !sp_hdr_record(&h->hdr, (int64_t)(now - h->prev_ns), 1)) h->exceeds++;
  h->prev_ns = now;
  return SP_UNDEF;
}

/* add(h, other): other's counts into h */
SP_FN(js_add) {
  histogram_t *h = histogram_of(ctx, SP_ARG(0)), *o = histogram_of(ctx, SP_ARG(1));
  if (!h || !o) return SP_UNDEF;
  h->exceeds += o->exceeds;
  if (o->prev_ns > h->prev_ns) h->prev_ns = o->prev_ns;
  return JSValueMakeNumber(ctx, (double)sp_hdr_add(&h->hdr, &o->hdr));
}

SP_FN(js_reset) {
  histogram_t *h = histogram_of(ctx, SP_ARG(0));
  if (!h) return SP_UNDEF;
  sp_hdr_reset(&h->hdr);
  h->exceeds = 0;
  h->prev_ns = 0;
  return SP_UNDEF;
}

/* stat(h, which, asBigInt): 0 count, 1 min, 2 max, 3 exceeds, 4 mean, 5 stddev */
SP_FN(js_stat) {
  histogram_t *h = histogram_of(ctx, SP_ARG(0));
  if (!h) return SP_UNDEF;
  switch ((int)sp_js_num(ctx, SP_ARG(1))) {
  case 0: return int64_result(ctx, h->hdr.total, SP_ARG(2), exc);
  case 1: return int64_result(ctx, sp_hdr_min(&h->hdr), SP_ARG(2), exc);
  case 2: return int64_result(ctx, sp_hdr_max(&h->hdr), SP_ARG(2), exc);
  case 3: return int64_result(ctx, h->exceeds, SP_ARG(2), exc);
  case 4: return JSValueMakeNumber(ctx, h->hdr.total ? sp_hdr_mean(&h->hdr) : NAN);
  case 5: return JSValueMakeNumber(ctx, h->hdr.total ? sp_hdr_stddev(&h->hdr) : NAN);
  }
  return SP_UNDEF;
}

/* percentile(h, p, asBigInt) */
SP_FN(js_percentile) {
  histogram_t *h = histogram_of(ctx, SP_ARG(0));
  if (!h) return SP_UNDEF;
  return int64_result(ctx, sp_hdr_value_at_percentile(&h->hdr, sp_js_num(ctx, SP_ARG(1))), SP_ARG(2), exc);
}

struct ladder_out {
  JSContextRef ctx;
  JSObjectRef set; /* the map's set(), called on it */
  JSObjectRef map;
  bool as_bigint;
  JSValueRef *exc;
};

static void ladder_put(double level, int64_t value, void *arg) {
  struct ladder_out *o = arg;
  if (*o->exc) return;
  JSValueRef args[2] = {JSValueMakeNumber(o->ctx, level),
                        o->as_bigint ? JSBigIntCreateWithInt64(o->ctx, value, o->exc)
                                     : JSValueMakeNumber(o->ctx, (double)value)};
  if (!*o->exc) JSObjectCallAsFunction(o->ctx, o->set, o->map, 2, args, o->exc);
}

/* percentiles(h, map, set, asBigInt): the ladder into map (through set.call(map, ...)) */
SP_FN(js_percentiles) {
  histogram_t *h = histogram_of(ctx, SP_ARG(0));
  if (!h || !JSValueIsObject(ctx, SP_ARG(1)) || !JSValueIsObject(ctx, SP_ARG(2))) return SP_UNDEF;
  struct ladder_out o = {ctx, (JSObjectRef)SP_ARG(2), (JSObjectRef)SP_ARG(1), JSValueToBoolean(ctx, SP_ARG(3)), exc};
  sp_hdr_percentiles(&h->hdr, ladder_put, &o);
  return SP_UNDEF;
}

void sp_mod_perf_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  (void)a;
  sp_js_fn(ctx, t, "now", js_now);
  sp_js_fn(ctx, t, "loopStart", js_loop_start);
  sp_js_fn(ctx, t, "loopIdleTime", js_loop_idle_time);
  sp_js_fn(ctx, t, "milestones", js_milestones);
  sp_js_set_num(ctx, t, "timeOrigin", sp__process_time_origin_ms());
  sp_js_fn(ctx, t, "histogram", js_histogram);
  sp_js_fn(ctx, t, "record", js_record);
  sp_js_fn(ctx, t, "recordDelta", js_record_delta);
  sp_js_fn(ctx, t, "add", js_add);
  sp_js_fn(ctx, t, "reset", js_reset);
  sp_js_fn(ctx, t, "stat", js_stat);
  sp_js_fn(ctx, t, "percentile", js_percentile);
  sp_js_fn(ctx, t, "percentiles", js_percentiles);
}
