/* binding('worker'): MessagePorts and Worker threads, the native half of
 * worker_threads (the JS half, src/js/internal/worker/ files, owns argument
 * validation, events and error codes).
 *
 * Threads and ownership:
 * - A MessagePort JS object is a JSC callback object of `port_class` whose
 *   private data is a port_handle. The handle belongs to the agent (thread)
 *   that created or received the object and is only touched there. It owns
 *   one reference to a core sp_port_t, whose waker (port.h) queues the handle
 *   on its agent's inbox (jsc/inbox.c) from whatever thread posted.
 * - While a port is started and open, its JS object is protected (it is a
 *   live handle, like node's); otherwise it may be collected, and the
 *   finalizer releases the handle.
 * - A Worker is an sp_worker_t shared by the parent thread and the worker's
 *   thread (refs: one each). Fields are written before the thread starts, or
 *   under `lock` (agent pointer, terminate), or are the parent's alone
 *   (exit_async, owner, sibling list). The child signals its end with
 *   exit_async; the parent joins the thread there and emits 'exit'.
 */
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/broadcast.h"
#include "core/port.h"
#include "core/threadmsg.h"
#include "jsc/clone.h"
#include "jsc/jsc_private.h"
#include "mod/modules.h"

typedef struct sp_worker sp_worker_t;

/* At most this many idle worker threads are kept (see "worker threads and the
 * warm spare" below); beyond the first, they go after SPARE_RETIRE_MS. */
enum { SPARES_MAX = 8, SPARE_RETIRE_MS = 1000 };
/* Spawns closer together than this are a burst; a burst that takes the last
 * spare boots the next one only after SPARE_BOOT_DEFER_MS (see spare_ensure). */
enum { SPARE_BURST_GAP_NS = 2 * 1000 * 1000, SPARE_BOOT_DEFER_MS = 30 };

/* A finished worker's thread offers itself (and its VM) to the parent as a spare. */
enum { REUSE_NONE, REUSE_OFFERED, REUSE_TAKEN, REUSE_DECLINED };

/* Per-agent state (agent->worker_data): JS hooks, the port prototype, child workers. */
typedef struct worker_state {
  JSObjectRef port_proto;  /* MessagePort.prototype of this VM (protected) */
  JSObjectRef hooks;       /* { initPort, livePort, deliverMessage, emitClose, emitWorkerExit } */
  JSObjectRef deliver_message, init_port, live_port; /* cached (protected) */
  /* Each port handle has a slot in JS's table of WeakRefs to the port objects (initPort):
   * the numbers of the slots freed by finalized ports, for reuse, and the next new one. */
  uint32_t *free_slots;
  size_t nfree_slots, free_slots_cap;
  uint32_t next_slot;
  sp_worker_t *children;   /* live child workers (this thread only) */
  sp_worker_t *spares[SPARES_MAX]; /* booted worker threads waiting for a Worker (main thread) */
  int nspares;
  uv_timer_t *retire_timer; /* retires the extra spares after a quiet while (pool_timer) */
  uv_timer_t *boot_timer;   /* boots a spare a while after a burst took the last one (pool_timer) */
  uint64_t last_spawn_ns;   /* uv_hrtime() of the latest spawn */
  struct port_handle *handles; /* every port handle of this agent, for teardown */
  sp_agent_t *agent;           /* whose state this is */
  /* Ports whose 'close' is due, in order (protected), and the handle closed to be
   * called back in the loop's closing phase, where node emits them (close_phase_cb). */
  JSObjectRef *closing;
  size_t nclosing, closing_cap;
  uv_idle_t *close_phase;
  /* postMessageToThread: this thread's inbox (core/threadmsg.h). C watches it until the
   * first message makes JS wrap it as a MessagePort (hook openThreadInbox): a thread
   * that is never sent to pays no JS for it. */
  sp_port_t *tm_reader;     /* the inbox while not wrapped yet (a reference of ours) */
  sp_notify_item_t tm_item; /* queued on the agent's inbox when tm_reader has news */
  uint64_t tm_thread_id;
  bool tm_registered;
} worker_state_t;

enum { PORT_HANDLE_MAGIC = 0x706f7274 }; /* "port": tells a port handle from the other private data */

typedef struct port_handle {
  uint32_t magic;                  /* PORT_HANDLE_MAGIC (handle_of_object) */
  struct port_handle *prev, *next; /* in worker_state.handles */
  sp_port_t *port;      /* NULL once closed or transferred away */
  sp_agent_t *agent;
  sp_notify_item_t item; /* queued on agent's inbox when the port has news */
  JSObjectRef obj;      /* the MessagePort object (weak unless `protected`: port_object) */
  uint32_t slot;        /* its WeakRef's place in JS's table (worker_state.free_slots) */
  bool started, refed, is_protected, close_emitted;
  bool closing;         /* close() was called on this side (its 'close' may not have come yet) */
  bool close_queued;    /* its 'close' event waits for the loop's closing phase (close_phase_cb) */
  bool delivering;      /* deliver() is emitting this port's messages */
  bool counted;         /* holds one of the agent's inbox refs (keeps the loop alive) */
} port_handle_t;

/* What a worker starts with, from the parent's `new Worker` (filled at spawn, taken once by
 * the thread's workerInit). No structured clone for these: in a thread's new realm the clone
 * code still runs in the engine's interpreter, where it cost ~0.3 ms each side for them.
 * The strings are the engine's own (JSStringRef: immutable, shareable between threads), so
 * the text arrives exactly as it was. */
enum {
  JOB_EVAL = 1,       /* `file` is code (options.eval) */
  JOB_STDIN = 2,      /* options.stdin */
  JOB_ENV_SHARED = 4, /* env: SHARE_ENV (the process's live environment) */
  JOB_ENV_GIVEN = 8,  /* env: an object, cloned in `data` */
  JOB_KEEP_FDS = 16,  /* trackUnmanagedFds: false (what fs opened stays open when it ends) */
};
typedef struct worker_job {
  JSStringRef file;        /* the eval code, or the script's absolute path */
  JSStringRef *argv;       /* process.argv */
  size_t argc;
  JSStringRef *exec_argv;  /* process.execArgv */
  size_t exec_argc;
  double limits[4];        /* resourceLimits as reported: young, old, code range, stack (MB) */
  int flags;               /* JOB_* */
  sp_wire_msg_t *data;     /* { workerData, environmentData, env } cloned, or NULL when none */
} worker_job_t;

static void strings_free(JSStringRef *s, size_t n) {
  for (size_t i = 0; i < n; i++) JSStringRelease(s[i]);
  free(s);
}

static void job_free(worker_job_t *job) {
  if (job->file) JSStringRelease(job->file);
  strings_free(job->argv, job->argc);
  strings_free(job->exec_argv, job->exec_argc);
  if (job->data) sp_wire_msg_free(job->data);
  memset(job, 0, sizeof *job);
}

/* The strings of a JS array of strings (already strings: the caller made them so). */
static bool strings_of(JSContextRef ctx, JSValueRef v, JSStringRef **out, size_t *n, JSValueRef *exc) {
  *out = NULL;
  *n = 0;
  if (!JSValueIsObject(ctx, v)) return true;
  JSObjectRef arr = (JSObjectRef)v;
  size_t len = (size_t)sp_js_num(ctx, sp_js_get(ctx, arr, "length"));
  if (!len) return true;
  JSStringRef *s = calloc(len, sizeof *s);
  if (!s) return false;
  for (size_t i = 0; i < len; i++) {
    JSValueRef e = JSObjectGetPropertyAtIndex(ctx, arr, (unsigned)i, exc);
    if (e) s[i] = JSValueToStringCopy(ctx, e, exc);
    if (!s[i]) {
      strings_free(s, i);
      return false;
    }
  }
  *out = s;
  *n = len;
  return true;
}

static JSObjectRef array_of_strings(JSContextRef ctx, JSStringRef *s, size_t n, JSValueRef *exc) {
  sp_js_list_t strs = {ctx};
  for (size_t i = 0; i < n; i++) sp_js_list_add(&strs, JSValueMakeString(ctx, s[i]));
  return sp_js_list_array(&strs, exc);
}

