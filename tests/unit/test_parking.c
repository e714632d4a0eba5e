/* Unit tests of the parking lot (src/core/parking.c) and shared blocks (shm.c). */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#include "core/parking.h"
#include "core/shm.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

static int32_t cell;
static sp_waiter_t waiter;
static int result;

static void wait_forever(void *arg) {
  (void)arg;
  result = sp_park_wait(&waiter, &cell, 4, 0, -1);
}

static void test_basic(void) {
  sp_waiter_t w;
  CHECK(sp_waiter_init(&w) == 0);
  cell = 1;
  CHECK(sp_park_wait(&w, &cell, 4, 0, -1) == SP_PARK_NOT_EQUAL);
  cell = 0;
  CHECK(sp_park_wait(&w, &cell, 4, 0, 0) == SP_PARK_TIMED_OUT);
  uint64_t t0 = uv_hrtime();
  CHECK(sp_park_wait(&w, &cell, 4, 0, 20 * 1000000) == SP_PARK_TIMED_OUT);
  CHECK(uv_hrtime() - t0 >= 20 * 1000000);
  CHECK(sp_park_notify(&cell, -1) == 0);
  sp_waiter_destroy(&w);
}

static void test_notify_and_interrupt(void) {
  sp_waiter_init(&waiter);
  uv_thread_t t;
  cell = 0;
  uv_thread_create(&t, wait_forever, NULL);
  while (sp_park_notify(&cell, 1) == 0) uv_sleep(1); /* until the waiter is queued */
  uv_thread_join(&t);
  CHECK(result == SP_PARK_OK);
  uv_thread_create(&t, wait_forever, NULL);
  uv_sleep(20);
  sp_park_interrupt(&waiter);
  uv_thread_join(&t);
  CHECK(result == SP_PARK_INTERRUPTED);
  sp_waiter_destroy(&waiter);
}

/* Ping-pong across two threads: every turn must be seen, none lost. */
#define TURNS 20000
static int32_t turn;
static void pong(void *arg) {
  sp_waiter_t w;
  sp_waiter_init(&w);
  for (int i = 0; i < TURNS; i++) {
    while (__atomic_load_n(&turn, __ATOMIC_SEQ_CST) != 1) sp_park_wait(&w, &turn, 4, 0, -1);
    __atomic_store_n(&turn, 0, __ATOMIC_SEQ_CST);
    sp_park_notify(&turn, 1);
  }
  sp_waiter_destroy(&w);
  (void)arg;
}

static void test_pingpong(void) {
  sp_waiter_t w;
  sp_waiter_init(&w);
  uv_thread_t t;
  uv_thread_create(&t, pong, NULL);
  for (int i = 0; i < TURNS; i++) {
    __atomic_store_n(&turn, 1, __ATOMIC_SEQ_CST);
    sp_park_notify(&turn, 1);
    while (__atomic_load_n(&turn, __ATOMIC_SEQ_CST) != 0) sp_park_wait(&w, &turn, 4, 1, -1);
  }
  uv_thread_join(&t);
  sp_waiter_destroy(&w);
}

static int async_woken;
static void on_wake(sp_waiter_t *w) { (void)w; async_woken++; }

static void test_async(void) {
  sp_waiter_t a, b;
  sp_waiter_init(&a);
  sp_waiter_init(&b);
  a.wake = b.wake = on_wake;
  cell = 5;
  CHECK(sp_park_enqueue(&a, &cell, 4, 4) == SP_PARK_NOT_EQUAL);
  CHECK(sp_park_enqueue(&a, &cell, 4, 5) == SP_PARK_OK);
  CHECK(sp_park_enqueue(&b, &cell, 4, 5) == SP_PARK_OK);
  CHECK(sp_park_notify(&cell, 1) == 1 && async_woken == 1 && a.notified && !b.notified); /* FIFO */
  CHECK(sp_park_cancel(&b) == true);
  CHECK(sp_park_notify(&cell, -1) == 0);
  sp_waiter_destroy(&a);
  sp_waiter_destroy(&b);
}

static void test_shm(void) {
  size_t before = sp_shm_live();
  sp_shm_t *s = sp_shm_new(64);
  CHECK(s && s->len == 64 && ((char *)s->data)[63] == 0);
  sp_shm_t *again = sp_shm_lookup(s->data);
  CHECK(again == s);
  CHECK(sp_shm_lookup((char *)s->data + 1) == NULL);
  sp_shm_unref(again);
  CHECK(sp_shm_live() == before + 1);
  sp_shm_unref(s);
  CHECK(sp_shm_live() == before);
}

int main(void) {
  test_basic();
  test_notify_and_interrupt();
  test_pingpong();
  test_async();
  test_shm();
  printf("parking: ok\n");
  return 0;
}
