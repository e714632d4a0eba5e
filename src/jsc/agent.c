/* The per-thread agent (see agent.h): creates the loop and the VM, drives GLib
 * from libuv, runs the JS bootstrap and every macrotask in Node's tick order.
 *
 * Tick order: JSC drains promise jobs when the outermost API call returns, or
 * at the outermost JSUnlock. A macrotask therefore runs under JSLock: the
 * callback, then the nextTick queue, and only the JSUnlock drains promise
 * jobs. If those queued more ticks (or left unhandled rejections), repeat. */
#include "jsc/agent.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "jsc/clone.h"
#include "jsc/js.h"
#include "jsc/intrinsics.h"
#include "jsc/jsc_private.h"
#include "jsc/watchdog_clock.h"

static __thread sp_agent_t *current_agent;

static uv_once_t process_clock_once = UV_ONCE_INIT;
static uint64_t process_start_ns;
static double process_time_origin_ms;
static void process_clock_init(void) {
  uv_timeval64_t tv;
  process_start_ns = uv_hrtime();
  uv_gettimeofday(&tv);
  process_time_origin_ms = (double)tv.tv_sec * 1e3 + (double)tv.tv_usec / 1e3;
}
uint64_t sp__process_start_ns(void) {
  uv_once(&process_clock_once, process_clock_init);
  return process_start_ns;
}
double sp__process_time_origin_ms(void) {
  uv_once(&process_clock_once, process_clock_init);
  return process_time_origin_ms;
}

void sp__agent_mark_loop_start(sp_agent_t *a) {
  if (atomic_load(&a->loop_start_ns)) return;
  a->idle_base_ns = uv_metrics_idle_time(&a->loop) + sp__inbox_spin_idle_ns(a);
  atomic_store(&a->loop_start_ns, uv_hrtime());
}

double sp__agent_loop_start_ms(sp_agent_t *a) {
  uint64_t t = atomic_load(&a->loop_start_ns);
  return t ? (double)(t - sp__process_start_ns()) / 1e6 : -1;
}

double sp__agent_loop_idle_ms(sp_agent_t *a) {
  if (!atomic_load(&a->loop_start_ns)) return 0; /* idle_base_ns is written before loop_start_ns */
  uint64_t idle = uv_metrics_idle_time(&a->loop) + sp__inbox_spin_idle_ns(a);
  return idle > a->idle_base_ns ? (double)(idle - a->idle_base_ns) / 1e6 : 0;
}

sp_agent_t *sp__agent_current(void) { return current_agent; }
const char *sp_version(void) { return SP_VERSION; }

/* ---- stdio: one lock for the whole process, so lines from threads never mix */
static uv_mutex_t write_lock;
static uv_once_t write_once = UV_ONCE_INIT;
static void write_lock_init(void) { uv_mutex_init(&write_lock); }

void sp__write_fd(int fd, const char *buf, size_t len) {
  uv_once(&write_once, write_lock_init);
  uv_mutex_lock(&write_lock);
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) { /* a non-blocking fd inherited from the parent: wait */
        usleep(1000);
        continue;
      }
      break; /* EPIPE etc: drop, as node does for a closed stdout */
    }
    buf += n;
    len -= (size_t)n;
  }
  uv_mutex_unlock(&write_lock);
}

/* ---- GLib main context driven by the libuv loop (ENGINE.md: prepare/poll/check) */
static void glib_poll_cb(uv_poll_t *h, int status, int events) {
  sp_agent_t *a = h->data;
  for (int i = 0; i < SP_GLIB_MAX_FDS; i++)
    if (&a->glib_poll[i] == h)
      a->glib_poll_events[i] |= (events & UV_READABLE ? G_IO_IN : 0) | (events & UV_WRITABLE ? G_IO_OUT : 0);
}

static void glib_timer_cb(uv_timer_t *h) { (void)h; /* wakes the loop; check dispatches */ }