struct sp_worker {
  atomic_int refs;        /* parent + thread */
  uv_mutex_t lock;        /* guards agent, wake_ready, handed_off and the hand-off fields */
  bool spare;             /* started ahead of any Worker (fixed before the thread starts) */
  bool may_reuse;         /* the thread may serve a next Worker (fixed before the thread starts) */
  bool handed_off;        /* the fields below "start-up data" are filled (lock) */
  bool ready;             /* a spare that finished warming up (lock) */
  int reuse;              /* REUSE_*: the thread's offer and the parent's answer (lock, reuse_cond) */
  uv_cond_t reuse_cond;
  sp_worker_t *successor; /* REUSE_TAKEN: the spare record the thread goes on as */
  uv_thread_t thread;
  sp_agent_t *agent;      /* the worker's agent while it runs (lock) */
  uv_async_t wake_async;  /* on the worker's loop: terminate requests */
  bool wake_ready;        /* wake_async initialised and open (lock) */
  uv_timer_t gc_timer;    /* on the worker's loop: a spare's idle collection (spare_wait_for_job) */
  atomic_bool terminate;
  int exit_code;          /* written by the thread before it signals exit_async */
  int init_error;         /* likewise: its agent could not be made (-errno), or 0 */
  bool out_of_memory;     /* likewise: ended for exceeding heap_limit */
  size_t heap_limit;      /* bytes, from resourceLimits; 0 = none */
  uint64_t thread_id;
  size_t stack_size;
  void *stack_mem;          /* a stack of its own (worker_start), unmapped once joined; or NULL */
  size_t stack_mem_len;
  /* start-up data, read once by the thread */
  worker_job_t job;
  sp_port_t *parent_port;   /* the worker's end of the public channel */
  sp_port_t *ctrl_port;     /* the worker's end of the control channel */
  sp_port_t *tm_reader;     /* its postMessageToThread inbox, listed at spawn, or NULL */
  char **env;               /* the parent's environment, copied at spawn, or NULL */
  /* the parent's alone */
  sp_agent_t *parent;
  uv_async_t *exit_async;
  JSObjectRef owner;        /* the parent's worker handle object, protected while running */
  bool joined;
  sp_worker_t *next;        /* in the parent's children list */
};

static JSClassRef port_class, worker_class;
static uv_once_t classes_once = UV_ONCE_INIT;
static atomic_uint_fast64_t next_thread_id = 1;

static worker_state_t *state_of(sp_agent_t *a) {
  if (!a->worker_data) {
    worker_state_t *st = calloc(1, sizeof(worker_state_t));
    st->agent = a;
    a->worker_data = st;
  }
  return a->worker_data;
}

static JSValueRef call_hook(sp_agent_t *a, const char *name, size_t argc, const JSValueRef *argv) {
  worker_state_t *st = state_of(a);
  if (!st->hooks) return NULL;
  JSValueRef fn = sp_js_get(a->ctx, st->hooks, name);
  if (!JSValueIsObject(a->ctx, fn)) return NULL;
  return sp__agent_callback(a, (JSObjectRef)fn, NULL, argc, argv);
}

/* ---- ports ---------------------------------------------------------------- */

static void handle_protect(port_handle_t *h, bool on) {
  if (!h->obj || h->is_protected == on) return;
  h->is_protected = on;
  if (on) JSValueProtect(h->agent->ctx, h->obj);
  else JSValueUnprotect(h->agent->ctx, h->obj);
}

/* A ref'd open port keeps its thread's loop alive, started or not (node's rule: ref() alone
 * does, start() alone does not; a 'message' listener refs and starts it). */
static void update_ref(port_handle_t *h) {
  bool want = h->port && h->refed;
  if (want == h->counted || !h->agent) return;
  h->counted = want;
  sp__inbox_ref(h->agent, want ? 1 : -1);
}

/* Drops the handle's hold on the core port and on its agent's inbox (close or transfer). */
static void handle_release(port_handle_t *h) {
  if (h->port) {
    sp_port_set_waker(h->port, NULL, NULL); /* no thread queues the handle after this */
    sp_port_unref(h->port);
    h->port = NULL;
  }
  update_ref(h);
  if (h->agent) sp__inbox_cancel(h->agent, &h->item);
}

static void handle_unlink(port_handle_t *h) {
  worker_state_t *st = h->agent ? h->agent->worker_data : NULL;
  if (!st) return;
  if (st->nfree_slots == st->free_slots_cap) { /* out of memory: the slot is not reused */
    size_t cap = st->free_slots_cap ? st->free_slots_cap * 2 : 16;
    uint32_t *grown = realloc(st->free_slots, cap * sizeof *grown);
    if (grown) st->free_slots = grown, st->free_slots_cap = cap;
  }
  if (st->nfree_slots < st->free_slots_cap) st->free_slots[st->nfree_slots++] = h->slot;
  if (h->prev) h->prev->next = h->next;
  else st->handles = h->next;
  if (h->next) h->next->prev = h->prev;
  h->prev = h->next = NULL;
  h->agent = NULL;
}

/* The port's object, or NULL when it is gone. An unprotected port's object may be dead
 * and not finalized yet (the collector sweeps lazily, so h->obj is cleared later): using
 * it then would bring back an object whose parts may already be freed and reused (a
 * crash in a later collection). Its WeakRef knows: the collection that found it dead
 * cleared it. */
static JSObjectRef port_object(port_handle_t *h) {
  if (!h->obj || h->is_protected) return h->obj;
  worker_state_t *st = h->agent ? h->agent->worker_data : NULL;
  if (!st || !st->live_port) return NULL;
  sp_agent_t *a = h->agent;
  JSValueRef arg = JSValueMakeNumber(a->ctx, h->slot), exc = NULL;
  JSValueRef v = JSObjectCallAsFunction(a->ctx, st->live_port, NULL, 1, &arg, &exc);
  return v && !exc && v == h->obj ? h->obj : NULL;
}

static void port_finalize(JSObjectRef obj) {
  port_handle_t *h = JSObjectGetPrivate(obj);
  if (!h) return;
  h->obj = NULL;
  handle_release(h);
  handle_unlink(h);
  h->magic = 0;
  free(h);
}

static void worker_finalize(JSObjectRef obj) { (void)obj; /* the sp_worker is released by its exit path */ }

static void create_classes(void) {
  JSClassDefinition d = kJSClassDefinitionEmpty;
  /* The engine shows a callback object's class name as its Symbol.toStringTag; node's port
   * shows its EventTarget's ('[object EventTarget]', inspected as 'MessagePort [EventTarget]'). */
  d.className = "EventTarget";
  d.finalize = port_finalize;
  port_class = JSClassCreate(&d);
  JSClassDefinition w = kJSClassDefinitionEmpty;
  w.className = "WorkerHandle";
  w.finalize = worker_finalize;
  worker_class = JSClassCreate(&w);
}

/* The core calls this under the channel lock, on the posting thread. */
static void port_wake(void *data) {
  port_handle_t *h = data;
  sp__inbox_post(h->agent, &h->item);
}

static void deliver(port_handle_t *h);
static void port_item_run(sp_notify_item_t *it) {
  deliver((port_handle_t *)((char *)it - offsetof(port_handle_t, item)));
}

/* The port is closed for good: no more messages, no more wake-ups. */
static void close_release(port_handle_t *h) {
  h->close_emitted = true;
  handle_release(h);
  handle_protect(h, false); /* the closing queue keeps the object alive until its 'close' */
}

/* node emits a port's 'close' from its libuv handle's close callback: in the loop's
 * closing phase, after the setImmediate callbacks of that turn, last closed first (libuv's
 * closing list). Ports here have no handle of their own; one handle, closed as soon as a
 * 'close' is due, gets the callback there for all the ports due by then. */
static void close_phase_cb(uv_handle_t *hd) {
  worker_state_t *st = hd->data;
  free(hd);
  if (!st) return; /* the agent was torn down meanwhile */
  sp_agent_t *a = st->agent;
  st->close_phase = NULL;
  JSObjectRef *due = st->closing;
  size_t n = st->nclosing;
  st->closing = NULL;
  st->nclosing = st->closing_cap = 0;
  for (size_t i = n; i-- > 0;) {
    port_handle_t *h = JSObjectGetPrivate(due[i]);
    if (h && h->closing && h->port) sp_port_close(h->port); /* close() was called: the peer learns now */
    if (h && !h->close_emitted) close_release(h); /* closed here before its messages were read: dropped */
    JSValueRef arg = due[i];
    if (!a->exiting) call_hook(a, "emitClose", 1, &arg);
    JSValueUnprotect(a->ctx, due[i]);
  }
  free(due);
}

/* Queues the port's 'close' event for the closing phase (once; the events come in the
 * reverse order of the calls). */
static void queue_close(port_handle_t *h) {
  if (h->close_queued || !port_object(h)) return;
  sp_agent_t *a = h->agent;
  worker_state_t *st = state_of(a);
  if (st->nclosing == st->closing_cap) {
    size_t cap = st->closing_cap ? st->closing_cap * 2 : 4;
    JSObjectRef *grown = realloc(st->closing, cap * sizeof *grown);
    if (!grown) return; /* out of memory: no 'close' event */
    st->closing = grown;
    st->closing_cap = cap;
  }
  h->close_queued = true;
  JSValueProtect(a->ctx, h->obj);
  st->closing[st->nclosing++] = h->obj;
  if (!st->close_phase) {
    st->close_phase = malloc(sizeof *st->close_phase);
    uv_idle_init(&a->loop, st->close_phase);
    st->close_phase->data = st;
    uv_close((uv_handle_t *)st->close_phase, close_phase_cb); /* a closing handle keeps the loop alive until then */
  }
}

