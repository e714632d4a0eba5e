/* Message channels between threads (engine-agnostic).
 *
 * Memory discipline, the rule every other file relies on:
 * - A channel is two entangled ports. Each port has an inbox (the messages
 *   posted by its peer). All of a channel's state (both inboxes, the closed
 *   flag, each port's waker) is guarded by the channel's one mutex, so a
 *   post, a receive and a close can never interleave badly, whichever
 *   threads they run on.
 * - Ports are refcounted (`refs`, atomic). The channel lives as long as
 *   either port. Whoever holds a port (a JS MessagePort handle on some
 *   thread, a message in flight carrying it in its transfer table) owns one
 *   reference and drops it exactly once with sp_port_unref.
 * - A port belongs to at most one thread at a time: the thread that set its
 *   waker. Moving a port = clear the waker on the old thread, set it on the
 *   new one; messages arriving meanwhile wait in the inbox.
 * - A message is any struct that starts with an sp_port_msg_t (intrusive: the
 *   queue allocates nothing). The core frees an undelivered one with its own
 *   `free` (on whatever thread drops it).
 */
#ifndef SP_CORE_PORT_H
#define SP_CORE_PORT_H
#include <stdbool.h>
#include <stddef.h>

typedef struct sp_port sp_port_t;

typedef struct sp_port_msg sp_port_msg_t;
struct sp_port_msg {
  sp_port_msg_t *next;               /* the queue's, while queued */
  void (*free)(sp_port_msg_t *msg);  /* drops an undelivered message */
};
/* Called with the channel lock held when a port's inbox or state changes:
 * must only signal (e.g. uv_async_send), never call back into the port. */
typedef void (*sp_port_wake_fn)(void *data);

/* Creates a channel; returns 0 and two ports each with one reference. */
int sp_channel_new(sp_port_t **a, sp_port_t **b);
void sp_port_ref(sp_port_t *p);
void sp_port_unref(sp_port_t *p);

/* Queues msg in the peer's inbox. Returns 0, or -EPIPE if the channel is
 * closed (msg is then freed here, as node silently drops it). */
int sp_port_post(sp_port_t *p, sp_port_msg_t *msg);
/* Takes the oldest message of p's inbox (the caller owns it), or NULL if empty.
 * Receiving and counting are for the thread p belongs to (it takes the inbox out in
 * bursts and keeps them in p). */
sp_port_msg_t *sp_port_receive(sp_port_t *p);
size_t sp_port_pending(sp_port_t *p);
/* Closes the whole channel; both wakers are signalled. Queued messages stay receivable. */
void sp_port_close(sp_port_t *p);
bool sp_port_is_closed(sp_port_t *p);
/* Whether the peer's side is gone (closed channel), for emitting 'close'. */
void sp_port_set_waker(sp_port_t *p, sp_port_wake_fn fn, void *data);
/* true if p and q are the two ends of one channel */
bool sp_port_entangled(sp_port_t *p, sp_port_t *q);

#endif