static void glib_prepare_cb(uv_prepare_t *h) {
  sp_agent_t *a = h->data;
  gint timeout = -1;
  g_main_context_prepare(a->gmain, &a->glib_max_prio);
  int n = g_main_context_query(a->gmain, a->glib_max_prio, &timeout, a->glib_fds, SP_GLIB_MAX_FDS);
  if (n > SP_GLIB_MAX_FDS) n = SP_GLIB_MAX_FDS;
  a->glib_nfds = n;
  for (int i = 0; i < n; i++) {
    int fd = a->glib_fds[i].fd;
    if (a->glib_poll_fd[i] == fd) continue;
    if (a->glib_poll_fd[i] >= 0) continue; /* fd set changed: rare, fall back to the timer */
    if (uv_poll_init(&a->loop, &a->glib_poll[i], fd) == 0) {
      a->glib_poll[i].data = a;
      a->glib_poll_fd[i] = fd;
      uv_poll_start(&a->glib_poll[i], UV_READABLE, glib_poll_cb);
      uv_unref((uv_handle_t *)&a->glib_poll[i]);
    }
  }
  if (timeout >= 0) {
    uv_timer_start(&a->glib_timer, glib_timer_cb, (uint64_t)timeout, 0);
  } else {
    uv_timer_stop(&a->glib_timer);
  }
}

static void glib_check_cb(uv_check_t *h) {
  sp_agent_t *a = h->data;
  sp__inbox_awake(a);
  for (int i = 0; i < a->glib_nfds; i++) {
    a->glib_fds[i].revents = a->glib_poll_fd[i] == a->glib_fds[i].fd ? a->glib_poll_events[i] : 0;
    a->glib_poll_events[i] = 0;
  }
  if (g_main_context_check(a->gmain, a->glib_max_prio, a->glib_fds, a->glib_nfds))
    g_main_context_dispatch(a->gmain);
}

static void glib_start(sp_agent_t *a) {
  for (int i = 0; i < SP_GLIB_MAX_FDS; i++) a->glib_poll_fd[i] = -1;
  uv_prepare_init(&a->loop, &a->glib_prepare);
  uv_check_init(&a->loop, &a->glib_check);
  uv_timer_init(&a->loop, &a->glib_timer);
  a->glib_prepare.data = a->glib_check.data = a->glib_timer.data = a;
  uv_prepare_start(&a->glib_prepare, glib_prepare_cb);
  uv_check_start(&a->glib_check, glib_check_cb);
  uv_unref((uv_handle_t *)&a->glib_prepare);
  uv_unref((uv_handle_t *)&a->glib_check);
  uv_unref((uv_handle_t *)&a->glib_timer);
}

const struct sp_heap_stats *sp__agent_heap_stats(sp_agent_t *a, JSContextRef ctx, size_t rss) {
  struct sp_heap_stats *h = &a->heap_stats;
  uint64_t start = uv_hrtime();
  if (h->at_ns) {
    bool moved = (rss > h->rss ? rss - h->rss : h->rss - rss) >= SP_HEAP_STATS_RSS_MOVE;
    if (start - h->at_ns < h->cost_ns * (moved ? SP_HEAP_STATS_SPACING_MOVED : SP_HEAP_STATS_SPACING)) return h;
  }
  JSObjectRef st = JSGetMemoryUsageStatistics(ctx);
  if (st) {
    h->size = sp_js_num(ctx, sp_js_get(ctx, st, "heapSize"));
    h->capacity = sp_js_num(ctx, sp_js_get(ctx, st, "heapCapacity"));
    h->extra = sp_js_num(ctx, sp_js_get(ctx, st, "extraMemorySize"));
  }
  h->at_ns = uv_hrtime();
  h->cost_ns = h->at_ns - start;
  h->rss = rss;
  return h;
}

/* ---- termination */
/* JavaScriptCore has no per-VM heap limit, so resourceLimits are enforced by
 * sampling the heap when the watchdog looks (every 50 ms of running JS), as
 * often as sp__agent_heap_stats reads it. */
static bool over_heap_limit(JSContextRef ctx, sp_agent_t *a) {
  if (!a->heap_limit) return false;
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  return sp__agent_heap_stats(a, ctx, rss)->size > (double)a->heap_limit;
}

static bool should_terminate(JSContextRef ctx, void *data) {
  sp_agent_t *a = data;
  sp__watchdog_clock_looked();
  if (atomic_load(&a->terminate)) {
    a->engine_terminated = true;
    return true;
  }
  if (over_heap_limit(ctx, a)) {
    a->out_of_memory = true;
    a->engine_terminated = true;
    atomic_store(&a->terminate, true);
    return true;
  }
  /* Not for us: re-arm, or the engine never asks again (ENGINE.md). */
  JSContextGroupSetExecutionTimeLimit(a->group, a->timeout_period, should_terminate, a);
  return false;
}

static JSClassRef termination_class;

