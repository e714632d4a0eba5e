/* Unit tests of src/core/notify.c: queueing once, seq order and passes, cancel, the
 * sleep protocol (a sleeping owner is rung exactly when needed) and many posters. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#include "core/notify.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

static int fd_readable(sp_notifier_t *n) {
  struct pollfd p = {.fd = sp_notifier_fd(n), .events = POLLIN};
  return poll(&p, 1, 0) == 1;
}

static void no_run(sp_notify_item_t *it) { (void)it; }

static void init_item(sp_notify_item_t *it, uint64_t seq) {
  it->next = NULL;
  atomic_init(&it->queued, false);
  it->run = no_run;
  it->seq = seq;
}

static sp_notify_item_t *pop(sp_notifier_t *n) { return sp_notifier_pop_next(n, 0, UINT64_MAX); }

static void test_order_once_cancel(void) {
  sp_notifier_t n;
  CHECK(sp_notifier_init(&n) == 0);
  sp_notify_item_t it[3];
  for (int i = 0; i < 3; i++) init_item(&it[i], i + 1);
  sp_notifier_post(&n, &it[0]);
  sp_notifier_post(&n, &it[1]);
  sp_notifier_post(&n, &it[0]); /* already queued: no second entry */
  sp_notifier_post(&n, &it[2]);
  CHECK(sp_notifier_pending(&n));
  sp_notifier_cancel(&n, &it[1]);
  CHECK(!fd_readable(&n)); /* the owner never slept: nobody rang */
  CHECK(pop(&n) == &it[0]);
  CHECK(!atomic_load(&it[0].queued));
  sp_notifier_post(&n, &it[0]); /* popped items queue again, in seq order */
  CHECK(pop(&n) == &it[0]);
  CHECK(pop(&n) == &it[2]);
  CHECK(pop(&n) == NULL && !sp_notifier_pending(&n));
  sp_notifier_cancel(&n, &it[1]); /* not queued: nothing happens */
  sp_notifier_destroy(&n);
}

/* Posted in any order, items come out by seq; a pass (pop_next after the last seq run)
 * takes an item queued meanwhile further on, and leaves one queued again behind it. */
static void test_seq_passes(void) {
  sp_notifier_t n;
  CHECK(sp_notifier_init(&n) == 0);
  sp_notify_item_t it[5];
  for (int i = 0; i < 5; i++) init_item(&it[i], 10 * (i + 1));
  sp_notifier_post(&n, &it[3]);
  sp_notifier_post(&n, &it[1]);
  sp_notifier_post(&n, &it[4]);
  sp_notifier_post(&n, &it[0]);
  CHECK(pop(&n) == &it[0] && pop(&n) == &it[1] && pop(&n) == &it[3] && pop(&n) == &it[4] && pop(&n) == NULL);
  /* a pass: 20 runs, then 10 (behind) and 30 (ahead) are queued */
  sp_notifier_post(&n, &it[1]);
  sp_notifier_post(&n, &it[4]);
  uint64_t last = 0;
  sp_notify_item_t *x = sp_notifier_pop_next(&n, last, 50);
  CHECK(x == &it[1]);
  last = x->seq;
  sp_notifier_post(&n, &it[0]);
  sp_notifier_post(&n, &it[2]);
  CHECK((x = sp_notifier_pop_next(&n, last, 50)) == &it[2]); /* 10 is first, but behind: 30 comes */
  last = x->seq;
  CHECK((x = sp_notifier_pop_next(&n, last, 50)) == &it[4]);
  CHECK(sp_notifier_pop_next(&n, x->seq, 50) == NULL); /* the pass ends */
  CHECK(sp_notifier_pending(&n));
  /* the next pass takes 10, and 30 again */
  sp_notifier_post(&n, &it[2]);
  CHECK(pop(&n) == &it[0] && pop(&n) == &it[2] && pop(&n) == NULL);
  /* an item queued again with the seq of the one just run waits for the next pass */
  sp_notifier_post(&n, &it[2]);
  x = sp_notifier_pop_next(&n, 0, 50);
  sp_notifier_post(&n, x);
  CHECK(sp_notifier_pop_next(&n, x->seq, 50) == NULL && pop(&n) == &it[2]);
  /* one made after the pass began (seq above upto) waits for the next pass */
  sp_notifier_post(&n, &it[4]);
  CHECK(sp_notifier_pop_next(&n, 0, 40) == NULL && sp_notifier_pending(&n) && pop(&n) == &it[4]);
  sp_notifier_destroy(&n);
}

