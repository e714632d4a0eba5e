/* See parking.h. */
#include "core/parking.h"

#include "core/cpu.h"

#include <errno.h>
#include <string.h>

#define NBUCKETS 256
typedef struct bucket {
  uv_mutex_t lock;
  sp_waiter_t *head, *tail;
} bucket_t;

static bucket_t buckets[NBUCKETS];
static uv_once_t once = UV_ONCE_INIT;

static void init_buckets(void) {
  for (int i = 0; i < NBUCKETS; i++) uv_mutex_init(&buckets[i].lock);
}

static bucket_t *bucket_of(const void *addr) {
  uintptr_t a = (uintptr_t)addr >> 2;
  return &buckets[(a ^ (a >> 8)) % NBUCKETS];
}

int sp_waiter_init(sp_waiter_t *w) {
  uv_once(&once, init_buckets);
  memset(w, 0, sizeof *w);
  return uv_cond_init(&w->cond);
}

void sp_waiter_destroy(sp_waiter_t *w) { uv_cond_destroy(&w->cond); }

static bool value_equals(const void *addr, int size, int64_t expected) {
  if (size == 8) return __atomic_load_n((const int64_t *)addr, __ATOMIC_SEQ_CST) == expected;
  return __atomic_load_n((const int32_t *)addr, __ATOMIC_SEQ_CST) == (int32_t)expected;
}

static void enqueue(bucket_t *b, sp_waiter_t *w, const void *addr) {
  w->addr = addr;
  w->next = NULL;
  w->prev = b->tail;
  if (b->tail) b->tail->next = w;
  else b->head = w;
  b->tail = w;
  w->queued = true;
  atomic_store(&w->notified, false);
}

static void dequeue(bucket_t *b, sp_waiter_t *w) {
  if (!w->queued) return;
  if (w->prev) w->prev->next = w->next;
  else b->head = w->next;
  if (w->next) w->next->prev = w->prev;
  else b->tail = w->prev;
  w->prev = w->next = NULL;
  w->queued = false;
}

/* Spinning pays when the notifier is running on the other core right now;
 * about 2,000 pauses (a few microseconds) is the measured sweet spot. */
enum { SPIN_ITERATIONS = 2000 };

int sp_park_wait(sp_waiter_t *w, const void *addr, int size, int64_t expected, int64_t timeout_ns) {
  bucket_t *b = bucket_of(addr);
  uv_mutex_lock(&b->lock);
  if (!value_equals(addr, size, expected)) {
    uv_mutex_unlock(&b->lock);
    return SP_PARK_NOT_EQUAL;
  }
  if (timeout_ns == 0) {
    uv_mutex_unlock(&b->lock);
    return SP_PARK_TIMED_OUT;
  }
  w->wake = NULL;
  enqueue(b, w, addr);
  atomic_store(&w->bucket, b);
  uv_mutex_unlock(&b->lock);

  for (int i = 0; i < SPIN_ITERATIONS; i++) {
    if (atomic_load_explicit(&w->notified, memory_order_acquire) || atomic_load(&w->interrupted)) break;
    sp_cpu_relax();
  }

  uint64_t deadline = timeout_ns > 0 ? uv_hrtime() + (uint64_t)timeout_ns : 0;
  int result;
  uv_mutex_lock(&b->lock);
  for (;;) {
    if (atomic_load(&w->notified)) {
      result = SP_PARK_OK;
      break;
    }
    if (atomic_load(&w->interrupted)) {
      result = SP_PARK_INTERRUPTED;
      break;
    }
    if (timeout_ns < 0) {
      uv_cond_wait(&w->cond, &b->lock);
      continue;
    }
    uint64_t now = uv_hrtime();
    if (now >= deadline) {
      result = SP_PARK_TIMED_OUT;
      break;
    }
    uv_cond_timedwait(&w->cond, &b->lock, deadline - now); /* spurious or not, look again */
  }
  if (result != SP_PARK_OK) dequeue(b, w);
  atomic_store(&w->bucket, NULL);
  uv_mutex_unlock(&b->lock);
  return result;
}

int sp_park_enqueue(sp_waiter_t *w, const void *addr, int size, int64_t expected) {
  bucket_t *b = bucket_of(addr);
  uv_mutex_lock(&b->lock);
  if (!value_equals(addr, size, expected)) {
    uv_mutex_unlock(&b->lock);
    return SP_PARK_NOT_EQUAL;
  }
  enqueue(b, w, addr);
  uv_mutex_unlock(&b->lock);
  return SP_PARK_OK;
}

bool sp_park_cancel(sp_waiter_t *w) {
  bucket_t *b = bucket_of(w->addr);
  uv_mutex_lock(&b->lock);
  bool was = w->queued;
  dequeue(b, w);
  uv_mutex_unlock(&b->lock);
  return was;
}

int64_t sp_park_notify(const void *addr, int64_t count) {
  uv_once(&once, init_buckets);
  bucket_t *b = bucket_of(addr);
  int64_t woken = 0;
  uv_mutex_lock(&b->lock);
  sp_waiter_t *w = b->head;
  while (w && (count < 0 || woken < count)) {
    sp_waiter_t *next = w->next;
    if (w->addr == addr) {
      dequeue(b, w);
      atomic_store_explicit(&w->notified, true, memory_order_release);
      if (w->wake) w->wake(w);
      else uv_cond_signal(&w->cond);
      woken++;
    }
    w = next;
  }
  uv_mutex_unlock(&b->lock);
  return woken;
}

void sp_park_interrupt(sp_waiter_t *w) {
  atomic_store(&w->interrupted, true);
  bucket_t *b = atomic_load(&w->bucket);
  if (b) {
    uv_mutex_lock(&b->lock);
    uv_cond_signal(&w->cond);
    uv_mutex_unlock(&b->lock);
  }
}

void sp_park_reset(sp_waiter_t *w) { atomic_store(&w->interrupted, false); }