JSValueRef sp__termination_exception(JSContextRef ctx) {
  return JSObjectMake(ctx, termination_class, NULL);
}

bool sp__is_termination(JSContextRef ctx, JSValueRef v) {
  if (JSValueIsObjectOfClass(ctx, v, termination_class)) return true;
  if (JSValueIsString(ctx, v)) { /* the watchdog's own exception is a plain string */
    JSStringRef s = JSValueToStringCopy(ctx, v, NULL);
    bool t = s && JSStringIsEqualToUTF8CString(s, "JavaScript execution terminated.");
    if (s) JSStringRelease(s);
    return t;
  }
  return false;
}

void sp__agent_begin_exit(sp_agent_t *a, int code) {
  if (!a->exiting) a->exit_code = code;
  a->exiting = true;
  atomic_store(&a->terminate, true);
  /* Unwind whatever JS is still on the stack as soon as it runs again. */
  JSContextGroupSetExecutionTimeLimit(a->group, 0, should_terminate, a);
  uv_stop(&a->loop);
}

/* ---- exceptions that reach the top */
void sp__print_exception_raw(JSContextRef ctx, JSValueRef exc) {
  char *msg = sp_js_cstr(ctx, exc, NULL, NULL);
  char *stack = NULL;
  if (JSValueIsObject(ctx, exc)) {
    JSValueRef s = sp_js_get(ctx, (JSObjectRef)exc, "stack");
    if (JSValueIsString(ctx, s)) stack = sp_js_cstr(ctx, s, NULL, NULL);
  }
  char buf[8192];
  int n = snprintf(buf, sizeof buf, "Uncaught %s\n%s%s", msg ? msg : "exception", stack ? stack : "",
                   stack ? "\n" : "");
  sp__write_fd(2, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
  free(msg);
  free(stack);
}

void sp__agent_uncaught(sp_agent_t *a, JSValueRef exc) {
  if (!a->exiting && atomic_load(&a->terminate)) sp__agent_begin_exit(a, 1); /* terminate() won */
  if (a->exiting || sp__is_termination(a->ctx, exc)) return;
  JSValueRef exc2 = NULL;
  if (a->fn_uncaught) JSObjectCallAsFunction(a->ctx, a->fn_uncaught, NULL, 1, &exc, &exc2);
  if (!a->fn_uncaught || (exc2 && !a->exiting && !sp__is_termination(a->ctx, exc2))) {
    /* the JS handler itself failed: Node exits with 7 */
    sp__print_exception_raw(a->ctx, exc2 ? exc2 : exc);
    sp__agent_begin_exit(a, a->fn_uncaught ? 7 : 1);
  }
}

static void run_ticks_locked(sp_agent_t *a) {
  while (!a->exiting && (a->tick_info[SP_TICK_PENDING] || a->tick_info[SP_REJECTION_PENDING])) {
    JSValueRef exc = NULL;
    JSObjectCallAsFunction(a->ctx, a->fn_process_ticks, NULL, 0, NULL, &exc);
    if (exc) sp__agent_uncaught(a, exc);
    else break; /* processTicks ran the whole queue; promise jobs come next */
  }
}

/* The watchdog samples a heap limit after 50 ms of running JS, which a worker that runs
 * only short callbacks (a timer, a message at a time) never reaches: its callbacks look
 * too, at most once per SP_HEAP_LIMIT_LOOK_MS of loop time. */
#define SP_HEAP_LIMIT_LOOK_MS 10
static bool heap_limit_look_due(sp_agent_t *a) {
  if (!a->heap_limit) return false;
  uint64_t now = uv_now(&a->loop);
  if (a->heap_looked_at && now - a->heap_looked_at < SP_HEAP_LIMIT_LOOK_MS) return false;
  a->heap_looked_at = now;
  return true;
}

bool sp__agent_heap_limit_reached(sp_agent_t *a) {
  if (!a->heap_limit) return false;
  JSLock(a->ctx);
  bool over = over_heap_limit(a->ctx, a);
  JSUnlock(a->ctx);
  if (over) a->out_of_memory = true;
  return over;
}

bool sp__agent_enter(sp_agent_t *a) {
  if (!a->exiting && atomic_load(&a->terminate)) sp__agent_begin_exit(a, 1);
  if (!a->exiting && heap_limit_look_due(a) && sp__agent_heap_limit_reached(a)) sp__agent_begin_exit(a, 1);
  if (a->exiting) return false;
  JSLock(a->ctx);
  return true;
}

JSValueRef sp__agent_call(sp_agent_t *a, JSObjectRef fn, JSObjectRef self, size_t argc, const JSValueRef argv[]) {
  if (a->exiting) return NULL;
  JSValueRef exc = NULL;
  JSValueRef r = JSObjectCallAsFunction(a->ctx, fn, self, argc, argv, &exc);
  if (exc) {
    sp__agent_uncaught(a, exc);
    r = NULL;
  }
  return r;
}

void sp__agent_leave(sp_agent_t *a) {
  run_ticks_locked(a);
  JSUnlock(a->ctx); /* outermost unlock: promise jobs run now */
  while (!a->exiting && (a->tick_info[SP_TICK_PENDING] || a->tick_info[SP_REJECTION_PENDING])) {
    JSLock(a->ctx);
    run_ticks_locked(a);
    JSUnlock(a->ctx);
  }
  /* The watchdog stopped a promise job (terminate(), or the heap limit found at its look):
   * the engine drops the termination in its job queue, so nothing else would end the loop,
   * which would sleep with the thread marked as terminating. */
  if (!a->exiting && atomic_load(&a->terminate)) sp__agent_begin_exit(a, 1);
}

JSValueRef sp__agent_callback(sp_agent_t *a, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[]) {
  if (!sp__agent_enter(a)) return NULL;
  JSValueRef r = sp__agent_call(a, fn, self, argc, argv);
  sp__agent_leave(a);
  return r;
}

/* ---- bindings and builtins */
const struct sp__builtin_src *sp__builtin_find(const char *id) {
  for (const struct sp__builtin_src *b = sp__builtin_srcs; b->id; b++)
    if (!strcmp(b->id, id)) return b;
  return NULL;
}

JSValueRef sp__agent_binding(sp_agent_t *a, const char *name, JSValueRef *exc) {
  JSValueRef cached = sp_js_get(a->ctx, a->bindings, name);
  if (JSValueIsObject(a->ctx, cached)) return cached;
  sp_binding_init_fn init = sp__binding_lookup(name);
  if (!init) return sp_js_throw(a->ctx, exc, "Error", "ERR_INVALID_ARG_VALUE", "No such binding: %s", name);
  JSObjectRef o = JSObjectMake(a->ctx, NULL, NULL);
  sp_js_set(a->ctx, a->bindings, name, o);
  init(a->ctx, o, a);
  return o;
}

SP_FN(js_binding) {
  char *name = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!name) return SP_UNDEF;
  JSValueRef r = sp__agent_binding(current_agent, name, exc);
  free(name);
  return r;
}