/* The channel is closed and what this port had to deliver was delivered. */
static void emit_close(port_handle_t *h) {
  if (h->close_emitted) return;
  queue_close(h);
  close_release(h);
}

/* Delivers queued messages as separate macrotasks (ticks and promise jobs run
 * between them, as in node); at most a batch per wake-up so timers and I/O
 * are not starved by a flood. */
static void deliver(port_handle_t *h) {
  sp_agent_t *a = h->agent;
  if (!h->port) return;
  sp__agent_spin(a);
  size_t limit = sp_port_pending(h->port);
  if (limit < 1000) limit = 1000;
  size_t n = 0;
  h->delivering = true;
  while (h->started && h->port && n < limit && !a->exiting) {
    sp_wire_msg_t *msg = (sp_wire_msg_t *)sp_port_receive(h->port);
    if (!msg) break;
    n++;
    if (!h->obj || !sp__agent_enter(a)) {
      sp_wire_msg_free(msg);
      continue;
    }
    /* decode and emit ('message' or 'messageerror') in one engine entry */
    JSValueRef exc = NULL;
    sp_clone_deserialize_then(a->ctx, msg, state_of(a)->deliver_message, h->obj, &exc);
    sp_wire_msg_free(msg);
    if (exc) sp__agent_uncaught(a, exc); /* thrown by a listener */
    sp__agent_leave(a);
  }
  h->delivering = false;
  if (!h->port || a->exiting) return;
  if (n == limit && h->started) {
    sp__inbox_post(a, &h->item); /* more to do: come back after the loop's other work */
    return;
  }
  /* As node: the peer's close comes after the messages it sent, so a port that still has
   * some (not started, or stopped) emits 'close' only once they are taken (delivered after
   * start(), or by receiveMessageOnPort: js_receive). A port closed on this side is let go
   * in its closing phase (close_phase_cb), with what it still holds. */
  if (!h->closing && sp_port_is_closed(h->port) && sp_port_pending(h->port) == 0) emit_close(h);
}

/* ---- postMessageToThread's inbox ------------------------------------------ */

/* Called by the core under the channel lock, on the posting thread. */
static void tm_wake(void *data) {
  worker_state_t *st = data;
  sp__inbox_post(st->agent, &st->tm_item);
}

static void tm_item_run(sp_notify_item_t *it) {
  worker_state_t *st = (worker_state_t *)((char *)it - offsetof(worker_state_t, tm_item));
  if (st->tm_reader) call_hook(st->agent, "openThreadInbox", 0, NULL); /* wraps it: deliveries go the port's way */
}

/* Lists thread_id in the registry; its inbox's reading end, or NULL when out of memory. */
static sp_port_t *tm_open(uint64_t thread_id) {
  sp_port_t *reader, *writer;
  if (sp_channel_new(&reader, &writer) != 0) return NULL;
  int rc = sp_threadmsg_register(thread_id, writer);
  sp_port_unref(writer); /* the registry has its own reference */
  if (rc == 0) return reader;
  sp_port_unref(reader);
  return NULL;
}

/* Makes this thread reachable by postMessageToThread(thread_id, ...): reader is the inbox
 * the parent listed at spawn (messages sent before the worker ran wait there, as in node),
 * or NULL to list one now (the main thread). Takes reader's reference. */
static void tm_register(sp_agent_t *a, uint64_t thread_id, sp_port_t *reader) {
  worker_state_t *st = state_of(a);
  if (st->tm_registered) {
    if (reader) sp_port_unref(reader);
    return;
  }
  if (!reader && !(reader = tm_open(thread_id))) return;
  st->tm_reader = reader;
  st->tm_thread_id = thread_id;
  st->tm_registered = true;
  sp__inbox_item_init(a, &st->tm_item, tm_item_run);
  sp_port_set_waker(reader, tm_wake, st);
}

/* The thread ends: senders find it gone; what was queued and not read is dropped. */
static void tm_unregister(sp_agent_t *a, worker_state_t *st) {
  if (!st->tm_registered) return;
  st->tm_registered = false;
  if (st->tm_reader) sp_port_set_waker(st->tm_reader, NULL, NULL);
  sp_threadmsg_unregister(st->tm_thread_id);
  if (st->tm_reader) sp_port_unref(st->tm_reader);
  st->tm_reader = NULL;
  sp__inbox_cancel(a, &st->tm_item);
}

static port_handle_t *handle_of(JSContextRef ctx, JSValueRef v) {
  if (!JSValueIsObjectOfClass(ctx, v, port_class)) return NULL;
  return JSObjectGetPrivate((JSObjectRef)v);
}

/* handle_of for an object JS has already checked (postMessage's checkPort): one engine
 * call instead of two on the hottest path. Every class here with private data keeps a
 * struct of at least a word there, and only a port handle starts with the magic. */
static port_handle_t *handle_of_object(JSValueRef obj) {
  port_handle_t *h = JSObjectGetPrivate((JSObjectRef)obj);
  return h && h->magic == PORT_HANDLE_MAGIC ? h : NULL;
}

/* Wraps a core port (taking over one reference) in a new MessagePort object of this agent. */
static JSObjectRef port_wrap(sp_agent_t *a, sp_port_t *port) {
  uv_once(&classes_once, create_classes);
  worker_state_t *st = state_of(a);
  port_handle_t *h = calloc(1, sizeof *h);
  h->magic = PORT_HANDLE_MAGIC;
  h->port = port;
  h->agent = a;
  h->refed = false; /* as node: a 'message' listener or ref() refs it */
  h->next = st->handles;
  if (st->handles) st->handles->prev = h;
  st->handles = h;
  sp__inbox_item_init(a, &h->item, port_item_run);
  h->slot = st->nfree_slots ? st->free_slots[--st->nfree_slots] : st->next_slot++;
  JSObjectRef obj = JSObjectMake(a->ctx, port_class, h);
  h->obj = obj;
  if (st->port_proto) JSObjectSetPrototype(a->ctx, obj, st->port_proto);
  JSValueRef args[2] = {obj, JSValueMakeNumber(a->ctx, h->slot)};
  JSValueRef exc = NULL;
  if (st->init_port) JSObjectCallAsFunction(a->ctx, st->init_port, NULL, 2, args, &exc);
  sp_port_set_waker(port, port_wake, h);
  return obj;
}

/* clone hooks: a MessagePort in a transfer list moves to the receiving thread */
static bool hook_is_port(JSContextRef ctx, JSValueRef v) { return JSValueIsObjectOfClass(ctx, v, port_class); }

static bool hook_is_detached(JSContextRef ctx, JSObjectRef obj) {
  port_handle_t *h = JSObjectGetPrivate(obj);
  return !h || !h->port || h->closing;
}

static void *hook_detach_port(JSContextRef ctx, JSObjectRef obj, JSValueRef *exc) {
  port_handle_t *h = JSObjectGetPrivate(obj);
  if (hook_is_detached(ctx, obj)) { /* checked when the transfer list was read: not expected here */
    *exc = sp_js_error(ctx, "Error", "ERR_INVALID_TRANSFER_OBJECT", "Found invalid object in transferList");
    return NULL;
  }
  sp_port_t *p = h->port;
  sp_port_set_waker(p, NULL, NULL);
  h->port = NULL; /* the reference moves into the message */
  h->started = false;
  /* As node, which closes the port it moves: the object left behind emits 'close' (in the
   * loop's closing phase) */
  queue_close(h);
  handle_release(h);
  handle_protect(h, false);
  return p;
}

static JSObjectRef hook_attach_port(JSContextRef ctx, void *handle) {
  return port_wrap(sp__agent_current(), handle);
}

static void hook_free_port(void *handle) { sp_port_unref(handle); }

static const sp_clone_port_hooks_t port_hooks = {
    .is_port = hook_is_port,
    .is_detached = hook_is_detached,
    .detach_port = hook_detach_port,
    .attach_port = hook_attach_port,
    .free_port = hook_free_port,
};

/* setup(MessagePort.prototype, hooks): once per agent, by internal/worker/io */
SP_FN(js_setup) {
  sp_agent_t *a = sp__agent_current();
  worker_state_t *st = state_of(a);
  if (st->port_proto) return SP_UNDEF;
  st->port_proto = (JSObjectRef)SP_ARG(0);
  st->hooks = (JSObjectRef)SP_ARG(1);
  JSValueProtect(ctx, st->port_proto);
  JSValueProtect(ctx, st->hooks);
  JSObjectRef *cached[] = {&st->deliver_message, &st->init_port, &st->live_port};
  const char *names[] = {"deliverMessage", "initPort", "livePort"};
  for (int i = 0; i < 3; i++) {
    JSValueRef f = sp_js_get(ctx, st->hooks, names[i]);
    if (!JSValueIsObject(ctx, f)) return sp_js_throw(ctx, exc, "TypeError", NULL, "worker hooks: %s missing", names[i]);
    *cached[i] = (JSObjectRef)f;
    JSValueProtect(ctx, f);
  }
  return SP_UNDEF;
}

