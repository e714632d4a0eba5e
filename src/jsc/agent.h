/* The per-thread agent: one libuv loop, one GLib main context driven by it,
 * one JavaScriptCore VM (context group + global context), the builtin-module
 * cache and the hooks into the runtime's JS half. The main thread is the first
 * agent; every worker thread owns exactly one. All fields belong to the agent's
 * own thread, except `terminate`, which any thread may set. */
#ifndef SP_AGENT_H
#define SP_AGENT_H
#include <JavaScriptCore/JavaScript.h>
#include <glib.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "core/notify.h"
#include "core/parking.h"
#include "spindle.h"

enum { SP_TICK_PENDING = 0, SP_REJECTION_PENDING = 1, SP_TICK_INFO_LEN = 4 };
enum { SP_IMM_COUNT = 0, SP_IMM_REF_COUNT = 1, SP_IMM_INFO_LEN = 4 };
enum { SP_GLIB_MAX_FDS = 4 };

struct sp_worker;

typedef struct sp_agent {
  uv_loop_t loop;
  /* GLib integration: JSC's own timers run on this context (ENGINE.md). */
  GMainContext *gmain;
  uv_prepare_t glib_prepare;
  uv_check_t glib_check;
  uv_timer_t glib_timer;
  uv_poll_t glib_poll[SP_GLIB_MAX_FDS];
  int glib_poll_fd[SP_GLIB_MAX_FDS];
  int glib_poll_events[SP_GLIB_MAX_FDS];
  GPollFD glib_fds[SP_GLIB_MAX_FDS];
  int glib_nfds, glib_max_prio;

  JSContextGroupRef group;
  JSGlobalContextRef ctx;
  JSObjectRef hooks;        /* protected: functions the bootstrap hands to C */
  JSObjectRef bindings;     /* protected: cache of native bindings by name */
  JSObjectRef intrinsics;   /* protected: the realm's intrinsics before any program ran (intrinsics.h) */
  JSObjectRef fn_process_ticks, fn_process_timers, fn_process_immediates, fn_uncaught;
  /* Shared with JS as Int32Arrays so hot checks cost no call. */
  int32_t tick_info[SP_TICK_INFO_LEN];
  int32_t immediate_info[SP_IMM_INFO_LEN];

  /* timers: one libuv timer for the JS timer heap, as Node does. */
  uv_timer_t timer;
  uv_check_t immediate_check;
  uv_idle_t immediate_idle;

  /* The inbox (inbox.c): other threads queue ports with news on `inbox` and
   * ring its eventfd only when this loop sleeps. Queued items run right
   * before the loop would block (prepare) or when the eventfd wakes it. */
  sp_notifier_t inbox;
  uint64_t inbox_seq;       /* the seq of the agent's newest inbox item (sp__inbox_item_init) */
  uv_poll_t inbox_poll;     /* the eventfd; ref'd while inbox_refs > 0 */
  uv_prepare_t inbox_prepare;
  uv_check_t inbox_check;
  uv_idle_t inbox_idle;     /* active = items still queued: poll must not block */
  int inbox_refs;           /* live, started, ref'd ports: they keep the loop alive */
  bool inbox_ready;
  /* Spin window: after message traffic, a loop that would block busy-waits on
   * its inbox for a short while instead, because waking a sleeping thread costs
   * 20-50 us (ENGINE.md). */
  uint64_t spin_until;      /* uv_hrtime() deadline; 0 = not spinning */
  uint64_t spin_window_ns;  /* adapts: halves when a window passes idle, doubles when one catches news */
  uint64_t sleep_since;     /* uv_hrtime() when the loop announced it would block; 0 = awake */
  bool spin_traffic;        /* messages moved since the last prepare: (re)open the window */

  /* Engine work the loop cannot see (an async WebAssembly compile finishes on
   * the GLib context): while engine_pending > 0 this handle keeps the loop alive. */
  uv_async_t engine_hold;
  int engine_pending;
  /* The realm may have left work queued inside the engine (a FinalizationRegistry
   * callback, an async wasm compile) that would run in a later realm of the
   * same VM: its VM is not reused (mod_worker). */
  bool engine_deferred_work;
  int garbage_realms;        /* earlier realms of this VM not collected yet */
  JSGlobalContextRef anchor; /* sp__engine_t's, kept with the VM */
  JSObjectRef anchor_fn;
  bool engine_terminated;   /* the watchdog stopped JS at least once (see engine_reusable) */

  int exit_code;
  bool exiting;             /* process.exit() or terminate(): no more JS */
  atomic_bool terminate;    /* set by any thread to stop this agent's JS */
  size_t heap_limit;        /* bytes (resourceLimits); 0 = none. Checked by the watchdog and sp__agent_enter */
  bool out_of_memory;       /* the watchdog stopped JS for exceeding heap_limit */
  uint64_t heap_looked_at;  /* loop time (ms) the heap limit was last checked between callbacks */
  /* A worker's descriptors opened by fs and not closed yet, closed when it ends (node's
   * trackUnmanagedFds): a bit per descriptor number (mod_fs.c). */
  bool track_fds;
  uint64_t *open_fds;
  size_t open_fds_words;
  JSObjectRef file_handle_hooks; /* protected: internal/fs/promises' transfer functions (mod_fs.c) */
  double timeout_period;    /* watchdog period in seconds */

  sp_agent_options_t opts;  /* argv etc, owned copies */
  struct sp_worker *worker; /* NULL on the main thread */
  void *worker_data;        /* owned by mod_worker */
  void *atomics_data;       /* owned by mod_atomics */
  sp_waiter_t waiter;       /* this thread's Atomics.wait slot; terminate() interrupts it */
  /* Milestones (uv_hrtime()) for perf_hooks' nodeTiming: the realm's bootstrap
   * began and ended (a spare's job: both are the job's start, its "birth"). */
  uint64_t boot_start_ns, boot_done_ns;
  /* Event-loop utilization: when the loop began serving the script (0: not yet;
   * written once by this thread, read by the parent's worker.performance) and
   * the loop's idle time then. The inbox's spinning counts as idle, as the
   * sleep it replaces would: the time spun so far and the start of a spin under
   * way, under spin_lock (this thread writes, any may read: a spin in progress
   * is seen as it goes, as libuv shows a sleep in progress). */
  _Atomic uint64_t loop_start_ns;
  uint64_t idle_base_ns;
  uv_mutex_t spin_lock;
  uint64_t spin_idle_ns, spin_since_ns;
  /* The last heap figures read (sp__agent_heap_stats), when and at what cost. */
  struct sp_heap_stats {
    double size, capacity, extra; /* bytes: JSGetMemoryUsageStatistics' heapSize, heapCapacity, extraMemorySize */
    uint64_t at_ns, cost_ns;      /* uv_hrtime() of the read (0: none yet), its duration */
    size_t rss;                   /* the process's RSS then */
  } heap_stats;
} sp_agent_t;

