/* binding('atomics'): spindle's SharedArrayBuffer and Atomics.wait / notify /
 * waitAsync (the JS half is src/js/internal/shared.js).
 *
 * The engine cannot share its own SharedArrayBuffer between VMs, so a shared
 * buffer here is a core block (core/shm.h) wrapped in each VM as an
 * external-memory ArrayBuffer whose prototype is spindle's
 * SharedArrayBuffer.prototype; the engine's deallocator drops the VM's
 * reference. The engine's Atomics arithmetic works on those bytes as is; the
 * waiting operations go through the process-wide parking lot (core/parking.h),
 * which terminate() can interrupt.
 *
 * waitAsync waiters belong to the agent that created them: the parking lot
 * wakes them with uv_async_send, the agent's loop resolves their promises.
 * As in node, a pending waitAsync does not keep the loop alive: a thread with
 * nothing else to do exits and its promise never settles. */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/parking.h"
#include "core/shm.h"
#include "jsc/clone.h"
#include "mod/modules.h"

typedef struct async_waiter {
  sp_waiter_t w;                /* first: the parking lot hands back &w */
  struct async_waiter *next;    /* in the agent's pending list (agent thread) */
  sp_agent_t *agent;
  JSObjectRef resolve;          /* protected */
  uv_timer_t *timer;            /* NULL without a timeout */
  sp_shm_t *block;              /* keeps the address meaningful while waiting */
  atomic_uint_least64_t woken;  /* when notified: its place in the process's order of wake-ups */
  bool settled;
} async_waiter_t;

/* Wake-ups of async waiters in the order notify() made them (from any thread): their
 * promises settle in that order, as V8 queues them. */
static atomic_uint_least64_t wake_order = 1;

typedef struct atomics_state {
  JSObjectRef sab_proto; /* protected */
  uv_async_t async;
  async_waiter_t *pending;
} atomics_state_t;

static void dealloc_block(void *bytes, void *block) {
  (void)bytes;
  sp_shm_unref(block);
}

static atomics_state_t *state_of(sp_agent_t *a) { return a->atomics_data; }
static atomics_state_t *ensure_state(sp_agent_t *a);

/* Wraps a block (taking over one reference) as a SharedArrayBuffer of ctx's VM. */
static JSObjectRef wrap_block(JSContextRef ctx, sp_shm_t *b, JSValueRef *exc) {
  sp_agent_t *a = sp__agent_current();
  JSObjectRef ab = JSObjectMakeArrayBufferWithBytesNoCopy(ctx, b->data, b->len, dealloc_block, b, exc);
  if (!ab) {
    sp_shm_unref(b);
    return NULL;
  }
  atomics_state_t *st = ensure_state(a);
  if (!st->sab_proto) { /* first shared buffer this VM sees: load SharedArrayBuffer */
    JSObjectRef load = sp__agent_hook(a, "loadBuiltin");
    JSValueRef id = sp_js_str(ctx, "internal/shared");
    if (load) JSObjectCallAsFunction(ctx, load, NULL, 1, &id, NULL);
  }
  if (st->sab_proto) JSObjectSetPrototype(ctx, ab, st->sab_proto);
  return ab;
}

/* ---- clone hooks: shared buffers travel by reference ---------------------- */
static bool is_sab(JSContextRef ctx, JSObjectRef obj) {
  sp_agent_t *a = sp__agent_current();
  atomics_state_t *st = a ? state_of(a) : NULL;
  /* prototype first: taking the bytes pointer of an ordinary buffer would pin it */
  return st && st->sab_proto && JSValueIsStrictEqual(ctx, JSObjectGetPrototype(ctx, obj), st->sab_proto);
}

static void *hook_get_shared(JSContextRef ctx, JSObjectRef obj, size_t *len) {
  if (!is_sab(ctx, obj)) return NULL;
  void *p = JSObjectGetArrayBufferBytesPtr(ctx, obj, NULL);
  sp_shm_t *b = p ? sp_shm_lookup(p) : NULL;
  if (b) *len = b->len;
  return b;
}

static JSObjectRef hook_wrap_shared(JSContextRef ctx, void *block, size_t len, JSValueRef *exc) {
  (void)len;
  return wrap_block(ctx, block, exc);
}