static sp_agent_t *main_agent;

int sp_runtime_init(int argc, char **argv) {
  (void)argc;
  (void)argv;
  /* V8 has no proper tail calls; with them JSC drops caller frames that node
   * programs (assert's messages, stack parsers) expect to see. */
  jsc_options_set_boolean("useTailCalls", FALSE);
  /* A worker's watchdog (terminate(), heap limits) looks every 50 ms of running
   * JS. With the engine's default signal-based traps each look makes the running
   * optimized code be thrown away and compiled again: two busy workers scaled
   * 1.61-1.72x (cpu_scaling), 1.82-1.86x without a watchdog. Polling traps (a
   * flag checked at loop heads) make the looks cheap: 1.78-1.83x, at some cost
   * to the tightest loops (up to ~30 % on an empty integer loop). */
  if (!getenv("JSC_usePollingTraps")) jsc_options_set_boolean("usePollingTraps", TRUE);
  /* The top tier (FTL) compiles later than the engine's default (64,000): on
   * two cores its compiler thread competed with the two threads of a message
   * exchange (sync_rpc: 50 FTL compiles, ~250 ms of compiling in a 1 s run;
   * 16-29 us per call, 7.6-9.9 us with this threshold, rtt_parent 11-13 us ->
   * 6 us). Code that stays hot still gets there. */
  if (!getenv("JSC_thresholdForFTLOptimizeAfterWarmUp"))
    jsc_options_set_int("thresholdForFTLOptimizeAfterWarmUp", 1000000);
  JSClassDefinition def = kJSClassDefinitionEmpty;
  def.className = "SpindleTermination";
  termination_class = JSClassCreate(&def);
  return 0;
}

static char **dup_argv(int argc, char **argv) {
  char **out = calloc((size_t)argc + 1, sizeof *out);
  for (int i = 0; i < argc; i++) out[i] = strdup(argv[i]);
  return out;
}

