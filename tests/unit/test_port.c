/* Unit tests of src/core/port.c: ordering, close, undelivered payloads, threads. */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#include "core/port.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

static int freed;
static void count_free(void *p) { freed++; free(p); }
static int woken;
static void wake(void *d) { (*(int *)d)++; }

static void test_order_and_close(void) {
  sp_port_t *a, *b;
  CHECK(sp_channel_new(&a, &b) == 0);
  CHECK(sp_port_entangled(a, b));
  for (int i = 0; i < 100; i++) {
    int *v = malloc(sizeof *v);
    *v = i;
    CHECK(sp_port_post(a, v, count_free) == 0);
  }
  CHECK(sp_port_pending(b) == 100 && sp_port_pending(a) == 0);
  void *p;
  sp_payload_free_fn fn;
  for (int i = 0; i < 50; i++) {
    CHECK(sp_port_receive(b, &p, &fn) == 1);
    CHECK(*(int *)p == i);
    fn(p);
  }
  sp_port_set_waker(b, wake, &woken);
  CHECK(woken == 1); /* pending messages wake a new owner at once */
  sp_port_close(a);
  CHECK(woken == 2 && sp_port_is_closed(b));
  int *late = malloc(sizeof *late);
  CHECK(sp_port_post(a, late, count_free) == -EPIPE);
  CHECK(freed == 51);
  CHECK(sp_port_receive(b, &p, &fn) == 1); /* queued before close: still receivable */
  fn(p);
  sp_port_unref(a);
  sp_port_unref(b); /* frees the 49 left */
  CHECK(freed == 52 + 49);
}

#define N 200000
static void producer(void *arg) {
  sp_port_t *a = arg;
  for (int i = 0; i < N; i++) {
    int *v = malloc(sizeof *v);
    *v = i;
    sp_port_post(a, v, free);
  }
}

static void test_threads(void) {
  sp_port_t *a, *b;
  sp_channel_new(&a, &b);
  uv_thread_t t;
  uv_thread_create(&t, producer, a);
  int next = 0;
  while (next < N) {
    void *p;
    sp_payload_free_fn fn;
    if (sp_port_receive(b, &p, &fn)) {
      CHECK(*(int *)p == next);
      next++;
      fn(p);
    }
  }
  uv_thread_join(&t);
  sp_port_unref(b);
  sp_port_unref(a);
}

int main(void) {
  test_order_and_close();
  test_threads();
  printf("port: ok\n");
  return 0;
}
