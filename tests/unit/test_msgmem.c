/* Unit tests of src/core/msgmem.c: blocks come back to their owner whichever
 * thread frees them, and outlive their owner thread. Leaks show under ASan. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "core/msgmem.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

static void test_same_thread_reuse(void) {
  void *a = sp_msgblock_alloc();
  CHECK(a != NULL);
  memset(a, 0xab, SP_MSGBLOCK_BYTES);
  sp_msgblock_free(a);
  void *b = sp_msgblock_alloc();
  CHECK(b == a); /* the thread's own free list first */
  sp_msgblock_free(b);
  sp_msgblock_free(NULL);
}

/* A producer allocates, a consumer frees: the producer gets its blocks back. */
enum { N = 200000, RING = 256 };
typedef struct {
  void *slot[RING];
  atomic_int head, tail; /* single producer, single consumer */
} ring_t;

static void consumer_main(void *arg) {
  ring_t *r = arg;
  for (int got = 0; got < N;) {
    int t = atomic_load(&r->tail);
    if (t == atomic_load(&r->head)) { uv_sleep(0); continue; }
    unsigned *p = r->slot[t % RING];
    CHECK(p[0] == (unsigned)got && p[SP_MSGBLOCK_BYTES / sizeof *p - 1] == (unsigned)got);
    sp_msgblock_free(p);
    atomic_store(&r->tail, t + 1);
    got++;
  }
}

static void test_cross_thread(void) {
  ring_t *r = calloc(1, sizeof *r);
  uv_thread_t th;
  CHECK(uv_thread_create(&th, consumer_main, r) == 0);
  for (int i = 0; i < N; i++) {
    while (atomic_load(&r->head) - atomic_load(&r->tail) >= RING) uv_sleep(0);
    unsigned *p = sp_msgblock_alloc();
    CHECK(p != NULL);
    p[0] = p[SP_MSGBLOCK_BYTES / sizeof *p - 1] = (unsigned)i;
    r->slot[i % RING] = p;
    atomic_store(&r->head, i + 1);
  }
  uv_thread_join(&th);
  free(r);
}

/* Blocks of a thread that has exited are freed later by another thread. */
static void *orphans[100];
static void orphan_maker(void *arg) {
  for (int i = 0; i < 100; i++) orphans[i] = sp_msgblock_alloc();
  for (int i = 0; i < 50; i++) sp_msgblock_free(sp_msgblock_alloc()); /* some rest in its cache */
}

static void test_owner_exits_first(void) {
  uv_thread_t th;
  CHECK(uv_thread_create(&th, orphan_maker, NULL) == 0);
  uv_thread_join(&th);
  for (int i = 0; i < 100; i++) {
    CHECK(orphans[i] != NULL);
    memset(orphans[i], 1, SP_MSGBLOCK_BYTES);
    sp_msgblock_free(orphans[i]); /* the last one frees the dead thread's cache */
  }
}

/* Blocks another thread frees wait in its chain until it flushes (or exits),
 * then come back to their owner. */
enum { FEW = 5 };
static void *few[FEW];
static void free_few_and_flush(void *arg) {
  for (int i = 0; i < FEW; i++) sp_msgblock_free(few[i]);
  if (arg) sp_msgblock_flush(); /* else: thread exit flushes */
}

static int in_few(void *p) {
  for (int i = 0; i < FEW; i++)
    if (p == few[i]) return 1;
  return 0;
}

/* Runs on a new thread, whose cache starts empty: what it allocates after the
 * other thread gave its blocks back can only be those blocks. */
static void owner_main(void *explicit_flush) {
  for (int i = 0; i < FEW; i++) CHECK((few[i] = sp_msgblock_alloc()) != NULL);
  uv_thread_t th;
  CHECK(uv_thread_create(&th, free_few_and_flush, explicit_flush) == 0);
  uv_thread_join(&th);
  void *got[FEW];
  for (int i = 0; i < FEW; i++) CHECK(in_few(got[i] = sp_msgblock_alloc()));
  for (int i = 0; i < FEW; i++) sp_msgblock_free(got[i]);
}

static void test_chain_comes_home(int explicit_flush) {
  uv_thread_t th;
  CHECK(uv_thread_create(&th, owner_main, explicit_flush ? (void *)1 : NULL) == 0);
  uv_thread_join(&th);
}

int main(void) {
  test_same_thread_reuse();
  test_cross_thread();
  test_owner_exits_first();
  test_chain_comes_home(1);
  test_chain_comes_home(0);
  sp_msgblock_thread_exit();
  puts("msgmem: ok");
  return 0;
}
