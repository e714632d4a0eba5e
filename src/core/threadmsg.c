/* See threadmsg.h. A few threads at a time: a flat array searched linearly. */
#include "core/threadmsg.h"

#include <errno.h>
#include <stdlib.h>
#include <uv.h>

typedef struct entry {
  uint64_t thread_id;
  sp_port_t *writer;
} entry_t;

static uv_once_t lock_once = UV_ONCE_INIT;
static uv_mutex_t lock;
static entry_t *entries; /* guarded by lock */
static size_t count, cap;

static void lock_init(void) { uv_mutex_init(&lock); }

static entry_t *find(uint64_t thread_id) {
  for (size_t i = 0; i < count; i++)
    if (entries[i].thread_id == thread_id) return &entries[i];
  return NULL;
}

int sp_threadmsg_register(uint64_t thread_id, sp_port_t *writer) {
  uv_once(&lock_once, lock_init);
  sp_port_ref(writer);
  sp_port_t *old = NULL;
  uv_mutex_lock(&lock);
  entry_t *e = find(thread_id);
  if (e) {
    old = e->writer;
    e->writer = writer;
  } else {
    if (count == cap) {
      size_t ncap = cap ? cap * 2 : 16;
      entry_t *grown = realloc(entries, ncap * sizeof *grown);
      if (!grown) {
        uv_mutex_unlock(&lock);
        sp_port_unref(writer);
        return -ENOMEM;
      }
      entries = grown;
      cap = ncap;
    }
    entries[count++] = (entry_t){thread_id, writer};
  }
  uv_mutex_unlock(&lock);
  if (old) sp_port_unref(old); /* outside the lock: the last unref frees queued messages */
  return 0;
}

void sp_threadmsg_unregister(uint64_t thread_id) {
  uv_once(&lock_once, lock_init);
  sp_port_t *old = NULL;
  uv_mutex_lock(&lock);
  entry_t *e = find(thread_id);
  if (e) {
    old = e->writer;
    *e = entries[--count];
  }
  uv_mutex_unlock(&lock);
  if (old) sp_port_unref(old);
}

sp_port_t *sp_threadmsg_writer(uint64_t thread_id) {
  uv_once(&lock_once, lock_init);
  uv_mutex_lock(&lock);
  entry_t *e = find(thread_id);
  sp_port_t *w = e ? e->writer : NULL;
  if (w) sp_port_ref(w);
  uv_mutex_unlock(&lock);
  return w;
}
