/* A thread's doorbell (engine- and loop-agnostic): other threads queue work
 * items on it; the owning thread pops them, one by one, when it wakes up.
 *
 * Why not a uv_async_t per port: libuv walks every async handle of a loop on
 * each wake-up, and a receiver that wakes while the sender is still inside
 * uv_async_send spins and sched_yield()s until the sender is done, which on an
 * oversubscribed machine (3 busy threads, 2 cores) costs a time slice.
 *
 * Protocol (all state under `lock`, which is a leaf lock: callers may hold a
 * channel lock while posting, never the other way round):
 * - post(item): queues the item (in seq order) unless it is already queued. The eventfd is
 *   written only when the owner announced it is about to block (`sleeping`)
 *   and nobody wrote it since (`rung`): a busy or spinning owner costs posters
 *   no system call at all.
 * - The owner calls sleep() right before it blocks: it returns false (do not
 *   block) when items are queued, so no post can be missed between the check
 *   and the block. pop() marks the owner awake and takes the oldest item.
 * - An item is owned by the owner thread; it may be queued by any thread only
 *   while the owner lets it (the owner stops that, e.g. by clearing a port's
 *   waker, then cancel()s it before freeing it).
 * - `queued` is atomic so a post can skip the lock when the item already
 *   waits; the owner clears it (under the lock) before it handles the item, so
 *   work posted while the item is being handled queues it again. */
#ifndef SP_CORE_NOTIFY_H
#define SP_CORE_NOTIFY_H
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

typedef struct sp_notify_item sp_notify_item_t;
struct sp_notify_item {
  sp_notify_item_t *next;            /* the queue's, while queued */
  atomic_bool queued;
  void (*run)(sp_notify_item_t *it); /* called by the owner after pop() */
  /* The item's place in the queue, set once by the owner before the first post: the
   * queue is kept in ascending seq order (node walks a loop's async handles in the order
   * they were made, so its ports deliver in the order they were created) */
  uint64_t seq;
};

typedef struct sp_notifier {
  uv_mutex_t lock;
  sp_notify_item_t *head, *tail;
  atomic_bool nonempty; /* head != NULL, readable without the lock (spinning) */
  atomic_bool sleeping; /* the owner is about to block or blocked */
  bool rung;            /* the eventfd was written since the last pop() */
  int fd;               /* eventfd, non-blocking */
} sp_notifier_t;

/* 0, or -errno when the eventfd cannot be made (the notifier is usable and
 * must still be destroyed, but cannot wake a sleeping owner). */
int sp_notifier_init(sp_notifier_t *n);
void sp_notifier_destroy(sp_notifier_t *n);
static inline int sp_notifier_fd(const sp_notifier_t *n) { return n->fd; }

/* Any thread. */
void sp_notifier_post(sp_notifier_t *n, sp_notify_item_t *it);
static inline bool sp_notifier_pending(sp_notifier_t *n) {
  return atomic_load_explicit(&n->nonempty, memory_order_acquire);
}

/* The owner thread only. */
/* Returns false, and stays awake, when items are queued. */
bool sp_notifier_sleep(sp_notifier_t *n);
/* The owner is running again (woken by something else): posters need not ring. */
void sp_notifier_awake(sp_notifier_t *n);
/* Takes the first queued item (lowest seq) if its seq is in (after, upto], else NULL, with
 * `queued` cleared. One at a time, so an item cancel()ed while an earlier one runs is
 * never touched. A pass pops with the seq of the item it ran last and the newest seq
 * when it began: an item queued again meanwhile waits for the next pass, one further on
 * still comes in this one, one made during the pass waits (node's walk of its handles). */
sp_notify_item_t *sp_notifier_pop_next(sp_notifier_t *n, uint64_t after, uint64_t upto);
/* Resets the eventfd once it polled readable (a ring may land after the pop()
 * it was meant for: that costs one spurious wake-up, never a lost one). */
void sp_notifier_clear_fd(sp_notifier_t *n);
/* Removes an item from the queue (if queued) before its owner frees it. */
void sp_notifier_cancel(sp_notifier_t *n, sp_notify_item_t *it);

#endif
