/* See notify.h for the protocol. */
#include "core/notify.h"

#include <errno.h>
#include <stdint.h>
#include <sys/eventfd.h>
#include <unistd.h>

int sp_notifier_init(sp_notifier_t *n) {
  n->head = n->tail = NULL;
  atomic_init(&n->nonempty, false);
  atomic_init(&n->sleeping, false);
  n->rung = false;
  uv_mutex_init(&n->lock);
  n->fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  return n->fd < 0 ? -errno : 0; /* without an fd posts still queue; only ringing fails */
}

void sp_notifier_destroy(sp_notifier_t *n) {
  if (n->fd >= 0) close(n->fd);
  n->fd = -1;
  uv_mutex_destroy(&n->lock);
}

static void ring(sp_notifier_t *n) {
  uint64_t one = 1;
  while (write(n->fd, &one, sizeof one) < 0 && errno == EINTR) {
  }
}

void sp_notifier_post(sp_notifier_t *n, sp_notify_item_t *it) {
  if (atomic_load_explicit(&it->queued, memory_order_acquire)) return;
  bool must_ring = false;
  uv_mutex_lock(&n->lock);
  if (!atomic_load_explicit(&it->queued, memory_order_relaxed)) {
    atomic_store_explicit(&it->queued, true, memory_order_relaxed);
    if (!n->tail || n->tail->seq <= it->seq) { /* the usual case: after the others */
      it->next = NULL;
      if (n->tail) n->tail->next = it;
      else n->head = it;
      n->tail = it;
    } else { /* before the first one made after it */
      sp_notify_item_t **pp = &n->head;
      while ((*pp)->seq <= it->seq) pp = &(*pp)->next;
      it->next = *pp;
      *pp = it;
    }
    atomic_store_explicit(&n->nonempty, true, memory_order_release);
    if (atomic_load_explicit(&n->sleeping, memory_order_relaxed) && !n->rung) {
      n->rung = true;
      must_ring = true;
    }
  }
  uv_mutex_unlock(&n->lock);
  if (must_ring) ring(n); /* outside the lock: the owner may already be taking */
}

bool sp_notifier_sleep(sp_notifier_t *n) {
  uv_mutex_lock(&n->lock);
  bool ok = n->head == NULL;
  atomic_store_explicit(&n->sleeping, ok, memory_order_relaxed);
  uv_mutex_unlock(&n->lock);
  return ok;
}

void sp_notifier_awake(sp_notifier_t *n) {
  if (!atomic_load_explicit(&n->sleeping, memory_order_relaxed)) return;
  uv_mutex_lock(&n->lock);
  atomic_store_explicit(&n->sleeping, false, memory_order_relaxed);
  uv_mutex_unlock(&n->lock);
}

sp_notify_item_t *sp_notifier_pop_next(sp_notifier_t *n, uint64_t after, uint64_t upto) {
  uv_mutex_lock(&n->lock);
  /* past the items queued again behind the pass (few: each ran in it already) */
  sp_notify_item_t *prev = NULL, *it = n->head;
  while (it && it->seq <= after) prev = it, it = it->next;
  if (it && it->seq > upto) it = NULL;
  if (it) {
    if (prev) prev->next = it->next;
    else n->head = it->next;
    if (n->tail == it) n->tail = prev;
    it->next = NULL;
    atomic_store_explicit(&it->queued, false, memory_order_release);
  }
  atomic_store_explicit(&n->nonempty, n->head != NULL, memory_order_relaxed);
  atomic_store_explicit(&n->sleeping, false, memory_order_relaxed);
  n->rung = false;
  uv_mutex_unlock(&n->lock);
  return it;
}

void sp_notifier_clear_fd(sp_notifier_t *n) {
  uint64_t v;
  while (read(n->fd, &v, sizeof v) < 0 && errno == EINTR) {
  }
}

void sp_notifier_cancel(sp_notifier_t *n, sp_notify_item_t *it) {
  if (!atomic_load_explicit(&it->queued, memory_order_acquire)) return;
  uv_mutex_lock(&n->lock);
  sp_notify_item_t *prev = NULL;
  for (sp_notify_item_t *p = n->head; p; prev = p, p = p->next) {
    if (p != it) continue;
    if (prev) prev->next = p->next;
    else n->head = p->next;
    if (n->tail == p) n->tail = prev;
    break;
  }
  atomic_store_explicit(&n->nonempty, n->head != NULL, memory_order_relaxed);
  atomic_store_explicit(&it->queued, false, memory_order_relaxed);
  uv_mutex_unlock(&n->lock);
}