static void test_sleep_protocol(void) {
  sp_notifier_t n;
  CHECK(sp_notifier_init(&n) == 0);
  sp_notify_item_t a, b;
  init_item(&a, 1);
  init_item(&b, 2);
  sp_notifier_post(&n, &a);
  CHECK(!sp_notifier_sleep(&n)); /* something queued: do not block */
  CHECK(pop(&n) == &a);
  CHECK(sp_notifier_sleep(&n));
  sp_notifier_post(&n, &a); /* the owner sleeps: ring */
  CHECK(fd_readable(&n));
  sp_notifier_post(&n, &b); /* rung already: no second write needed */
  sp_notifier_clear_fd(&n);
  CHECK(!fd_readable(&n));
  CHECK(pop(&n) == &a && pop(&n) == &b);
  CHECK(sp_notifier_sleep(&n));
  sp_notifier_awake(&n); /* woken by something else: posts stay silent */
  sp_notifier_post(&n, &a);
  CHECK(!fd_readable(&n));
  CHECK(pop(&n) == &a);
  sp_notifier_destroy(&n);
}

/* Posters on several threads, an owner that sleeps in poll(): every post is
 * seen, and the owner is never left asleep with work queued. */
enum { POSTERS = 4, ROUNDS = 20000 };
typedef struct {
  sp_notifier_t *n;
  sp_notify_item_t item;
  atomic_int posted, handled;
} poster_t;

static void count_run(sp_notify_item_t *it) {
  poster_t *p = (poster_t *)((char *)it - offsetof(poster_t, item));
  atomic_fetch_add(&p->handled, 1);
}

static void poster_main(void *arg) {
  poster_t *p = arg;
  for (int i = 0; i < ROUNDS; i++) {
    /* wait until the owner handled the previous post, so each one matters */
    while (atomic_load(&p->handled) < i) uv_sleep(0);
    atomic_fetch_add(&p->posted, 1);
    sp_notifier_post(p->n, &p->item);
  }
}

static void test_threads(void) {
  sp_notifier_t n;
  CHECK(sp_notifier_init(&n) == 0);
  poster_t ps[POSTERS];
  uv_thread_t th[POSTERS];
  for (int i = 0; i < POSTERS; i++) {
    ps[i].n = &n;
    init_item(&ps[i].item, i + 1);
    ps[i].item.run = count_run;
    atomic_init(&ps[i].posted, 0);
    atomic_init(&ps[i].handled, 0);
    CHECK(uv_thread_create(&th[i], poster_main, &ps[i]) == 0);
  }
  int done = 0;
  while (done < POSTERS) {
    if (sp_notifier_sleep(&n)) {
      struct pollfd p = {.fd = sp_notifier_fd(&n), .events = POLLIN};
      CHECK(poll(&p, 1, 5000) == 1); /* a lost wake-up would hang here */
      sp_notifier_clear_fd(&n);
    }
    for (sp_notify_item_t *it; (it = pop(&n));) it->run(it);
    done = 0;
    for (int i = 0; i < POSTERS; i++) done += atomic_load(&ps[i].handled) == ROUNDS;
  }
  for (int i = 0; i < POSTERS; i++) {
    uv_thread_join(&th[i]);
    CHECK(atomic_load(&ps[i].posted) == ROUNDS);
  }
  sp_notifier_destroy(&n);
}

int main(void) {
  test_order_once_cancel();
  test_seq_passes();
  test_sleep_protocol();
  test_threads();
  puts("notify: ok");
  return 0;
}
