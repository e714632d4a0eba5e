/* Unit tests of src/core/threadmsg.c: lookup, replace, unregister, a message through a
 * looked-up writer, and threads registering, posting and leaving at the same time. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

#include "core/port.h"
#include "core/threadmsg.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

typedef struct {
  sp_port_msg_t link;
  int value;
} int_msg_t;

static void msg_free(sp_port_msg_t *m) { free(m); }

static int_msg_t *new_msg(int v) {
  int_msg_t *m = malloc(sizeof *m);
  m->link.free = msg_free;
  m->value = v;
  return m;
}

static void test_lookup(void) {
  CHECK(sp_threadmsg_writer(7) == NULL);
  sp_port_t *reader, *writer;
  CHECK(sp_channel_new(&reader, &writer) == 0);
  CHECK(sp_threadmsg_register(7, writer) == 0);
  sp_port_unref(writer); /* the registry keeps it */
  sp_port_t *w = sp_threadmsg_writer(7);
  CHECK(w == writer);
  CHECK(sp_port_post(w, &new_msg(42)->link) == 0);
  sp_port_unref(w);
  int_msg_t *m = (int_msg_t *)sp_port_receive(reader);
  CHECK(m && m->value == 42);
  m->link.free(&m->link);
  CHECK(sp_threadmsg_writer(8) == NULL);

  /* registering again replaces the writer (the old one is dropped: its channel closes) */
  sp_port_t *reader2, *writer2;
  CHECK(sp_channel_new(&reader2, &writer2) == 0);
  CHECK(sp_threadmsg_register(7, writer2) == 0);
  sp_port_unref(writer2);
  CHECK(sp_port_is_closed(reader));
  w = sp_threadmsg_writer(7);
  CHECK(w == writer2);
  sp_port_unref(w);

  sp_threadmsg_unregister(7);
  CHECK(sp_threadmsg_writer(7) == NULL);
  CHECK(sp_port_is_closed(reader2));
  sp_threadmsg_unregister(7); /* twice: nothing */
  sp_port_unref(reader);
  sp_port_unref(reader2);
}

/* Many ids at once (the table grows), then every other one leaves. */
static void test_many(void) {
  enum { N = 100 };
  sp_port_t *readers[N];
  for (int i = 0; i < N; i++) {
    sp_port_t *writer;
    CHECK(sp_channel_new(&readers[i], &writer) == 0);
    CHECK(sp_threadmsg_register(1000 + i, writer) == 0);
    sp_port_unref(writer);
  }
  for (int i = 0; i < N; i += 2) sp_threadmsg_unregister(1000 + i);
  for (int i = 0; i < N; i++) {
    sp_port_t *w = sp_threadmsg_writer(1000 + i);
    CHECK((w != NULL) == (i % 2 == 1));
    if (w) sp_port_unref(w);
  }
  for (int i = 1; i < N; i += 2) sp_threadmsg_unregister(1000 + i);
  for (int i = 0; i < N; i++) {
    CHECK(sp_port_is_closed(readers[i]));
    sp_port_unref(readers[i]);
  }
}

/* Threads come and go while others post to them: a post finds the thread or not,
 * never a freed port (ASan/TSan builds check the memory and the locking). */
enum { THREADS = 4, ROUNDS = 300 };
static void churn(void *arg) {
  int id = (int)(intptr_t)arg;
  for (int r = 0; r < ROUNDS; r++) {
    sp_port_t *reader, *writer;
    CHECK(sp_channel_new(&reader, &writer) == 0);
    CHECK(sp_threadmsg_register(id, writer) == 0);
    sp_port_unref(writer);
    for (int k = 0; k < THREADS; k++) {
      sp_port_t *w = sp_threadmsg_writer(k);
      if (!w) continue;
      sp_port_post(w, &new_msg(r)->link); /* may find it closed: then the message is freed */
      sp_port_unref(w);
    }
    for (sp_port_msg_t *m; (m = sp_port_receive(reader)) != NULL;) m->free(m);
    sp_threadmsg_unregister(id);
    sp_port_unref(reader); /* what came after the last look is freed with the channel */
  }
}

static void test_threads(void) {
  uv_thread_t t[THREADS];
  for (int i = 0; i < THREADS; i++) CHECK(uv_thread_create(&t[i], churn, (void *)(intptr_t)i) == 0);
  for (int i = 0; i < THREADS; i++) uv_thread_join(&t[i]);
  for (int i = 0; i < THREADS; i++) CHECK(sp_threadmsg_writer(i) == NULL);
}

int main(void) {
  test_lookup();
  test_many();
  test_threads();
  puts("threadmsg ok");
  return 0;
}