static void free_argv(int argc, char **argv) {
  for (int i = 0; i < argc; i++) free(argv[i]);
  free(argv);
}

static JSObjectRef get_fn(sp_agent_t *a, const char *name) {
  JSValueRef v = sp_js_get(a->ctx, a->hooks, name);
  if (!JSValueIsObject(a->ctx, v)) return NULL;
  JSValueProtect(a->ctx, v);
  return (JSObjectRef)v;
}

static JSValueRef js_nop(JSContextRef ctx, JSObjectRef fn, JSObjectRef self, size_t argc, const JSValueRef argv[],
                         JSValueRef *exc) {
  return JSValueMakeUndefined(ctx);
}

/* The process's options from NODE_OPTIONS (the CLI's; set by the main agent before any
 * worker starts, then only read), and the engine flags node applies to the whole process
 * (V8's), read from them and the main thread's execArgv: every thread's realm follows
 * them, whatever its own execArgv says. */
static int node_argc;
static char **node_argv;
static atomic_bool expose_gc;
static atomic_int stack_trace_limit = -1;

static void note_flags(int argc, char **argv) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) break;
    if (!strcmp(a, "--expose-gc") || !strcmp(a, "--expose_gc")) atomic_store(&expose_gc, true);
    if (!strncmp(a, "--stack-trace-limit=", 20) || !strncmp(a, "--stack_trace_limit=", 20))
      atomic_store(&stack_trace_limit, atoi(a + 20));
  }
}

static void note_process_flags(const sp_agent_options_t *opts) {
  if (!node_argv) {
    node_argc = opts->node_argc;
    node_argv = dup_argv(opts->node_argc, opts->node_argv);
  }
  note_flags(node_argc, node_argv);
  note_flags(opts->exec_argc, opts->exec_argv);
}

char **sp__node_options(int *argc) {
  *argc = node_argc;
  return node_argv;
}

int sp__stack_trace_limit(void) { return atomic_load(&stack_trace_limit); }

bool sp__expose_gc(void) { return atomic_load(&expose_gc); }

int sp_agent_new(sp_agent_t **out, const sp_agent_options_t *opts) {
  return sp__agent_new_worker(out, opts, NULL, NULL);
}

/* An agent needs a few descriptors (its loop's epoll and eventfd, GLib's wakeup, the
 * inbox's eventfd), and GLib aborts the process when it cannot make its own. So an agent
 * sees first that there are a few more than that free, and makes them while no other
 * agent of the process is being made (a burst of workers would share the last few): a
 * worker that cannot start fails (ERR_WORKER_INIT_FAILED), as node's. */
enum { AGENT_FDS = 8 };
static uv_mutex_t agent_fds_lock;
static uv_once_t agent_fds_once = UV_ONCE_INIT;
static void agent_fds_lock_init(void) { uv_mutex_init(&agent_fds_lock); }

static int fds_available(void) {
  int fds[AGENT_FDS], got = 0, rc = 0;
  for (; got < AGENT_FDS; got++)
    if ((fds[got] = eventfd(0, EFD_CLOEXEC)) < 0) {
      rc = -errno;
      break;
    }
  while (got-- > 0) close(fds[got]);
  return rc;
}

