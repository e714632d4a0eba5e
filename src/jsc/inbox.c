/* The agent's inbox on its libuv loop: one eventfd for all of a thread's ports
 * (core/notify.h), drained in two places:
 * - prepare: right before the loop would block. Items queued by this thread
 *   itself, or by another thread while this one was busy, run here without a
 *   system call on either side. If the spin window is open (recent message
 *   traffic), the loop busy-waits here for the next item instead of sleeping.
 * - the eventfd's poll callback, when another thread rang a sleeping loop.
 * Both sit where node delivers port messages (before the check phase), so the
 * order against timers and setImmediate is node's. */
#include <sched.h>

#include "core/cpu.h"
#include "core/msgmem.h"
#include "jsc/agent.h"

/* The window is long enough to catch a reply from a thread that is running
 * right now. It adapts, as an adaptive mutex does: it halves each time it
 * passes with nothing (a worker busy for milliseconds: spinning only takes a
 * core from it; cpu_scaling) and doubles each time it catches news, or when
 * news woke the sleeping loop soon enough that a longer window would have. */
enum { SP_SPIN_WINDOW_MAX_NS = 200 * 1000, SP_SPIN_WINDOW_MIN_NS = 25 * 1000 };

static void window_grow(sp_agent_t *a) {
  a->spin_window_ns = a->spin_window_ns * 2 > SP_SPIN_WINDOW_MAX_NS ? SP_SPIN_WINDOW_MAX_NS : a->spin_window_ns * 2;
}

static void window_shrink(sp_agent_t *a) {
  a->spin_window_ns = a->spin_window_ns / 2 < SP_SPIN_WINDOW_MIN_NS ? SP_SPIN_WINDOW_MIN_NS : a->spin_window_ns / 2;
}

/* One pass over the inbox, as node's over its loop's async handles: the items queued run
 * in the order they were made; one queued while the pass runs comes in it if it is
 * further on, in the next pass if it is behind (or the one running) or was made during
 * the pass (a port that arrived in a message). Each item runs at most once per pass, so
 * a flood on one port cannot starve timers and I/O. */
static void run_round(sp_agent_t *a) {
  uint64_t last = 0, upto = a->inbox_seq;
  sp_notify_item_t *it;
  while (!a->exiting && (it = sp_notifier_pop_next(&a->inbox, last, upto)) != NULL) {
    last = it->seq;
    it->run(it);
  }
}

static void inbox_poll_cb(uv_poll_t *h, int status, int events) {
  sp_agent_t *a = h->loop->data;
  sp_notifier_clear_fd(&a->inbox);
  if (a->sleep_since && uv_hrtime() - a->sleep_since < SP_SPIN_WINDOW_MAX_NS) window_grow(a);
  a->sleep_since = 0;
  run_round(a);
}

/* Time spent waiting here is idle time for event-loop utilization (the loop
 * would have slept instead). */
static void spin_begin(sp_agent_t *a, uint64_t now) {
  uv_mutex_lock(&a->spin_lock);
  a->spin_since_ns = now;
  uv_mutex_unlock(&a->spin_lock);
}

static void spin_end(sp_agent_t *a, uint64_t now) {
  uv_mutex_lock(&a->spin_lock);
  a->spin_idle_ns += now - a->spin_since_ns;
  a->spin_since_ns = 0;
  uv_mutex_unlock(&a->spin_lock);
}

uint64_t sp__inbox_spin_idle_ns(sp_agent_t *a) {
  uv_mutex_lock(&a->spin_lock);
  uint64_t ns = a->spin_idle_ns + (a->spin_since_ns ? uv_hrtime() - a->spin_since_ns : 0);
  uv_mutex_unlock(&a->spin_lock);
  return ns;
}

/* Busy-waits for an item until the spin window or the next timer ends, and
 * runs a round if one came (returns true then).
 * sched_yield() between looks: on an oversubscribed machine the thread we
 * wait for may need this very core. */