static void hook_free_shared(void *block) { sp_shm_unref(block); }

static const sp_clone_shared_hooks_t shared_hooks = {
    .get_shared = hook_get_shared,
    .wrap_shared = hook_wrap_shared,
    .free_shared = hook_free_shared,
};

/* ---- waitAsync ------------------------------------------------------------- */
static void waiter_free(async_waiter_t *aw) {
  sp_waiter_destroy(&aw->w);
  free(aw);
}

static void waiter_free_cb(uv_handle_t *h) {
  waiter_free(h->data);
  free(h);
}

static void settle(async_waiter_t *aw, const char *result) {
  if (aw->settled) return;
  aw->settled = true;
  sp_agent_t *a = aw->agent;
  atomics_state_t *st = state_of(a);
  for (async_waiter_t **pp = &st->pending; *pp; pp = &(*pp)->next)
    if (*pp == aw) {
      *pp = aw->next;
      break;
    }
  JSValueRef v = sp_js_str(a->ctx, result);
  JSObjectRef resolve = aw->resolve;
  aw->resolve = NULL;
  sp_shm_unref(aw->block);
  aw->block = NULL;
  if (aw->timer) {
    uv_timer_stop(aw->timer);
    aw->timer->data = aw;
    uv_close((uv_handle_t *)aw->timer, waiter_free_cb); /* frees aw after the timer */
    aw->timer = NULL;
  } else {
    waiter_free(aw);
  }
  if (resolve && !a->exiting) sp__agent_callback(a, resolve, NULL, 1, &v);
  if (resolve) JSValueUnprotect(a->ctx, resolve);
}

static void wake_async(sp_waiter_t *w) {
  async_waiter_t *aw = (async_waiter_t *)w;
  atomic_store(&aw->woken, atomic_fetch_add(&wake_order, 1));
  uv_async_send(&state_of(aw->agent)->async); /* any thread: only signal */
}

static int by_wake_order(const void *x, const void *y) {
  uint64_t a = atomic_load(&(*(async_waiter_t *const *)x)->woken);
  uint64_t b = atomic_load(&(*(async_waiter_t *const *)y)->woken);
  return a < b ? -1 : a > b;
}

/* Settles the woken waiters in the order they were woken. (A waiter is notified before its
 * wake callback numbers it: one not numbered yet is left for that callback's signal.) The
 * JS a settlement runs may add waiters (left for the next signal) but settles none: only
 * this callback, the waiters' timers and the agent's teardown do. */
static void async_cb(uv_async_t *h) {
  sp_agent_t *a = h->loop->data;
  atomics_state_t *st = state_of(a);
  size_t n = 0;
  for (async_waiter_t *aw = st->pending; aw; aw = aw->next) n += atomic_load(&aw->woken) != 0;
  if (n == 0) return;
  async_waiter_t **woken = malloc(n * sizeof *woken);
  if (!woken) return;
  size_t k = 0;
  for (async_waiter_t *aw = st->pending; aw && k < n; aw = aw->next)
    if (atomic_load(&aw->woken) != 0) woken[k++] = aw;
  qsort(woken, k, sizeof *woken, by_wake_order);
  for (size_t i = 0; i < k; i++) settle(woken[i], "ok");
  free(woken);
}

static void timeout_cb(uv_timer_t *t) {
  async_waiter_t *aw = t->data;
  settle(aw, sp_park_cancel(&aw->w) ? "timed-out" : "ok");
}

/* ---- JS functions ------------------------------------------------------------ */
static atomics_state_t *ensure_state(sp_agent_t *a) {
  if (!a->atomics_data) {
    atomics_state_t *st = calloc(1, sizeof *st);
    uv_async_init(&a->loop, &st->async, async_cb);
    uv_unref((uv_handle_t *)&st->async);
    a->atomics_data = st;
  }
  return a->atomics_data;
}

/* setup(SharedArrayBuffer.prototype) */
SP_FN(js_setup) {
  atomics_state_t *st = ensure_state(sp__agent_current());
  if (!st->sab_proto && JSValueIsObject(ctx, SP_ARG(0))) {
    st->sab_proto = (JSObjectRef)SP_ARG(0);
    JSValueProtect(ctx, st->sab_proto);
  }
  return SP_UNDEF;
}