SP_FN(js_create_channel) {
  sp_agent_t *a = sp__agent_current();
  sp_port_t *p, *q;
  if (sp_channel_new(&p, &q) != 0) return sp_js_throw(ctx, exc, "RangeError", NULL, "out of memory");
  /* one after the other: a port's place in the inbox's delivery order is when it is wrapped */
  JSValueRef ports[2];
  ports[0] = port_wrap(a, p);
  ports[1] = port_wrap(a, q);
  return JSObjectMakeArray(ctx, 2, ports, exc);
}

/* Whether msg carries the peer of port: it could only arrive inside its own queue. */
static bool carries_peer(sp_wire_msg_t *msg, sp_port_t *port) {
  for (uint32_t i = 0; i < msg->nside; i++)
    if (msg->side[i].kind == SP_WIRE_SIDE_PORT && sp_port_entangled(port, msg->side[i].handle)) return true;
  return false;
}

/* Posts msg (taken) on h's port, as postMessage does after cloning. Returns what node's
 * postMessage does: true; false when the peer is gone but this port has not closed yet;
 * undefined when the port is closed or was transferred away (the message is dropped
 * silently); null: the message carried the port's own peer, so it was dropped and the
 * channel closes (node warns of it: the caller does). */
static JSValueRef post_cloned(JSContextRef ctx, sp_agent_t *a, port_handle_t *h, sp_wire_msg_t *msg, JSValueRef *exc) {
  if (atomic_load(&a->terminate)) { /* a flood of posts must not outrun terminate() */
    sp_wire_msg_free(msg);
    *exc = sp__termination_exception(ctx);
    return SP_UNDEF;
  }
  if (!h->port || h->closing) {
    sp_wire_msg_free(msg);
    return SP_UNDEF;
  }
  if (msg->nside && carries_peer(msg, h->port)) {
    sp_wire_msg_free(msg); /* drops the peer's last reference: the channel closes, this port's 'close' follows */
    return JSValueMakeNull(ctx);
  }
  if (sp_port_post(h->port, &msg->link) != 0) return JSValueMakeBoolean(ctx, false); /* the peer is gone */
  sp__agent_spin(h->agent); /* a reply is likely: stay awake for it */
  return JSValueMakeBoolean(ctx, true);
}

/* What node's (native) MessagePort methods throw for a `this` that is no port. */
static JSValueRef not_a_port(JSContextRef ctx, JSValueRef *exc) {
  return sp_js_throw(ctx, exc, "TypeError", NULL, "Illegal invocation");
}

SP_FN(js_post_message) {
  sp_agent_t *a = sp__agent_current();
  if (atomic_load(&a->terminate)) { /* do not even clone once terminate() was asked */
    *exc = sp__termination_exception(ctx);
    return SP_UNDEF;
  }
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h) return not_a_port(ctx, exc);
  sp_wire_msg_t *msg = sp_clone_serialize_from(ctx, SP_ARG(1), SP_ARG(2), (JSObjectRef)SP_ARG(0), exc);
  return msg ? post_cloned(ctx, a, h, msg, exc) : SP_UNDEF;
}

/* postStaged(port): posts what the clone codec's writeDirect(value) just wrote (clone.h) */
SP_FN(js_post_staged) {
  /* its only caller, MessagePort.prototype.postMessage, passes `this` after checkPort */
  port_handle_t *h = argc > 0 ? handle_of_object(argv[0]) : NULL;
  if (!h) return not_a_port(ctx, exc);
  sp_wire_msg_t *msg = sp_clone_take_direct(ctx, exc);
  return msg ? post_cloned(ctx, sp__agent_current(), h, msg, exc) : SP_UNDEF;
}

SP_FN(js_start) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h) return not_a_port(ctx, exc);
  if (!h->port || h->started || h->closing) return SP_UNDEF; /* closing: what is queued is dropped */
  h->started = true;
  handle_protect(h, true);
  update_ref(h);
  sp__inbox_post(h->agent, &h->item); /* deliver what queued up before start */
  return SP_UNDEF;
}

SP_FN(js_stop) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h || !h->port) return SP_UNDEF;
  h->started = false;
  update_ref(h);
  handle_protect(h, false);
  return SP_UNDEF;
}

SP_FN(js_set_ref) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h) return not_a_port(ctx, exc);
  h->refed = JSValueToBoolean(ctx, SP_ARG(1));
  update_ref(h);
  return SP_UNDEF;
}

SP_FN(js_has_ref) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h) return not_a_port(ctx, exc);
  if (h->close_emitted && !h->port) return SP_UNDEF; /* closed for good: node's handle is gone */
  return JSValueMakeBoolean(ctx, h->counted);
}

SP_FN(js_close) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h || !h->port) return SP_UNDEF;
  h->closing = true;
  /* This side's 'close' comes in the loop's closing phase, and the channel closes only
   * then (close_phase_cb), so the peer learns of it after that, as node's does (its 'close'
   * comes a loop turn later, at the earliest). As node: until then the peer's posts still
   * arrive, receiveMessageOnPort still takes what is queued, and a close() in a 'message'
   * listener lets the rest of that delivery go on; otherwise no more 'message' events. */
  queue_close(h);
  if (!h->close_queued) sp_port_close(h->port); /* no closing phase to wait for (out of memory) */
  if (!h->delivering) h->started = false;
  return SP_UNDEF;
}

SP_FN(js_is_open) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h) return not_a_port(ctx, exc);
  return JSValueMakeBoolean(ctx, h->port);
}

/* receive(port, none): the next message's value, or `none` when there is none, synchronously
 * (receiveMessageOnPort wraps it in { message } in JS: two engine calls fewer here) */
SP_FN(js_receive) {
  /* its only caller, receiveMessageOnPort, passes an object that passed isMessagePort */
  port_handle_t *h = argc > 0 ? handle_of_object(argv[0]) : NULL;
  if (!h) return sp_js_throw(ctx, exc, "TypeError", "ERR_INVALID_ARG_TYPE",
                             "The \"port\" argument must be a MessagePort instance");
  sp_wire_msg_t *msg = h->port ? (sp_wire_msg_t *)sp_port_receive(h->port) : NULL;
  if (!msg) {
    /* all taken and the peer is gone: the 'close' that waited for them (deliver) comes now */
    if (h->port && !h->closing && sp_port_is_closed(h->port)) emit_close(h);
    return SP_ARG(1);
  }
  JSValueRef value = sp_clone_deserialize(ctx, msg, exc);
  sp_wire_msg_free(msg);
  return value ? value : SP_UNDEF;
}

/* drain(port): deliver everything queued now (before a worker's 'exit') */
SP_FN(js_drain) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h || !h->port) return SP_UNDEF;
  bool was = h->started;
  h->started = true;
  sp_agent_t *a = h->agent;
  while (h->port && sp_port_pending(h->port) > 0 && !a->exiting) {
    sp_wire_msg_t *msg = (sp_wire_msg_t *)sp_port_receive(h->port);
    if (!msg) break;
    JSValueRef e = NULL;
    sp_clone_deserialize_then(ctx, msg, state_of(a)->deliver_message, h->obj, &e);
    sp_wire_msg_free(msg);
    if (e) sp__agent_uncaught(a, e);
  }
  if (h->port) h->started = was;
  return SP_UNDEF;
}

/* ---- BroadcastChannel ----------------------------------------------------- */

/* bcOpen(name) -> [id, receiving port] */
SP_FN(js_bc_open) {
  char *name = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!name) return SP_UNDEF;
  uint64_t id;
  sp_port_t *reader;
  int rc = sp_broadcast_open(name, &id, &reader);
  free(name);
  if (rc) return sp_js_throw(ctx, exc, "RangeError", NULL, "out of memory");
  JSValueRef out[2] = {JSValueMakeNumber(ctx, (double)id), port_wrap(sp__agent_current(), reader)};
  return JSObjectMakeArray(ctx, 2, out, exc);
}

/* bcPost(id, value): a separate clone for every other subscriber, oldest first */
SP_FN(js_bc_post) {
  uint64_t id = (uint64_t)sp_js_num(ctx, SP_ARG(0));
  sp_port_t **peers;
  size_t n;
  if (sp_broadcast_peers(id, &peers, &n) != 0) return SP_UNDEF;
  size_t i = 0;
  for (; i < n; i++) {
    sp_wire_msg_t *msg = sp_clone_serialize(ctx, SP_ARG(1), NULL, exc);
    if (!msg) break;
    sp_port_post(peers[i], &msg->link);
  }
  for (size_t j = 0; j < n; j++) sp_port_unref(peers[j]);
  free(peers);
  if (n == 0) { /* nobody listens, but an uncloneable value still throws, as in node */
    sp_wire_msg_t *msg = sp_clone_serialize(ctx, SP_ARG(1), NULL, exc);
    sp_wire_msg_free(msg);
  }
  return SP_UNDEF;
}