int sp__agent_new_worker(sp_agent_t **out, const sp_agent_options_t *opts, struct sp_worker *worker,
                         sp__engine_t *reuse) {
  uv_once(&agent_fds_once, agent_fds_lock_init);
  uv_mutex_lock(&agent_fds_lock);
  int rc = fds_available();
  sp_agent_t *a = rc ? NULL : calloc(1, sizeof *a);
  if (!rc && !a) rc = -ENOMEM;
  if (a && (rc = uv_loop_init(&a->loop)) != 0) {
    free(a);
    a = NULL;
  }
  if (!a) {
    uv_mutex_unlock(&agent_fds_lock);
    return rc; /* *out stays NULL: nothing to free */
  }
  a->worker = worker;
  a->opts.argc = opts->argc;
  a->opts.argv = dup_argv(opts->argc, opts->argv);
  a->opts.exec_argc = opts->exec_argc;
  a->opts.exec_argv = dup_argv(opts->exec_argc, opts->exec_argv);
  sp__process_start_ns(); /* the first agent fixes the process's clock */
  a->boot_start_ns = uv_hrtime();
  a->timeout_period = 0.05;
  sp_waiter_init(&a->waiter);
  uv_loop_configure(&a->loop, UV_METRICS_IDLE_TIME); /* event-loop utilization, as node */
  a->loop.data = a;
  current_agent = a;
  if (!main_agent) main_agent = a;
  if (!worker) note_process_flags(opts);

  if (reuse) {
    a->gmain = reuse->gmain; /* still pushed and acquired on this thread */
  } else {
    a->gmain = g_main_context_new();
    g_main_context_push_thread_default(a->gmain); /* before the VM, or its timers hang */
    g_main_context_acquire(a->gmain);
  }
  static bool main_runloop_ready;
  if (!worker && !main_runloop_ready) {
    /* The engine's main RunLoop binds to the context pushed now: it must be
     * this agent's, which the loop drives (ENGINE.md: without it the GC timer
     * can crash; bound to another context, async work never completes). */
    sp__wtf_runloop_initialize_main();
    main_runloop_ready = true;
  }
  glib_start(a);
  uv_async_init(&a->loop, &a->engine_hold, NULL);
  uv_unref((uv_handle_t *)&a->engine_hold);
  int inbox_rc = sp__inbox_start(a); /* fails only without file descriptors left */
  uv_mutex_unlock(&agent_fds_lock);

  a->group = reuse ? reuse->group : JSContextGroupCreate();
  a->ctx = JSGlobalContextCreateInGroup(a->group, NULL);
  if (reuse) {
    a->anchor = reuse->anchor;
    a->anchor_fn = reuse->anchor_fn;
  }
  /* Earlier realms are garbage now, but the engine's own timers collect them
   * too late (RSS grew ~0.8 MB per realm): a spare collects while it idles
   * (mod_worker), and a VM reused back to back collects every few realms. */
  if (reuse && (a->garbage_realms = reuse->garbage_realms + 1) >= SP_GARBAGE_REALMS_MAX) sp__agent_collect_garbage(a);
  /* The watchdog: a worker's looks every 50 ms of running JS (terminate(), heap limits);
   * the main thread's never looks by itself (a period of a year), but it is armed so that
   * process.exit() can stop the JS it is called from at once (sp__agent_begin_exit: the
   * engine starts a new limit only within a VM entry that began with the watchdog armed).
   * Armed, it reads a clock at every VM entry; watchdog_clock.c makes that one cheap on
   * this thread while the agent lives. */
  sp__watchdog_clock_use_wall_time(true);
  if (worker) sp__watchdog_clock_hurry_on(&a->terminate); /* a loop of promise jobs stops too */
  else a->timeout_period = 365 * 24 * 3600.0;
  JSContextGroupSetExecutionTimeLimit(a->group, a->timeout_period, should_terminate, a);

  JSContextRef ctx = a->ctx;
  a->bindings = JSObjectMake(ctx, NULL, NULL);
  JSValueProtect(ctx, a->bindings);
  a->intrinsics = sp_intrinsics_capture(ctx);
  JSValueProtect(ctx, a->intrinsics);
  if (inbox_rc != 0) {
    fprintf(stderr, "spindle: cannot start a thread: %s\n", uv_strerror(inbox_rc));
    *out = a;
    return inbox_rc;
  }

  /* Run internal/bootstrap: it returns the hooks C calls into. */
  JSValueRef exc = NULL;
  JSObjectRef binding = JSObjectMakeFunctionWithCallback(ctx, NULL, js_binding);
  JSObjectRef tick = JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeInt32Array, a->tick_info,
                                                           sizeof a->tick_info, NULL, NULL, &exc);
  JSObjectRef imm = JSObjectMakeTypedArrayWithBytesNoCopy(ctx, kJSTypedArrayTypeInt32Array, a->immediate_info,
                                                          sizeof a->immediate_info, NULL, NULL, &exc);
  sp_js_set(ctx, binding, "tickInfo", tick);
  sp_js_set(ctx, binding, "immediateInfo", imm);
  JSValueRef bexc = NULL;
  JSValueRef builtins = sp__agent_binding(a, "builtins", &bexc);
  JSValueRef id = sp_js_str(ctx, "internal/bootstrap");
  JSValueRef bfn = JSObjectCallAsFunction(ctx, (JSObjectRef)sp_js_get(ctx, (JSObjectRef)builtins, "compile"),
                                          NULL, 1, &id, &exc);
  if (exc || !JSValueIsObject(ctx, bfn)) goto fail;
  JSObjectRef module = JSObjectMake(ctx, NULL, NULL);
  JSObjectRef exports = JSObjectMake(ctx, NULL, NULL);
  sp_js_set(ctx, module, "exports", exports);
  /* the builtin wrapper's parameters (mod_builtins): require and process are bootstrap's own */
  JSValueRef args[5 + SP_INTRINSIC_COUNT] = {exports, JSValueMakeUndefined(ctx), module, binding,
                                             JSValueMakeUndefined(ctx)};
  size_t nargs = 5 + sp_intrinsics_select(ctx, a->intrinsics, sp__builtin_find("internal/bootstrap")->intrinsics,
                                          args + 5);
  JSObjectCallAsFunction(ctx, (JSObjectRef)bfn, NULL, nargs, args, &exc);
  if (exc) goto fail;
  a->hooks = (JSObjectRef)sp_js_get(ctx, module, "exports");
  JSValueProtect(ctx, a->hooks);
  a->fn_process_ticks = get_fn(a, "processTicksAndRejections");
  a->fn_process_timers = get_fn(a, "processTimers");
  a->fn_process_immediates = get_fn(a, "processImmediates");
  a->fn_uncaught = get_fn(a, "onUncaughtException");
  JSValueRef onrej = sp_js_get(ctx, a->hooks, "onUnhandledRejection");
  if (JSValueIsObject(ctx, onrej))
    JSGlobalContextSetUnhandledRejectionCallback(a->ctx, (JSObjectRef)onrej, NULL);
  a->boot_done_ns = uv_hrtime();
  *out = a;
  return 0;