/* sabNew(length): a zero-filled shared buffer */
SP_FN(js_sab_new) {
  double len = sp_js_num(ctx, SP_ARG(0));
  if (!(len >= 0) || len > 4294967296.0 * 4) return sp_js_throw(ctx, exc, "RangeError", NULL, "Invalid array buffer length");
  sp_shm_t *b = sp_shm_new((size_t)len);
  if (!b) return sp_js_throw(ctx, exc, "RangeError", "ERR_MEMORY_ALLOCATION_FAILED", "Array buffer allocation failed");
  return wrap_block(ctx, b, exc);
}

/* The block behind a spindle SharedArrayBuffer, with a reference, or NULL. */
static sp_shm_t *block_of(JSContextRef ctx, JSValueRef v) {
  if (!JSValueIsObject(ctx, v) || !is_sab(ctx, (JSObjectRef)v)) return NULL;
  void *p = JSObjectGetArrayBufferBytesPtr(ctx, (JSObjectRef)v, NULL);
  return p ? sp_shm_lookup(p) : NULL;
}

/* address of a validated (buffer, byteIndex, size) cell with the block ref'd */
static void *cell_of(JSContextRef ctx, const JSValueRef argv[], size_t argc, sp_shm_t **block, int *size) {
  sp_shm_t *b = block_of(ctx, SP_ARG(0));
  if (!b) return NULL;
  double off = sp_js_num(ctx, SP_ARG(1));
  *size = (int)sp_js_num(ctx, SP_ARG(2));
  if ((*size != 4 && *size != 8) || !(off >= 0) || off + *size > (double)b->len || fmod(off, *size) != 0) {
    sp_shm_unref(b);
    return NULL;
  }
  *block = b;
  return (char *)b->data + (size_t)off;
}

static int64_t expected_of(JSContextRef ctx, JSValueRef v, int size, JSValueRef *exc) {
  if (size == 8) return JSValueToInt64(ctx, v, exc);
  return (int64_t)JSValueToInt32(ctx, v, exc);
}

/* timeout in ms (already ToNumber'd, NaN → Infinity by the JS half) → ns, -1 = forever */
static int64_t timeout_ns_of(JSContextRef ctx, JSValueRef v) {
  double ms = sp_js_num(ctx, v);
  if (isinf(ms) || ms > 9.0e12) return -1;
  if (!(ms > 0)) return 0;
  return (int64_t)(ms * 1e6);
}

static const char *result_name(int r) {
  return r == SP_PARK_OK ? "ok" : r == SP_PARK_NOT_EQUAL ? "not-equal" : "timed-out";
}

/* wait(buffer, byteIndex, size, value, timeoutMs) */
SP_FN(js_wait) {
  sp_agent_t *a = sp__agent_current();
  sp_shm_t *b;
  int size;
  void *addr = cell_of(ctx, argv, argc, &b, &size);
  if (!addr) return sp_js_throw(ctx, exc, "TypeError", NULL, "Invalid shared memory cell");
  int64_t expected = expected_of(ctx, SP_ARG(3), size, exc);
  int r = *exc ? SP_PARK_NOT_EQUAL : sp_park_wait(&a->waiter, addr, size, expected, timeout_ns_of(ctx, SP_ARG(4)));
  sp_shm_unref(b);
  if (*exc) return SP_UNDEF;
  if (r == SP_PARK_INTERRUPTED) { /* terminate(): unwind this thread's JS */
    *exc = sp__termination_exception(ctx);
    return SP_UNDEF;
  }
  return sp_js_str(ctx, result_name(r));
}

/* notify(buffer, byteIndex, size, count): woken waiters (0 for a non-shared buffer) */
SP_FN(js_notify) {
  sp_shm_t *b;
  int size;
  void *addr = cell_of(ctx, argv, argc, &b, &size);
  if (!addr) return JSValueMakeNumber(ctx, 0);
  double c = sp_js_num(ctx, SP_ARG(3));
  int64_t count = isinf(c) || c > 9.0e15 ? -1 : (int64_t)c;
  int64_t n = sp_park_notify(addr, count);
  sp_shm_unref(b);
  return JSValueMakeNumber(ctx, (double)n);
}