SP_FN(js_bc_close) {
  sp_broadcast_close((uint64_t)sp_js_num(ctx, SP_ARG(0)));
  return SP_UNDEF;
}

/* ---- workers -------------------------------------------------------------- */

static void worker_request_terminate(sp_worker_t *w);
static sp_worker_t *worker_alloc(sp_agent_t *a, size_t stack_size, bool spare);

static void worker_unref(sp_worker_t *w) {
  if (atomic_fetch_sub(&w->refs, 1) != 1) return;
  job_free(&w->job);
  if (w->parent_port) sp_port_unref(w->parent_port);
  if (w->ctrl_port) sp_port_unref(w->ctrl_port);
  if (w->tm_reader) sp_port_unref(w->tm_reader);
  sp__env_free(w->env);
  uv_cond_destroy(&w->reuse_cond);
  uv_mutex_destroy(&w->lock);
  free(w);
}

/* ---- worker threads, the warm spare and reused threads ---------------------
 * Most of a worker's start-up is the engine's and the bootstrap's (≈ 85 %:
 * ENGINE.md), and most of that is compiling the builtin JS on first use in a
 * fresh VM. Two things hide it:
 * - The main thread keeps one worker thread booted ahead of need (the spare):
 *   the next `new Worker` with the default stack hands its job to that thread,
 *   which only has to run the job, and a new spare starts booting (after a
 *   burst of spawns, a while later: spare_ensure).
 * - A finished worker's thread keeps its VM and offers itself to the parent;
 *   taken, it makes a new realm (global object) in that VM, which finds the
 *   builtins already compiled (the VM's code cache: 3-5x faster), and waits
 *   as a spare. Nothing of the old realm is reachable from the new one; a realm
 *   that may have left work queued inside the engine is not reused
 *   (engine_reusable in jsc/agent.c).
 * At most SPARES_MAX threads wait; all but one retire after SPARE_RETIRE_MS.
 * Spares hold no reference on the loop and are terminated with their parent's
 * other children. SPINDLE_WARM_WORKER=0 turns both off. */
enum { DEFAULT_STACK = 4u << 20 };

static bool spare_enabled(void) {
  static int on = -1;
  if (on < 0) {
    const char *e = getenv("SPINDLE_WARM_WORKER");
    on = !(e && e[0] == '0');
  }
  return on;
}

static void wake_cb(uv_async_t *async) {
  sp_worker_t *w = async->data;
  sp_agent_t *a = w->agent;
  if (a && atomic_load(&w->terminate)) sp__agent_begin_exit(a, 1);
}

static bool spare_has_job(sp_worker_t *w) {
  uv_mutex_lock(&w->lock);
  bool done = w->handed_off || atomic_load(&w->terminate);
  uv_mutex_unlock(&w->lock);
  return done;
}

/* A spare that has idled this long collects its earlier realms' garbage: not
 * at once, where it would compete with a burst of spawns reusing the threads
 * just freed (spawn_burst: ~1 ms of CPU each, on the spawns' critical path);
 * a VM reused back to back collects every SP_GARBAGE_REALMS_MAX realms instead. */
enum { SPARE_IDLE_GC_MS = 20 };

static void spare_idle_gc_cb(uv_timer_t *t) { sp__agent_collect_garbage(t->data); }

/* A spare boots with no job: it loads what every job needs, then idles in its
 * loop (where the engine's GC timers can tidy up after the boot) until the
 * parent hands it a job through wake_async, or terminates it. */
static void spare_wait_for_job(sp_worker_t *w, sp_agent_t *a, int rc) {
  if (rc == 0 && !a->exiting && !spare_has_job(w)) sp__agent_prewarm_worker(a);
  uv_mutex_lock(&w->lock);
  w->ready = true;
  uv_mutex_unlock(&w->lock);
  /* closed with the rest of the loop when the agent goes */
  uv_timer_init(&a->loop, &w->gc_timer);
  w->gc_timer.data = a;
  if (rc == 0 && a->garbage_realms) uv_timer_start(&w->gc_timer, spare_idle_gc_cb, SPARE_IDLE_GC_MS, 0);
  uv_ref((uv_handle_t *)&w->wake_async);
  while (!a->exiting && !spare_has_job(w)) uv_run(&a->loop, UV_RUN_ONCE);
  uv_unref((uv_handle_t *)&w->wake_async);
  uv_timer_stop(&w->gc_timer);
  if (atomic_load(&w->terminate) || rc != 0 || a->exiting) return;
  a->boot_start_ns = a->boot_done_ns = uv_hrtime(); /* the worker is born now (nodeTiming) */
  /* what the bootstrap could not know yet */
  JSValueRef exc = NULL;
  JSValueRef b = sp__agent_binding(a, "worker", &exc);
  if (b && JSValueIsObject(a->ctx, b)) sp_js_set_num(a->ctx, (JSObjectRef)b, "threadId", (double)w->thread_id);
}

/* Thread side, job done and its exit reported: waits for the parent's answer
 * to the offer. Returns the spare record to go on as, or NULL: end the thread. */
static sp_worker_t *thread_offer_and_wait(sp_worker_t *w) {
  uv_mutex_lock(&w->lock);
  if (w->reuse == REUSE_NONE) w->reuse = REUSE_OFFERED;
  uv_mutex_unlock(&w->lock);
  uv_async_send(w->exit_async); /* the parent answers in exit_async_cb */
  uv_mutex_lock(&w->lock);
  while (w->reuse == REUSE_OFFERED) uv_cond_wait(&w->reuse_cond, &w->lock);
  sp_worker_t *next = w->reuse == REUSE_TAKEN ? w->successor : NULL;
  uv_mutex_unlock(&w->lock);
  return next;
}

/* Parent side: the thread will not be taken (or was not offered yet: it will not wait). */
static void reuse_decline(sp_worker_t *w) {
  uv_mutex_lock(&w->lock);
  if (w->reuse == REUSE_NONE || w->reuse == REUSE_OFFERED) {
    w->reuse = REUSE_DECLINED;
    uv_cond_signal(&w->reuse_cond);
  }
  uv_mutex_unlock(&w->lock);
}

static void worker_main(void *arg) {
  sp_worker_t *w = arg;
  /* process.argv comes with the job (init.argv, set by child.js): a spare boots
   * before it knows it, so every worker starts the same way */
  static char *boot_argv[] = {"spindle", NULL};
  sp_agent_options_t opts = {.argc = 1, .argv = boot_argv};
  sp__engine_t engine, *reuse = NULL;
  for (;;) {
    sp_agent_t *a = NULL;
    int rc = sp__agent_new_worker(&a, &opts, w, reuse);
    if (!a) { /* not even a loop (no descriptors left): the Worker gets ERR_WORKER_INIT_FAILED */
      w->init_error = rc;
      w->exit_code = 1;
      uv_async_send(w->exit_async);
      worker_unref(w);
      if (reuse) sp__engine_free(reuse);
      return;
    }
    uv_mutex_lock(&w->lock);
    w->agent = a;
    uv_async_init(&a->loop, &w->wake_async, wake_cb);
    w->wake_async.data = w;
    uv_unref((uv_handle_t *)&w->wake_async);
    w->wake_ready = true;
    uv_mutex_unlock(&w->lock);
    if (w->spare) spare_wait_for_job(w, a, rc);
    a->heap_limit = w->heap_limit;
    /* Stopped before its job began: node exits such a worker with code 0 (its
     * environment did not exist yet), not the 1 of a terminated running one. */
    if (atomic_load(&w->terminate)) sp__agent_begin_exit(a, 0);
    /* Likewise one whose heap is over its limit already (maxOldGenerationSizeMb: 0): node's
     * runs out of memory while it builds the environment, reports it, and exits with 0. */
    if (!a->exiting && rc == 0 && sp__agent_heap_limit_reached(a)) sp__agent_begin_exit(a, 0);
    if (rc == 0 && !a->exiting) {
      sp__agent_run_worker(a);
      sp_agent_run_loop(a);
      /* stopped by terminate() while only the engine ran (a loop of promise jobs): the
       * loop may end before it sees the request */
      if (!a->exiting && atomic_load(&w->terminate)) a->exit_code = 1;
    } else if (rc != 0) {
      a->exit_code = 1;
      w->init_error = rc;
    }
    int code = a->exit_code;
    w->out_of_memory = a->out_of_memory;
    uv_mutex_lock(&w->lock);
    w->wake_ready = false;
    w->agent = NULL;
    uv_mutex_unlock(&w->lock);
    /* both close wake_async with the rest of the loop */
    bool keep = false;
    if (rc == 0 && w->may_reuse) keep = sp__agent_free_keep_engine(a, &engine);
    else sp_agent_free(a);
    w->exit_code = code;
    sp_worker_t *next = NULL;
    if (keep) next = thread_offer_and_wait(w);
    else uv_async_send(w->exit_async);
    worker_unref(w);
    if (!next) {
      if (keep) sp__engine_free(&engine);
      return;
    }
    w = next;
    reuse = &engine;
  }
}

