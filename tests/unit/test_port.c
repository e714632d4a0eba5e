/* Unit tests of src/core/port.c: ordering, close, undelivered messages, threads. */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#include "core/port.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

typedef struct {
  sp_port_msg_t link;
  int value;
} int_msg_t;

static int freed;
static void count_free(sp_port_msg_t *m) { freed++; free(m); }
static void plain_free(sp_port_msg_t *m) { free(m); }

static int_msg_t *new_msg(int v, void (*fn)(sp_port_msg_t *)) {
  int_msg_t *m = malloc(sizeof *m);
  m->link.free = fn;
  m->value = v;
  return m;
}

static int woken;
static void wake(void *d) { (*(int *)d)++; }

static void test_order_and_close(void) {
  sp_port_t *a, *b;
  CHECK(sp_channel_new(&a, &b) == 0);
  CHECK(sp_port_entangled(a, b));
  for (int i = 0; i < 100; i++) CHECK(sp_port_post(a, &new_msg(i, count_free)->link) == 0);
  CHECK(sp_port_pending(b) == 100 && sp_port_pending(a) == 0);
  for (int i = 0; i < 50; i++) {
    int_msg_t *m = (int_msg_t *)sp_port_receive(b);
    CHECK(m && m->value == i);
    m->link.free(&m->link);
  }
  sp_port_set_waker(b, wake, &woken);
  CHECK(woken == 1); /* pending messages wake a new owner at once */
  sp_port_close(a);
  CHECK(woken == 2 && sp_port_is_closed(b));
  CHECK(sp_port_post(a, &new_msg(-1, count_free)->link) == -EPIPE);
  CHECK(freed == 51);
  sp_port_msg_t *m = sp_port_receive(b); /* queued before close: still receivable */
  CHECK(m != NULL);
  m->free(m);
  sp_port_unref(a);
  sp_port_unref(b); /* frees the 49 left */
  CHECK(freed == 52 + 49);
}

#define N 200000
static void producer(void *arg) {
  sp_port_t *a = arg;
  for (int i = 0; i < N; i++) sp_port_post(a, &new_msg(i, plain_free)->link);
}

static void producer_from_1001(void *arg) {
  sp_port_t *a = arg;
  for (int i = 1001; i < N; i++) sp_port_post(a, &new_msg(i, plain_free)->link);
}

static void test_threads(void) {
  sp_port_t *a, *b;
  sp_channel_new(&a, &b);
  uv_thread_t t;
  uv_thread_create(&t, producer, a);
  int next = 0;
  while (next < N) {
    int_msg_t *m = (int_msg_t *)sp_port_receive(b);
    if (m) {
      CHECK(m->value == next);
      next++;
      m->link.free(&m->link);
    }
  }
  uv_thread_join(&t);
  sp_port_unref(b);
  sp_port_unref(a);
}

/* A port that moves to another thread while a burst it took out is half delivered (its
 * MessagePort transferred from inside a 'message' listener): the new owner goes on in
 * order, the producer posting all the while. */
typedef struct {
  sp_port_t *port;
  int from, to; /* receives values from..to-1 */
} consumer_t;

static void consume(void *arg) {
  consumer_t *c = arg;
  int next = c->from;
  while (next < c->to) {
    int_msg_t *m = (int_msg_t *)sp_port_receive(c->port);
    if (!m) continue;
    CHECK(m->value == next);
    next++;
    m->link.free(&m->link);
  }
}

static void test_move_mid_burst(void) {
  sp_port_t *a, *b;
  sp_channel_new(&a, &b);
  for (int i = 0; i < 1000; i++) sp_port_post(a, &new_msg(i, plain_free)->link);
  int_msg_t *m = (int_msg_t *)sp_port_receive(b); /* takes the 1000 out */
  CHECK(m && m->value == 0);
  m->link.free(&m->link);
  sp_port_post(a, &new_msg(1000, plain_free)->link);
  CHECK(sp_port_pending(b) == 1000); /* 999 taken + 1 in the inbox */
  uv_thread_t prod, cons[3];
  uv_thread_create(&prod, producer_from_1001, a);
  consumer_t parts[3] = {{b, 1, 500}, {b, 500, 1500}, {b, 1500, N}};
  for (int i = 0; i < 3; i++) { /* one owner at a time: each thread hands b on by ending */
    uv_thread_create(&cons[i], consume, &parts[i]);
    uv_thread_join(&cons[i]);
  }
  uv_thread_join(&prod);
  CHECK(sp_port_pending(b) == 0 && sp_port_receive(b) == NULL);
  sp_port_unref(a);
  sp_port_unref(b);
}

int main(void) {
  test_order_and_close();
  test_threads();
  test_move_mid_burst();
  printf("port: ok\n");
  return 0;
}