/* The process's clock, which every thread shares as in node: its start
 * (uv_hrtime(); process.uptime() counts from it) and that moment as Unix time
 * in ms (performance.timeOrigin). Fixed by the first agent. */
uint64_t sp__process_start_ns(void);
double sp__process_time_origin_ms(void);
/* --expose-gc (or --expose_gc) in NODE_OPTIONS or the main thread's execArgv: `gc()` in every
 * realm, as node. */
bool sp__expose_gc(void);
/* --stack-trace-limit=N of NODE_OPTIONS or the main thread's execArgv; -1 if none */
int sp__stack_trace_limit(void);
/* NODE_OPTIONS's arguments (the main agent's node_argv), the same for every thread */
char **sp__node_options(int *argc);
/* The loop starts serving JS now: the main thread's after its script, a
 * worker's right before its script (node's LOOP_START milestone). */
void sp__agent_mark_loop_start(sp_agent_t *a);
/* ms since the process's start when the loop started, or -1 before. Any thread,
 * while `a` lives. */
double sp__agent_loop_start_ms(sp_agent_t *a);
/* ms the loop has been idle since it started. Any thread, while `a` lives. */
double sp__agent_loop_idle_ms(sp_agent_t *a);

sp_agent_t *sp__agent_current(void);

/* The VM's heap figures. The engine reads them by walking the whole heap (~25 ms
 * with a million objects; node's cost microseconds), so a read is repeated only
 * once the time since the last one is SP_HEAP_STATS_SPACING times what it cost (2 %
 * of the thread's time), or SP_HEAP_STATS_SPACING_MOVED times (20 %) when the
 * process's RSS has moved by SP_HEAP_STATS_RSS_MOVE since; until then the last
 * figures come back. */