static void exit_async_close_cb(uv_handle_t *h) {
  sp_worker_t *w = h->data;
  free(h);
  worker_unref(w);
}

static void children_remove(worker_state_t *st, sp_worker_t *w) {
  for (sp_worker_t **pp = &st->children; *pp; pp = &(*pp)->next)
    if (*pp == w) {
      *pp = w->next;
      break;
    }
}

static void worker_join(sp_worker_t *w) {
  if (w->joined) return;
  reuse_decline(w);
  uv_thread_join(&w->thread);
  w->joined = true;
  if (w->stack_mem) munmap(w->stack_mem, w->stack_mem_len);
  w->stack_mem = NULL;
  children_remove(state_of(w->parent), w);
}

static void spares_remove(worker_state_t *st, sp_worker_t *w) {
  for (int i = 0; i < st->nspares; i++)
    if (st->spares[i] == w) {
      st->spares[i] = st->spares[--st->nspares];
      return;
    }
}

/* The extra spares go after a quiet while; the first stays (it is the warm spare). */
static void retire_cb(uv_timer_t *t) {
  worker_state_t *st = t->data;
  while (st->nspares > 1) worker_request_terminate(st->spares[--st->nspares]);
}

/* The pool's timers (retire, boot): made on first use, unref'd (a spare never
 * keeps the process alive), malloc'd because uv_close frees them later.
 * NULL when out of memory. */
static uv_timer_t *pool_timer(sp_agent_t *a, uv_timer_t **slot, void *data) {
  if (!*slot && (*slot = malloc(sizeof **slot))) {
    uv_timer_init(&a->loop, *slot);
    uv_unref((uv_handle_t *)*slot);
    (*slot)->data = data;
  }
  return *slot;
}

static void timer_close_cb(uv_handle_t *h) { free(h); }

static void pool_timer_close(uv_timer_t **slot) {
  if (*slot) uv_close((uv_handle_t *)*slot, timer_close_cb);
  *slot = NULL;
}

/* Parent side: a finished worker's thread offers itself as a spare. */
static bool spare_take_thread(sp_agent_t *a, sp_worker_t *w) {
  worker_state_t *st = state_of(a);
  if (a->exiting || !w->handed_off || st->nspares >= SPARES_MAX) return false;
  sp_worker_t *next = worker_alloc(a, w->stack_size, true);
  if (!next) return false;
  next->thread = w->thread; /* joined as `next` from now on */
  uv_unref((uv_handle_t *)next->exit_async);
  w->joined = true;
  children_remove(st, w);
  st->spares[st->nspares++] = next;
  /* a spare is back: a boot deferred after a burst is not needed (spare_ensure) */
  if (st->boot_timer) uv_timer_stop(st->boot_timer);
  if (st->nspares > 1 && pool_timer(a, &st->retire_timer, st))
    uv_timer_start(st->retire_timer, retire_cb, SPARE_RETIRE_MS, 0);
  uv_mutex_lock(&w->lock);
  w->successor = next;
  w->reuse = REUSE_TAKEN;
  uv_cond_signal(&w->reuse_cond);
  uv_mutex_unlock(&w->lock);
  return true;
}

static void exit_async_cb(uv_async_t *async) {
  sp_worker_t *w = async->data;
  sp_agent_t *a = w->parent;
  worker_state_t *st = state_of(a);
  spares_remove(st, w); /* died before it got a job */
  uv_mutex_lock(&w->lock);
  bool offered = w->reuse == REUSE_OFFERED, had_job = w->handed_off;
  uv_mutex_unlock(&w->lock);
  if (had_job) sp_threadmsg_unregister(w->thread_id); /* in case it ended before it ran (tm_register) */
  if (!offered || !spare_take_thread(a, w)) worker_join(w);
  JSObjectRef owner = w->owner;
  w->owner = NULL;
  if (owner) {
    JSValueRef args[4] = {owner, JSValueMakeNumber(a->ctx, w->exit_code), JSValueMakeBoolean(a->ctx, w->out_of_memory),
                          w->init_error ? sp_js_str(a->ctx, uv_err_name(w->init_error)) : JSValueMakeUndefined(a->ctx)};
    call_hook(a, "emitWorkerExit", 4, args);
    JSObjectSetPrivate(owner, NULL);
    JSValueUnprotect(a->ctx, owner);
  }
  uv_close((uv_handle_t *)async, exit_async_close_cb);
}

static void worker_request_terminate(sp_worker_t *w) {
  atomic_store(&w->terminate, true);
  uv_mutex_lock(&w->lock);
  if (w->agent) {
    atomic_store(&w->agent->terminate, true); /* the watchdog stops running JS */
    sp_park_interrupt(&w->agent->waiter);      /* and a blocked Atomics.wait returns */
  }
  if (w->wake_ready) uv_async_send(&w->wake_async);     /* an idle loop wakes and exits */
  uv_mutex_unlock(&w->lock);
}

void sp__worker_agent_teardown(sp_agent_t *a) {
  worker_state_t *st = a->worker_data;
  if (!st) return;
  tm_unregister(a, st);
  if (st->close_phase) st->close_phase->data = NULL; /* its callback only frees it */
  for (size_t i = 0; i < st->nclosing; i++) JSValueUnprotect(a->ctx, st->closing[i]);
  free(st->closing);
  st->nspares = 0;
  pool_timer_close(&st->retire_timer);
  pool_timer_close(&st->boot_timer);
  for (sp_worker_t *w = st->children; w; w = w->next) worker_request_terminate(w);
  while (st->children) {
    sp_worker_t *w = st->children;
    worker_join(w);
    if (w->owner) {
      JSObjectSetPrivate(w->owner, NULL);
      JSValueUnprotect(a->ctx, w->owner);
      w->owner = NULL;
    }
    if (!uv_is_closing((uv_handle_t *)w->exit_async))
      uv_close((uv_handle_t *)w->exit_async, exit_async_close_cb);
  }
  /* Ports die with their VM: release them now, while the loop and context exist;
   * the finalizers that run when the VM goes find nothing left to do. */
  while (st->handles) {
    port_handle_t *h = st->handles;
    handle_release(h);
    handle_protect(h, false);
    handle_unlink(h);
  }
  if (st->port_proto) JSValueUnprotect(a->ctx, st->port_proto);
  if (st->hooks) JSValueUnprotect(a->ctx, st->hooks);
  JSObjectRef cached[] = {st->deliver_message, st->init_port, st->live_port};
  for (int i = 0; i < 3; i++)
    if (cached[i]) JSValueUnprotect(a->ctx, cached[i]);
  free(st->free_slots);
  free(st);
  a->worker_data = NULL;
}

static sp_worker_t *worker_of(JSContextRef ctx, JSValueRef v) {
  if (!JSValueIsObjectOfClass(ctx, v, worker_class)) return NULL;
  return JSObjectGetPrivate((JSObjectRef)v);
}

/* A worker record with its exit signal on the parent's loop; the thread is not started. */
static sp_worker_t *worker_alloc(sp_agent_t *a, size_t stack_size, bool spare) {
  sp_worker_t *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  atomic_init(&w->refs, 2);
  uv_mutex_init(&w->lock);
  uv_cond_init(&w->reuse_cond);
  w->parent = a;
  w->spare = spare;
  /* only the main thread keeps spares, of the default stack size */
  w->may_reuse = !a->worker && stack_size == DEFAULT_STACK && spare_enabled();
  w->stack_size = stack_size;
  w->exit_async = malloc(sizeof *w->exit_async);
  uv_async_init(&a->loop, w->exit_async, exit_async_cb);
  w->exit_async->data = w;
  worker_state_t *st = state_of(a);
  w->next = st->children;
  st->children = w;
  return w;
}

static void *worker_main_pthread(void *arg) {
  worker_main(arg);
  return NULL;
}

/* The C library keeps a thread's own data (its static TLS) at the top of a stack it is
 * given; ThreadSanitizer's is ~900 KB. Room for it comes on top of the size asked. */
#if defined(__SANITIZE_THREAD__)
enum { STACK_TLS_ROOM = 1u << 20 };
#else
enum { STACK_TLS_ROOM = 32u << 10 };
#endif

/* A thread of resourceLimits.stackSizeMb gets a stack made for it: the C library would
 * hand it the cached stack of an ended thread of up to 4x the size asked, and the engine
 * takes the stack it finds. The default size takes the library's stacks (such a thread
 * may serve several workers: worker_main). */
