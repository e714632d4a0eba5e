/* See port.h for the ownership rules. */
#include "core/port.h"

#include <errno.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

typedef sp_port_msg_t sp_msg_t;

typedef struct sp_channel sp_channel_t;

/* A cache line (x86-64 and most others). */
#define LINE 64

struct sp_port {
  /* What the other end's posts write (one line) */
  atomic_int refs;
  sp_channel_t *ch;
  sp_port_t *peer;          /* fixed at creation */
  sp_msg_t *head, *tail;    /* inbox, guarded by ch->lock */
  size_t count;             /* guarded by ch->lock */
  sp_port_wake_fn wake;     /* guarded by ch->lock */
  void *wake_data;          /* guarded by ch->lock */
  /* The front of the inbox, taken out whole by the receiving thread: one lock per burst of
   * messages instead of one per message (the sender and the receiver of a flood otherwise
   * fight over the lock). Only the thread the port belongs to touches it; it moves with
   * the port (port.h), so the order survives a transfer. On a line of its own: taking a
   * message off it writes it, and were it on the line every post writes, that line would
   * change cores twice per message in a flood. */
  alignas(LINE) sp_msg_t *taken;
  size_t ntaken;
};

/* The channel holds both ports; it is freed when both ports' refs reached zero. */
struct sp_channel {
  uv_mutex_t lock;
  atomic_int live_ports; /* ports whose refs are not zero yet */
  bool closed;           /* guarded by lock */
  sp_port_t ends[2];
};

int sp_channel_new(sp_port_t **a, sp_port_t **b) {
  /* aligned, so that each part above starts a cache line as laid out */
  size_t size = (sizeof(sp_channel_t) + LINE - 1) / LINE * LINE;
  sp_channel_t *ch = aligned_alloc(LINE, size);
  if (!ch) return -ENOMEM;
  memset(ch, 0, size);
  uv_mutex_init(&ch->lock);
  atomic_init(&ch->live_ports, 2);
  for (int i = 0; i < 2; i++) {
    atomic_init(&ch->ends[i].refs, 1);
    ch->ends[i].ch = ch;
    ch->ends[i].peer = &ch->ends[1 - i];
  }
  *a = &ch->ends[0];
  *b = &ch->ends[1];
  return 0;
}

void sp_port_ref(sp_port_t *p) { atomic_fetch_add(&p->refs, 1); }

static void free_msgs(sp_msg_t *m) {
  while (m) {
    sp_msg_t *next = m->next;
    if (m->free) m->free(m);
    m = next;
  }
}

void sp_port_unref(sp_port_t *p) {
  if (atomic_fetch_sub(&p->refs, 1) != 1) return;
  /* Last holder of this end: the channel closes, undelivered messages are freed. */
  sp_channel_t *ch = p->ch;
  uv_mutex_lock(&ch->lock);
  ch->closed = true;
  p->wake = NULL;
  sp_msg_t *m = p->head;
  p->head = p->tail = NULL;
  p->count = 0;
  if (p->peer->wake) p->peer->wake(p->peer->wake_data);
  uv_mutex_unlock(&ch->lock);
  free_msgs(p->taken); /* no thread receives from p any more: it had the last reference */
  p->taken = NULL;
  p->ntaken = 0;
  free_msgs(m); /* outside the lock: payload destructors may unref other ports */
  if (atomic_fetch_sub(&ch->live_ports, 1) == 1) {
    uv_mutex_destroy(&ch->lock);
    free(ch);
  }
}

int sp_port_post(sp_port_t *p, sp_port_msg_t *m) {
  m->next = NULL;
  sp_channel_t *ch = p->ch;
  uv_mutex_lock(&ch->lock);
  if (ch->closed) {
    uv_mutex_unlock(&ch->lock);
    if (m->free) m->free(m);
    return -EPIPE;
  }
  sp_port_t *to = p->peer;
  if (to->tail) to->tail->next = m;
  else to->head = m;
  to->tail = m;
  to->count++;
  if (to->wake) to->wake(to->wake_data);
  uv_mutex_unlock(&ch->lock);
  return 0;
}

sp_port_msg_t *sp_port_receive(sp_port_t *p) {
  if (!p->taken) {
    uv_mutex_lock(&p->ch->lock);
    p->taken = p->head;
    p->ntaken = p->count;
    p->head = p->tail = NULL;
    p->count = 0;
    uv_mutex_unlock(&p->ch->lock);
    if (!p->taken) return NULL;
  }
  sp_msg_t *m = p->taken;
  p->taken = m->next;
  p->ntaken--;
  m->next = NULL;
  /* The next message was written by another thread: start pulling its first
   * lines (header and, for a small message, its bytes) while this one is
   * handled, instead of stalling on them at the next call. */
  if (p->taken) {
    __builtin_prefetch(p->taken);
    __builtin_prefetch((const char *)p->taken + 64);
  }
  return m;
}

size_t sp_port_pending(sp_port_t *p) {
  uv_mutex_lock(&p->ch->lock);
  size_t n = p->count;
  uv_mutex_unlock(&p->ch->lock);
  return n + p->ntaken;
}

void sp_port_close(sp_port_t *p) {
  sp_channel_t *ch = p->ch;
  uv_mutex_lock(&ch->lock);
  if (!ch->closed) {
    ch->closed = true;
    if (p->wake) p->wake(p->wake_data);
    if (p->peer->wake) p->peer->wake(p->peer->wake_data);
  }
  uv_mutex_unlock(&ch->lock);
}

bool sp_port_is_closed(sp_port_t *p) {
  uv_mutex_lock(&p->ch->lock);
  bool c = p->ch->closed;
  uv_mutex_unlock(&p->ch->lock);
  return c;
}

void sp_port_set_waker(sp_port_t *p, sp_port_wake_fn fn, void *data) {
  uv_mutex_lock(&p->ch->lock);
  p->wake = fn;
  p->wake_data = data;
  if (fn && (p->count > 0 || p->ntaken > 0 || p->ch->closed)) fn(data); /* called by the thread p now belongs to */
  uv_mutex_unlock(&p->ch->lock);
}

bool sp_port_entangled(sp_port_t *p, sp_port_t *q) { return p->peer == q; }