enum { SP_HEAP_STATS_SPACING = 50, SP_HEAP_STATS_SPACING_MOVED = 5, SP_HEAP_STATS_RSS_MOVE = 4 << 20 };
const struct sp_heap_stats *sp__agent_heap_stats(sp_agent_t *a, JSContextRef ctx, size_t rss);

/* The engine half of an agent, which can outlive it: a worker thread keeps its
 * VM for its next job (mod_worker), because a realm made in a VM that already
 * ran the builtins skips parsing and compiling them (the VM's code cache). The
 * GLib context stays pushed on the thread with it (ENGINE.md: it must come
 * before the VM). Belongs to one thread. */
typedef struct sp__engine {
  JSContextGroupRef group;
  GMainContext *gmain;
  /* A realm's unhandled-rejection callback is a strong root, which would keep
   * a finished realm alive for ever (the callback belongs to it): it is
   * pointed at `anchor_fn`, a function of a small realm that lives as long as
   * the VM, before the realm is released. Made when first needed. */
  JSGlobalContextRef anchor;
  JSObjectRef anchor_fn; /* protected */
  int garbage_realms; /* finished realms of this VM not collected yet */
} sp__engine_t;
enum { SP_GARBAGE_REALMS_MAX = 4 };

/* A worker's agent. `reuse` (or NULL: make a new one) is taken over by the agent. */
int sp__agent_new_worker(sp_agent_t **out, const sp_agent_options_t *opts, struct sp_worker *worker,
                         sp__engine_t *reuse);
/* sp_agent_free, except that the VM and GLib context go to *keep instead.
 * Returns false if the VM may not serve another realm: then it is freed too. */
bool sp__agent_free_keep_engine(sp_agent_t *a, sp__engine_t *keep);
void sp__engine_free(sp__engine_t *e);
/* A full collection now (finished realms of a reused VM). */
void sp__agent_collect_garbage(sp_agent_t *a);
int sp__agent_run_worker(sp_agent_t *a);
/* A spare worker (mod_worker) loads what every job needs before it has one. */
int sp__agent_prewarm_worker(sp_agent_t *a);
/* a function exported by internal/bootstrap, or NULL */
JSObjectRef sp__agent_hook(sp_agent_t *a, const char *name);
/* mod_worker: terminates and joins the agent's child workers, frees its port state */
void sp__worker_agent_teardown(sp_agent_t *a);
/* mod_atomics: settles pending waitAsync waiters before the loop goes; frees its state after */
void sp__atomics_agent_teardown(sp_agent_t *a);
void sp__atomics_agent_free(sp_agent_t *a);
/* mod_child: closes the agent's running children's handles (their records go with them) */
void sp__child_agent_teardown(sp_agent_t *a);
/* mod_fswatch: closes the agent's fs.watch handles */
void sp__fswatch_agent_teardown(sp_agent_t *a);
/* mod_fs.c: closes what a worker that tracks its descriptors left open */
void sp__fs_agent_teardown(sp_agent_t *a);
/* Calls fn as a macrotask: then nextTicks, then microtasks, then rejections (Node's order). */
JSValueRef sp__agent_callback(sp_agent_t *a, JSObjectRef fn, JSObjectRef self, size_t argc,
                              const JSValueRef argv[]);