static int thread_with_own_stack(sp_worker_t *w) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t len = (w->stack_size + STACK_TLS_ROOM + page - 1) / page * page + page; /* a guard page below */
  void *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (mem == MAP_FAILED) return UV_ENOMEM;
  mprotect(mem, page, PROT_NONE);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, (char *)mem + page, len - page);
  int rc = pthread_create(&w->thread, &attr, worker_main_pthread, w);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    munmap(mem, len);
    return -rc;
  }
  w->stack_mem = mem;
  w->stack_mem_len = len;
  return 0;
}

static int worker_start(sp_worker_t *w) {
  uv_thread_options_t topts = {.flags = UV_THREAD_HAS_STACK_SIZE, .stack_size = w->stack_size};
  int rc = UV_EINVAL;
  if (w->stack_size != DEFAULT_STACK) rc = thread_with_own_stack(w);
  /* the default size, or a stack the C library refused: its own stacks */
  if (rc == UV_EINVAL) rc = uv_thread_create_ex(&w->thread, &topts, worker_main, w);
  if (rc != 0) { /* undo worker_alloc */
    children_remove(state_of(w->parent), w);
    w->joined = true;
    uv_close((uv_handle_t *)w->exit_async, exit_async_close_cb);
    worker_unref(w); /* the thread's reference */
  }
  return rc;
}

static void spare_boot_cb(uv_timer_t *t);

/* Boots a spare if none is left, now or (defer) a while later. A spare's boot
 * in a fresh VM costs ~7 ms of CPU: right after a burst of spawns it would
 * compete with the burst's own workers, and if those are terminated soon
 * their threads come back as spares anyway (spawn_burst: ~20 % less CPU). A
 * lone spawn boots the next spare at once, so spawns tens of ms apart each
 * find one ready. */
static void spare_ensure(sp_agent_t *a, bool defer) {
  worker_state_t *st = state_of(a);
  if (st->nspares > 0 || a->worker || a->exiting || !spare_enabled()) return;
  if (defer && pool_timer(a, &st->boot_timer, a)) { /* out of memory: boot now */
    if (!uv_is_active((uv_handle_t *)st->boot_timer)) uv_timer_start(st->boot_timer, spare_boot_cb, SPARE_BOOT_DEFER_MS, 0);
    return;
  }
  if (st->boot_timer) uv_timer_stop(st->boot_timer);
  sp_worker_t *w = worker_alloc(a, DEFAULT_STACK, true);
  if (!w) return;
  uv_unref((uv_handle_t *)w->exit_async); /* a spare never keeps the process alive */
  if (worker_start(w) == 0) st->spares[st->nspares++] = w;
}

static void spare_boot_cb(uv_timer_t *t) { spare_ensure(t->data, false); }

/* The spare for a job with this stack size, out of the pool: a ready one first. */
static sp_worker_t *spare_take(worker_state_t *st, size_t stack_size) {
  int pick = -1;
  for (int i = 0; i < st->nspares; i++) {
    sp_worker_t *w = st->spares[i];
    if (w->stack_size != stack_size) continue;
    uv_mutex_lock(&w->lock);
    bool ready = w->ready;
    uv_mutex_unlock(&w->lock);
    if (pick < 0 || ready) pick = i;
    if (ready) break;
  }
  if (pick < 0) return NULL;
  sp_worker_t *w = st->spares[pick];
  spares_remove(st, w);
  return w;
}
/* spawn(argv, execArgv, file, flags, limits, data, transferList, stackSizeMb, heapLimitMb)
 *   -> [handle, threadId, parentSidePort, ctrlPort]
 * The job's fields as worker_job_t has them (argv and execArgv arrays of strings, limits an
 * array of 4 numbers, flags JOB_*); `data` ({ workerData, environmentData, env } or
 * undefined) is cloned with transferList. Without JOB_ENV_SHARED or JOB_ENV_GIVEN the
 * worker's process.env is a copy of the C environment made here. */
SP_FN(js_spawn) {
  sp_agent_t *a = sp__agent_current();
  uv_once(&classes_once, create_classes);
  worker_job_t job = {0};
  job.flags = (int)sp_js_num(ctx, SP_ARG(3));
  if (!JSValueIsUndefined(ctx, SP_ARG(5)) || !JSValueIsUndefined(ctx, SP_ARG(6))) {
    job.data = sp_clone_serialize(ctx, SP_ARG(5), SP_ARG(6), exc);
    if (!job.data) return SP_UNDEF;
  }
  if (!strings_of(ctx, SP_ARG(0), &job.argv, &job.argc, exc) ||
      !strings_of(ctx, SP_ARG(1), &job.exec_argv, &job.exec_argc, exc) ||
      !(job.file = JSValueToStringCopy(ctx, SP_ARG(2), exc))) {
    job_free(&job);
    if (*exc) return SP_UNDEF;
    return sp_js_throw(ctx, exc, "Error", "ERR_WORKER_INIT_FAILED", "Worker initialization failure: out of memory");
  }
  if (JSValueIsObject(ctx, SP_ARG(4))) {
    JSObjectRef limits = (JSObjectRef)SP_ARG(4);
    for (unsigned i = 0; i < 4; i++) job.limits[i] = sp_js_num(ctx, JSObjectGetPropertyAtIndex(ctx, limits, i, NULL));
  }
  double stack_mb = sp_js_num(ctx, SP_ARG(7));
  size_t stack_size = stack_mb > 0 ? (size_t)(stack_mb * 1024 * 1024) : DEFAULT_STACK;
  if (stack_size < (256u << 10)) stack_size = 256u << 10;
  double heap_mb = sp_js_num(ctx, SP_ARG(8));

  /* A warm one takes the job; not one with a heap limit: a reused VM may still
   * hold its earlier realms' garbage, which the limit's heap samples would count. */
  sp_worker_t *w = heap_mb >= 0 ? NULL : spare_take(state_of(a), stack_size);
  if (w) uv_ref((uv_handle_t *)w->exit_async);
  bool fresh = w == NULL;
  if (fresh && !(w = worker_alloc(a, stack_size, false))) {
    job_free(&job);
    return sp_js_throw(ctx, exc, "Error", "ERR_WORKER_INIT_FAILED", "Worker initialization failure: out of memory");
  }
  sp_port_t *pub_parent, *ctrl_parent;
  uv_mutex_lock(&w->lock);
  w->job = job;
  w->thread_id = atomic_fetch_add(&next_thread_id, 1);
  /* heap_mb < 0: no limit; 0 MB is a limit no heap is under (node's worker dies as it starts) */
  double heap_bytes = heap_mb * 1024 * 1024;
  w->heap_limit = !(heap_mb >= 0) ? 0 : heap_bytes >= (double)(SIZE_MAX / 2) ? SIZE_MAX / 2 : (size_t)heap_bytes + 1;
  if (!(job.flags & (JOB_ENV_SHARED | JOB_ENV_GIVEN))) w->env = sp__env_snapshot();
  sp_channel_new(&pub_parent, &w->parent_port);
  sp_channel_new(&ctrl_parent, &w->ctrl_port);
  w->tm_reader = tm_open(w->thread_id);
  w->handed_off = true;
  if (w->wake_ready) uv_async_send(&w->wake_async); /* a waiting spare wakes up */
  uv_mutex_unlock(&w->lock);
  JSObjectRef handle = JSObjectMake(ctx, worker_class, w);
  w->owner = handle;
  JSValueProtect(ctx, handle);
  int rc = fresh ? worker_start(w) : 0;
  if (rc != 0) {
    sp_threadmsg_unregister(w->thread_id); /* listed above: nobody will read what is sent to it */
    JSValueUnprotect(ctx, handle);
    JSObjectSetPrivate(handle, NULL);
    sp_port_unref(pub_parent);
    sp_port_unref(ctrl_parent);
    return sp_js_throw(ctx, exc, "Error", "ERR_WORKER_INIT_FAILED", "Worker initialization failure: %s",
                       uv_strerror(rc));
  }
  /* The control port first, as node's internal port comes before the public one: of what a
   * worker sent in one go, its errors and output are delivered before its messages. */
  JSObjectRef ctrl_obj = port_wrap(a, ctrl_parent);
  JSObjectRef pub_obj = port_wrap(a, pub_parent);
  JSValueRef out[4] = {handle, JSValueMakeNumber(ctx, (double)w->thread_id), pub_obj, ctrl_obj};
  uint64_t now = uv_hrtime();
  worker_state_t *st = state_of(a);
  spare_ensure(a, now - st->last_spawn_ns < SPARE_BURST_GAP_NS);
  st->last_spawn_ns = now;
  return JSObjectMakeArray(ctx, 4, out, exc);
}

SP_FN(js_terminate) {
  sp_worker_t *w = worker_of(ctx, SP_ARG(0));
  if (w) worker_request_terminate(w);
  return SP_UNDEF;
}