static bool spin(sp_agent_t *a) {
  int timeout_ms = uv_backend_timeout(&a->loop);
  if (timeout_ms == 0) return false;
  uint64_t now = uv_hrtime();
  uint64_t deadline = a->spin_until;
  spin_begin(a, now);
  if (timeout_ms > 0 && now + (uint64_t)timeout_ms * 1000000 < deadline) deadline = now + (uint64_t)timeout_ms * 1000000;
  for (unsigned round = 0; !sp_notifier_pending(&a->inbox); round++) {
    if (now >= deadline) {
      if (deadline == a->spin_until) {
        a->spin_until = 0;
        window_shrink(a);
      }
      spin_end(a, now);
      return false;
    }
    for (int i = 0; i < 64 && !sp_notifier_pending(&a->inbox); i++) sp_cpu_relax();
    if (round % 4 == 3) sched_yield();
    now = uv_hrtime();
  }
  spin_end(a, now);
  window_grow(a);
  run_round(a);
  return true;
}

static void inbox_idle_cb(uv_idle_t *h) { (void)h; /* only keeps the poll from blocking */ }

static void inbox_prepare_cb(uv_prepare_t *h) {
  sp_agent_t *a = h->loop->data;
  uv_idle_stop(&a->inbox_idle);
  sp_msgblock_flush(); /* message blocks freed here go home before this thread may sleep */
  if (a->spin_traffic) { /* the window opens here: one clock read per loop turn, not per message */
    a->spin_traffic = false;
    a->spin_until = uv_hrtime() + a->spin_window_ns;
  }
  bool ran = false;
  if (sp_notifier_pending(&a->inbox)) {
    run_round(a);
    ran = true;
  } else if (a->spin_until && !a->exiting) {
    ran = spin(a);
  }
  /* After a round the loop goes round once more (timers, immediates) and
   * comes back here to spin again while the window is open; otherwise it
   * announces the block, unless something queued meanwhile. */
  if ((ran && a->spin_until) || !sp_notifier_sleep(&a->inbox)) uv_idle_start(&a->inbox_idle, inbox_idle_cb);
  else if (a->spin_window_ns < SP_SPIN_WINDOW_MAX_NS) a->sleep_since = uv_hrtime(); /* may block: see inbox_poll_cb */
}

void sp__inbox_awake(sp_agent_t *a) {
  sp_notifier_awake(&a->inbox);
  a->sleep_since = 0;
}

static void inbox_check_cb(uv_check_t *h) { sp__inbox_awake(h->loop->data); }

int sp__inbox_start(sp_agent_t *a) {
  uv_mutex_init(&a->spin_lock);
  int rc = sp_notifier_init(&a->inbox);
  if (rc) return rc; /* the agent fails to start; sp__inbox_free still runs */
  uv_poll_init(&a->loop, &a->inbox_poll, sp_notifier_fd(&a->inbox));
  uv_poll_start(&a->inbox_poll, UV_READABLE, inbox_poll_cb);
  uv_unref((uv_handle_t *)&a->inbox_poll);
  /* Started after the GLib prepare handle, so it runs first (libuv runs the
   * newest first): JS run here may schedule engine timers GLib must see. */
  uv_prepare_init(&a->loop, &a->inbox_prepare);
  uv_prepare_start(&a->inbox_prepare, inbox_prepare_cb);
  uv_unref((uv_handle_t *)&a->inbox_prepare);
  uv_check_init(&a->loop, &a->inbox_check);
  uv_check_start(&a->inbox_check, inbox_check_cb);
  uv_unref((uv_handle_t *)&a->inbox_check);
  uv_idle_init(&a->loop, &a->inbox_idle);
  uv_unref((uv_handle_t *)&a->inbox_idle);
  a->spin_window_ns = SP_SPIN_WINDOW_MAX_NS;
  a->inbox_ready = true;
  return 0;
}

void sp__inbox_ref(sp_agent_t *a, int delta) {
  int before = a->inbox_refs;
  a->inbox_refs += delta;
  if (!a->inbox_ready) return;
  if (before == 0 && a->inbox_refs > 0) uv_ref((uv_handle_t *)&a->inbox_poll);
  else if (before > 0 && a->inbox_refs == 0) uv_unref((uv_handle_t *)&a->inbox_poll);
}

void sp__inbox_stop(sp_agent_t *a) {
  if (!a->inbox_ready) return;
  a->inbox_ready = false;
  uv_close((uv_handle_t *)&a->inbox_poll, NULL);
  uv_close((uv_handle_t *)&a->inbox_prepare, NULL);
  uv_close((uv_handle_t *)&a->inbox_check, NULL);
  uv_close((uv_handle_t *)&a->inbox_idle, NULL);
}

void sp__inbox_free(sp_agent_t *a) {
  sp_notifier_destroy(&a->inbox);
  uv_mutex_destroy(&a->spin_lock);
}