/* Whether the heap is over resourceLimits' limit now (then out_of_memory is set). */
bool sp__agent_heap_limit_reached(sp_agent_t *a);
/* The same in three steps, for a macrotask that does more than one call
 * (e.g. decode a message, then emit it) under one engine lock:
 * enter() returns false when the agent runs no more JS; call() reports an
 * uncaught exception; leave() runs ticks, unlocks (microtasks) and repeats. */
bool sp__agent_enter(sp_agent_t *a);
JSValueRef sp__agent_call(sp_agent_t *a, JSObjectRef fn, JSObjectRef self, size_t argc, const JSValueRef argv[]);
void sp__agent_leave(sp_agent_t *a);
/* Keeps the loop from sleeping for a short window: a reply is likely soon. */
static inline void sp__agent_spin(sp_agent_t *a) { a->spin_traffic = true; }
/* inbox.c: set up with the loop; stopped (handles closed) before the loop goes */
int sp__inbox_start(sp_agent_t *a);
void sp__inbox_stop(sp_agent_t *a);
void sp__inbox_free(sp_agent_t *a);
/* The loop runs again after its poll: posts need not ring the eventfd. Every check
 * callback that runs JS calls it first (libuv runs the newest check handle first, and the
 * inbox's is the oldest): a ring then would make a second pass in this loop turn. */
void sp__inbox_awake(sp_agent_t *a);
/* ns this loop has spent spinning on its inbox (any thread, while `a` lives) */
uint64_t sp__inbox_spin_idle_ns(sp_agent_t *a);
/* Owner thread: makes a new item of this agent's inbox; items run in the order they were
 * made in each pass over the inbox (core/notify.h), as node's ports deliver. */
static inline void sp__inbox_item_init(sp_agent_t *a, sp_notify_item_t *it, void (*run)(sp_notify_item_t *)) {
  it->next = NULL;
  atomic_init(&it->queued, false);
  it->run = run;
  it->seq = ++a->inbox_seq;
}
/* Queues an item of this agent from any thread (see core/notify.h). */
static inline void sp__inbox_post(sp_agent_t *a, sp_notify_item_t *it) { sp_notifier_post(&a->inbox, it); }
/* Owner thread: an item is about to be freed. */
static inline void sp__inbox_cancel(sp_agent_t *a, sp_notify_item_t *it) { sp_notifier_cancel(&a->inbox, it); }
/* Owner thread: +1/-1 for each port that keeps the loop alive. */
void sp__inbox_ref(sp_agent_t *a, int delta);
/* Reports an exception that reached the top of a macrotask. */
void sp__agent_uncaught(sp_agent_t *a, JSValueRef exc);
/* Stops the agent's JS for good (process.exit / terminate); the loop ends soon after. */
void sp__agent_begin_exit(sp_agent_t *a, int code);
JSValueRef sp__agent_binding(sp_agent_t *a, const char *name, JSValueRef *exc);
JSValueRef sp__termination_exception(JSContextRef ctx);
bool sp__is_termination(JSContextRef ctx, JSValueRef v);
/* Prints a value as an uncaught error to stderr without running JS (last resort). */
void sp__print_exception_raw(JSContextRef ctx, JSValueRef exc);

/* native bindings table (src/mod/modules.c) */
typedef void (*sp_binding_init_fn)(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent);
sp_binding_init_fn sp__binding_lookup(const char *name);

/* builtin JS sources (generated) */
struct sp__builtin_src {
  const char *id;
  const char *src;
  size_t len;
  uint64_t intrinsics; /* the intrinsics (intrinsic_names.h) the source names: bit i, the i-th */
};
extern const struct sp__builtin_src sp__builtin_srcs[];
const struct sp__builtin_src *sp__builtin_find(const char *id);

/* process-wide, serialised writes to stdout/stderr so threads never interleave mid-line */
void sp__write_fd(int fd, const char *buf, size_t len);

#endif