SP_FN(js_worker_ref) {
  sp_worker_t *w = worker_of(ctx, SP_ARG(0));
  if (!w || !w->exit_async) return SP_UNDEF;
  if (JSValueToBoolean(ctx, SP_ARG(1))) uv_ref((uv_handle_t *)w->exit_async);
  else uv_unref((uv_handle_t *)w->exit_async);
  return SP_UNDEF;
}

SP_FN(js_worker_has_ref) {
  sp_worker_t *w = worker_of(ctx, SP_ARG(0));
  return JSValueMakeBoolean(ctx, w && w->exit_async && uv_has_ref((uv_handle_t *)w->exit_async));
}

/* workerLoopTimes(handle): [loopStart, loopIdleTime] of the worker's loop (ms, see
 * sp__agent_loop_start_ms), for worker.performance.eventLoopUtilization(); [-1, 0]
 * while it has not started or once it ended. Under the lock, the agent cannot go. */
SP_FN(js_worker_loop_times) {
  sp_worker_t *w = worker_of(ctx, SP_ARG(0));
  double start = -1, idle = 0;
  if (w) {
    uv_mutex_lock(&w->lock);
    if (w->agent) {
      start = sp__agent_loop_start_ms(w->agent);
      idle = sp__agent_loop_idle_ms(w->agent);
    }
    uv_mutex_unlock(&w->lock);
  }
  JSValueRef v[2] = {JSValueMakeNumber(ctx, start), JSValueMakeNumber(ctx, idle)};
  return JSObjectMakeArray(ctx, 2, v, exc);
}

/* jobEnv(): inside a worker, the parent's environment copied at spawn, as an object */
SP_FN(js_job_env) {
  sp_agent_t *a = sp__agent_current();
  return sp__env_object(ctx, a->worker ? a->worker->env : NULL);
}

/* workerInit(): inside a worker, once: [argv, execArgv, file, flags, limits, data, parentPort,
 * ctrlPort] (see js_spawn; data is undefined when the parent sent none) */
SP_FN(js_worker_init) {
  sp_agent_t *a = sp__agent_current();
  sp_worker_t *w = a->worker;
  if (!w || !w->parent_port) return SP_UNDEF;
  worker_job_t *job = &w->job;
  a->track_fds = !(job->flags & JOB_KEEP_FDS);
  /* in node's order of the worker's ports (their place in the inbox's delivery order): the
   * internal one, the public one, then those workerData carries */
  JSObjectRef ctrl_obj = port_wrap(a, w->ctrl_port);
  JSObjectRef parent_obj = port_wrap(a, w->parent_port);
  w->parent_port = w->ctrl_port = NULL; /* the wrappers own them now */
  JSValueRef data = SP_UNDEF;
  if (job->data) {
    data = sp_clone_deserialize(ctx, job->data, exc);
    sp_wire_msg_free(job->data);
    job->data = NULL;
    if (!data) return SP_UNDEF;
  }
  JSValueRef limits[4];
  for (int i = 0; i < 4; i++) limits[i] = JSValueMakeNumber(ctx, job->limits[i]);
  JSObjectRef argv_arr = array_of_strings(ctx, job->argv, job->argc, exc);
  JSObjectRef exec_argv_arr = argv_arr ? array_of_strings(ctx, job->exec_argv, job->exec_argc, exc) : NULL;
  if (!exec_argv_arr) return *exc ? SP_UNDEF : sp_js_throw(ctx, exc, "RangeError", NULL, "out of memory");
  JSValueRef out[8] = {argv_arr,
                       exec_argv_arr,
                       JSValueMakeString(ctx, job->file),
                       JSValueMakeNumber(ctx, job->flags),
                       JSObjectMakeArray(ctx, 4, limits, exc),
                       data,
                       parent_obj,
                       ctrl_obj};
  job_free(job);
  tm_register(a, w->thread_id, w->tm_reader);
  w->tm_reader = NULL;
  return JSObjectMakeArray(ctx, 8, out, exc);
}

/* postOnline(ctrl): posts { type: 'online' } on the worker's control port. Its bytes are
 * written here: every worker sends it, before its clone code has run even once. */
SP_FN(js_post_online) {
  port_handle_t *h = handle_of(ctx, SP_ARG(0));
  if (!h) return not_a_port(ctx, exc);
  uint8_t bytes[32];
  sp_wbuf_t wb;
  sp_wbuf_init_on(&wb, bytes, sizeof bytes);
  sp_wbuf_u8(&wb, SP_WIRE_VERSION);
  sp_wbuf_u8(&wb, SP_WIRE_TAG_OBJECT);
  sp_wbuf_string8(&wb, (const uint8_t *)"type", 4);
  sp_wbuf_string8(&wb, (const uint8_t *)"online", 6);
  sp_wbuf_u8(&wb, SP_WIRE_TAG_END);
  sp_wire_msg_t *msg = sp_wire_msg_from_wbuf(&wb, NULL, 0);
  if (!msg) return sp_js_throw(ctx, exc, "RangeError", NULL, "out of memory");
  return post_cloned(ctx, sp__agent_current(), h, msg, exc);
}

/* threadInbox(): this thread's postMessageToThread inbox as a MessagePort, once */
SP_FN(js_thread_inbox) {
  sp_agent_t *a = sp__agent_current();
  worker_state_t *st = state_of(a);
  if (!st->tm_reader) return SP_UNDEF;
  sp_port_t *reader = st->tm_reader;
  st->tm_reader = NULL;
  return port_wrap(a, reader); /* its waker replaces tm_wake */
}

/* threadPost(threadId, message, transferList): false when no thread of that id receives */
SP_FN(js_thread_post) {
  double id = JSValueIsNumber(ctx, SP_ARG(0)) ? JSValueToNumber(ctx, SP_ARG(0), NULL) : -1;
  if (!(id >= 0 && id <= 9007199254740991.0 && id == (double)(uint64_t)id)) return JSValueMakeBoolean(ctx, false);
  sp_port_t *writer = sp_threadmsg_writer((uint64_t)id);
  if (!writer) return JSValueMakeBoolean(ctx, false); /* looked up first: nothing is detached for nothing */
  sp_wire_msg_t *msg = sp_clone_serialize(ctx, SP_ARG(1), SP_ARG(2), exc);
  int rc = msg ? sp_port_post(writer, &msg->link) : -1;
  sp_port_unref(writer);
  return msg ? JSValueMakeBoolean(ctx, rc == 0) : SP_UNDEF;
}

static void install_port_hooks(void) { sp_clone_set_port_hooks(&port_hooks); }

void sp_mod_worker_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  static uv_once_t hooks_once = UV_ONCE_INIT; /* once: threads set up this binding concurrently */
  uv_once(&classes_once, create_classes);
  uv_once(&hooks_once, install_port_hooks);
  sp_js_fn(ctx, t, "setup", js_setup);
  sp_js_fn(ctx, t, "createChannel", js_create_channel);
  sp_js_fn(ctx, t, "postMessage", js_post_message);
  sp_js_fn(ctx, t, "postStaged", js_post_staged);
  sp_js_fn(ctx, t, "start", js_start);
  sp_js_fn(ctx, t, "stop", js_stop);
  sp_js_fn(ctx, t, "setRef", js_set_ref);
  sp_js_fn(ctx, t, "hasRef", js_has_ref);
  sp_js_fn(ctx, t, "close", js_close);
  sp_js_fn(ctx, t, "isOpen", js_is_open);
  sp_js_fn(ctx, t, "receive", js_receive);
  sp_js_fn(ctx, t, "drain", js_drain);
  sp_js_fn(ctx, t, "bcOpen", js_bc_open);
  sp_js_fn(ctx, t, "bcPost", js_bc_post);
  sp_js_fn(ctx, t, "bcClose", js_bc_close);
  sp_js_fn(ctx, t, "spawn", js_spawn);
  sp_js_fn(ctx, t, "terminate", js_terminate);
  sp_js_fn(ctx, t, "setWorkerRef", js_worker_ref);
  sp_js_fn(ctx, t, "workerHasRef", js_worker_has_ref);
  sp_js_fn(ctx, t, "workerLoopTimes", js_worker_loop_times);
  sp_js_fn(ctx, t, "workerInit", js_worker_init);
  sp_js_fn(ctx, t, "postOnline", js_post_online);
  sp_js_fn(ctx, t, "jobEnv", js_job_env);
  sp_js_fn(ctx, t, "threadInbox", js_thread_inbox);
  sp_js_fn(ctx, t, "threadPost", js_thread_post);
  if (!a->worker) tm_register(a, 0, NULL); /* the main thread's id; a worker's comes with its job */
  sp_js_set(ctx, t, "isMainThread", JSValueMakeBoolean(ctx, a->worker == NULL));
  sp_js_set_num(ctx, t, "threadId", a->worker ? (double)a->worker->thread_id : 0);
}