fail:
  sp__print_exception_raw(ctx, exc);
  *out = a;
  return -EINVAL;
}

JSObjectRef sp__agent_hook(sp_agent_t *a, const char *name) {
  JSValueRef fn = sp_js_get(a->ctx, a->hooks, name);
  return JSValueIsObject(a->ctx, fn) ? (JSObjectRef)fn : NULL;
}

static int call_hook(sp_agent_t *a, const char *name, size_t argc, const JSValueRef *argv) {
  JSValueRef fn = sp_js_get(a->ctx, a->hooks, name);
  if (!JSValueIsObject(a->ctx, fn)) return -EINVAL;
  sp__agent_callback(a, (JSObjectRef)fn, NULL, argc, argv);
  return 0;
}

int sp__agent_run_worker(sp_agent_t *a) {
  sp__agent_mark_loop_start(a);
  return call_hook(a, "runWorker", 0, NULL);
}
int sp__agent_prewarm_worker(sp_agent_t *a) { return call_hook(a, "prewarmWorker", 0, NULL); }

int sp_agent_run_file(sp_agent_t *a, const char *path) {
  JSValueRef arg = sp_js_str(a->ctx, path);
  return call_hook(a, "runMain", 1, &arg);
}

int sp_agent_eval(sp_agent_t *a, const char *source, int print_result) {
  JSValueRef args[2] = {sp_js_str(a->ctx, source), JSValueMakeNumber(a->ctx, print_result)};
  return call_hook(a, "evalScript", 2, args);
}

int sp_agent_run_loop(sp_agent_t *a) {
  sp__agent_mark_loop_start(a);
  for (;;) {
    uv_run(&a->loop, UV_RUN_DEFAULT);
    if (a->exiting) break;
    call_hook(a, "emitBeforeExit", 0, NULL);
    if (a->exiting || !uv_loop_alive(&a->loop)) break;
  }
  if (!a->exiting) {
    JSValueRef fn = sp_js_get(a->ctx, a->hooks, "emitExit");
    JSValueRef exc = NULL;
    JSValueRef r = JSObjectCallAsFunction(a->ctx, (JSObjectRef)fn, NULL, 0, NULL, &exc);
    if (exc) sp__agent_uncaught(a, exc);
    if (!a->exiting) a->exit_code = (int)JSValueToNumber(a->ctx, r, NULL);
  }
  return a->exit_code;
}

int sp_agent_exit_code(sp_agent_t *a) { return a->exit_code; }

static void close_walk_cb(uv_handle_t *h, void *arg) {
  if (!uv_is_closing(h)) uv_close(h, NULL);
}

void sp__agent_collect_garbage(sp_agent_t *a) {
  JSSynchronousGarbageCollectForDebugging(a->ctx); /* ~1 ms for a worker's heap */
  a->garbage_realms = 0;
}

