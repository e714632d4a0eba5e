/* The parking lot behind Atomics.wait / notify / waitAsync (engine-agnostic).
 *
 * One process-wide table of buckets keyed by address; each bucket has a mutex
 * and a FIFO of waiters. A waiter compares the value and enqueues itself
 * under the bucket lock, so a notify that follows a store can never be
 * missed. A synchronous waiter first spins briefly (waking a sleeping vCPU
 * costs ~20 us here, see ENGINE.md), then sleeps on its own condition
 * variable. Every thread owns one sp_waiter_t; another thread may interrupt
 * it (worker.terminate()) at any time. Asynchronous waiters (waitAsync) are
 * woken through a callback that must only signal (e.g. uv_async_send). */
#ifndef SP_CORE_PARKING_H
#define SP_CORE_PARKING_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

enum { SP_PARK_OK = 0, SP_PARK_NOT_EQUAL = 1, SP_PARK_TIMED_OUT = 2, SP_PARK_INTERRUPTED = 3 };

typedef struct sp_waiter sp_waiter_t;
typedef void (*sp_waiter_wake_fn)(sp_waiter_t *w);

struct sp_waiter {
  /* queue links and state: guarded by the bucket lock of `addr` */
  sp_waiter_t *prev, *next;
  const void *addr;
  bool queued;
  atomic_bool notified;
  atomic_bool interrupted;
  _Atomic(void *) bucket;   /* the bucket it sleeps in, for interrupt */
  uv_cond_t cond;
  sp_waiter_wake_fn wake;   /* async waiters: called under the bucket lock */
  void *data;               /* owner's */
};

int sp_waiter_init(sp_waiter_t *w);
void sp_waiter_destroy(sp_waiter_t *w);

/* Blocks until notified, timed out (timeout_ns < 0: forever) or interrupted.
 * size is 4 or 8; the value at addr is compared with expected atomically. */
int sp_park_wait(sp_waiter_t *w, const void *addr, int size, int64_t expected, int64_t timeout_ns);
/* Queues an async waiter (w->wake set); SP_PARK_NOT_EQUAL if the value differs. */
int sp_park_enqueue(sp_waiter_t *w, const void *addr, int size, int64_t expected);
/* Removes a queued async waiter (timeout); true if it was still queued (not notified). */
bool sp_park_cancel(sp_waiter_t *w);
/* Wakes up to count waiters on addr (count < 0: all), oldest first; returns how many. */
int64_t sp_park_notify(const void *addr, int64_t count);
/* Makes w's current or next sp_park_wait return SP_PARK_INTERRUPTED. */
void sp_park_interrupt(sp_waiter_t *w);
/* Clears a previous interrupt (a fresh agent on a reused waiter). */
void sp_park_reset(sp_waiter_t *w);

#endif