/* waitAsync(buffer, byteIndex, size, value, timeoutMs) -> 'not-equal' | 'timed-out' | Promise */
SP_FN(js_wait_async) {
  sp_agent_t *a = sp__agent_current();
  atomics_state_t *st = ensure_state(a);
  sp_shm_t *b;
  int size;
  void *addr = cell_of(ctx, argv, argc, &b, &size);
  if (!addr) return sp_js_throw(ctx, exc, "TypeError", NULL, "Invalid shared memory cell");
  int64_t expected = expected_of(ctx, SP_ARG(3), size, exc);
  int64_t tns = timeout_ns_of(ctx, SP_ARG(4));
  if (*exc) {
    sp_shm_unref(b);
    return SP_UNDEF;
  }
  async_waiter_t *aw = calloc(1, sizeof *aw);
  sp_waiter_init(&aw->w);
  aw->w.wake = wake_async;
  aw->agent = a;
  aw->block = b;
  int r = tns == 0 ? SP_PARK_TIMED_OUT : SP_PARK_NOT_EQUAL;
  /* a zero timeout still reports not-equal first, as the spec orders the checks */
  if (tns == 0) {
    int32_t v32 = 0;
    int64_t v64 = 0;
    if (size == 8) v64 = __atomic_load_n((int64_t *)addr, __ATOMIC_SEQ_CST);
    else v32 = __atomic_load_n((int32_t *)addr, __ATOMIC_SEQ_CST);
    if ((size == 8 ? v64 : v32) != (size == 8 ? expected : (int32_t)expected)) r = SP_PARK_NOT_EQUAL;
  } else {
    r = sp_park_enqueue(&aw->w, addr, size, expected);
  }
  if (r != SP_PARK_OK) {
    sp_waiter_destroy(&aw->w);
    sp_shm_unref(b);
    free(aw);
    return sp_js_str(ctx, result_name(r));
  }
  JSObjectRef resolve, reject;
  JSObjectRef promise = JSObjectMakeDeferredPromise(ctx, &resolve, &reject, exc);
  aw->resolve = resolve;
  JSValueProtect(ctx, resolve);
  aw->next = st->pending;
  st->pending = aw;
  if (tns > 0) {
    aw->timer = malloc(sizeof *aw->timer);
    uv_timer_init(&a->loop, aw->timer);
    aw->timer->data = aw;
    uint64_t ms = (uint64_t)((tns + 999999) / 1000000);
    uv_timer_start(aw->timer, timeout_cb, ms, 0);
    uv_unref((uv_handle_t *)aw->timer); /* node: a pending waitAsync holds nothing alive */
  }
  return promise;
}

void sp__atomics_agent_teardown(sp_agent_t *a) {
  atomics_state_t *st = a->atomics_data;
  if (!st) return;
  while (st->pending) {
    async_waiter_t *aw = st->pending;
    sp_park_cancel(&aw->w);
    if (aw->resolve) JSValueUnprotect(a->ctx, aw->resolve);
    aw->resolve = NULL; /* nobody is left to see the result */
    settle(aw, "timed-out");
  }
  uv_close((uv_handle_t *)&st->async, NULL);
  if (st->sab_proto) JSValueUnprotect(a->ctx, st->sab_proto);
  st->sab_proto = NULL;
}

void sp__atomics_agent_free(sp_agent_t *a) {
  free(a->atomics_data);
  a->atomics_data = NULL;
}

static void install_shared_hooks(void) { sp_clone_set_shared_hooks(&shared_hooks); }

void sp_mod_atomics_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  static uv_once_t hooks_once = UV_ONCE_INIT; /* once: threads set up this binding concurrently */
  ensure_state(a);
  uv_once(&hooks_once, install_shared_hooks);
  sp_js_fn(ctx, t, "setup", js_setup);
  sp_js_fn(ctx, t, "sabNew", js_sab_new);
  sp_js_fn(ctx, t, "wait", js_wait);
  sp_js_fn(ctx, t, "notify", js_notify);
  sp_js_fn(ctx, t, "waitAsync", js_wait_async);
}