/* Whether the VM may serve another realm now that this one is over (loop
 * closed, watchdog off). Not after the realm left work queued inside the engine
 * (engine_deferred_work, engine_pending), had a heap limit, or was stopped by
 * the watchdog: the VM may still hold the termination request, which the next
 * realm's JS would receive (seen: "JavaScript execution terminated." in the
 * next worker), and the microtask queue may hold this realm's jobs (a drain
 * stops at a termination). Otherwise an empty script must still run cleanly:
 * it meets any request left pending at entry. */
static bool engine_reusable(sp_agent_t *a) {
  if (!a->hooks || a->engine_terminated || a->engine_deferred_work || a->engine_pending || a->heap_limit) return false;
  JSStringRef empty = JSStringCreateWithUTF8CString("");
  JSValueRef exc = NULL;
  JSEvaluateScript(a->ctx, empty, NULL, NULL, 1, &exc);
  JSStringRelease(empty);
  return exc == NULL;
}

void sp__engine_free(sp__engine_t *e) {
  if (e->anchor) {
    JSValueUnprotect(e->anchor, e->anchor_fn);
    JSGlobalContextRelease(e->anchor);
  }
  e->anchor = NULL;
  e->anchor_fn = NULL;
  JSContextGroupRelease(e->group);
  g_main_context_pop_thread_default(e->gmain);
  g_main_context_release(e->gmain);
  g_main_context_unref(e->gmain);
  e->group = NULL;
  e->gmain = NULL;
}

static bool agent_free(sp_agent_t *a, sp__engine_t *keep);
void sp_agent_free(sp_agent_t *a) { agent_free(a, NULL); }
bool sp__agent_free_keep_engine(sp_agent_t *a, sp__engine_t *keep) { return agent_free(a, keep); }

static bool agent_free(sp_agent_t *a, sp__engine_t *keep) {
  if (!a) return false;
  sp__worker_agent_teardown(a); /* child workers end before their parent's loop goes */
  sp__atomics_agent_teardown(a);
  sp__child_agent_teardown(a);
  sp__fswatch_agent_teardown(a);
  sp__fs_agent_teardown(a);
  sp__inbox_stop(a);
  uv_walk(&a->loop, close_walk_cb, NULL);
  uv_run(&a->loop, UV_RUN_DEFAULT);
  JSObjectRef fns[] = {a->fn_process_ticks, a->fn_process_timers, a->fn_process_immediates, a->fn_uncaught,
                       a->hooks, a->bindings, a->intrinsics};
  for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
    if (fns[i]) JSValueUnprotect(a->ctx, fns[i]);
  JSContextGroupClearExecutionTimeLimit(a->group);
  sp__watchdog_clock_hurry_on(NULL); /* `a` goes */
  sp__watchdog_clock_use_wall_time(false);
  if (keep && !engine_reusable(a)) keep = NULL;
  sp_clone_realm_forget(a->ctx);
  if (keep && !a->anchor) {
    a->anchor = JSGlobalContextCreateInGroup(a->group, NULL);
    a->anchor_fn = JSObjectMakeFunctionWithCallback(a->anchor, NULL, js_nop);
    JSValueProtect(a->anchor, a->anchor_fn);
  }
  /* a strong root to this realm: see sp__engine_t */
  if (a->anchor) JSGlobalContextSetUnhandledRejectionCallback(a->ctx, a->anchor_fn, NULL);
  JSGlobalContextRelease(a->ctx);
  sp__engine_t engine = {a->group, a->gmain, a->anchor, a->anchor_fn, a->garbage_realms};
  if (keep) *keep = engine;
  else sp__engine_free(&engine);
  /* Handles closed while the VM went (finalizers) still need their close callbacks. */
  uv_run(&a->loop, UV_RUN_DEFAULT);
  if (uv_loop_close(&a->loop) != 0) {
    uv_walk(&a->loop, close_walk_cb, NULL);
    uv_run(&a->loop, UV_RUN_DEFAULT);
    uv_loop_close(&a->loop);
  }
  sp__atomics_agent_free(a);
  sp__inbox_free(a); /* after the VM: port finalizers still cancel their inbox items */
  sp_waiter_destroy(&a->waiter);
  free_argv(a->opts.argc, a->opts.argv);
  free_argv(a->opts.exec_argc, a->opts.exec_argv);
  if (current_agent == a) current_agent = NULL;
  if (main_agent == a) main_agent = NULL;
  free(a);
  return keep != NULL;
}
