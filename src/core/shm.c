#include "core/shm.h"

#include <stdlib.h>
#include <uv.h>

/* Registry: a small open hash of live blocks by data pointer. */
typedef struct entry {
  struct entry *next;
  sp_shm_t *block;
} entry_t;

#define NBUCKETS 64
static entry_t *buckets[NBUCKETS]; /* guarded by lock */
static size_t live;                /* guarded by lock */
static uv_mutex_t lock;
static uv_once_t once = UV_ONCE_INIT;
static void init_lock(void) { uv_mutex_init(&lock); }

static size_t slot(const void *p) { return ((uintptr_t)p >> 4) % NBUCKETS; }

sp_shm_t *sp_shm_new(size_t len) {
  uv_once(&once, init_lock);
  sp_shm_t *b = calloc(1, sizeof *b);
  entry_t *e = malloc(sizeof *e);
  /* at least one byte, so that every block has a distinct pointer */
  void *data = calloc(len ? len : 1, 1);
  if (!b || !e || !data) {
    free(b), free(e), free(data);
    return NULL;
  }
  atomic_init(&b->refs, 1);
  b->data = data;
  b->len = len;
  e->block = b;
  uv_mutex_lock(&lock);
  e->next = buckets[slot(data)];
  buckets[slot(data)] = e;
  live++;
  uv_mutex_unlock(&lock);
  return b;
}

void sp_shm_ref(sp_shm_t *b) { atomic_fetch_add(&b->refs, 1); }

void sp_shm_unref(sp_shm_t *b) {
  if (!b) return;
  /* The registry lock orders the last unref against a concurrent lookup's ref. */
  uv_mutex_lock(&lock);
  if (atomic_fetch_sub(&b->refs, 1) != 1) {
    uv_mutex_unlock(&lock);
    return;
  }
  for (entry_t **pp = &buckets[slot(b->data)]; *pp; pp = &(*pp)->next)
    if ((*pp)->block == b) {
      entry_t *e = *pp;
      *pp = e->next;
      free(e);
      break;
    }
  live--;
  uv_mutex_unlock(&lock);
  free(b->data);
  free(b);
}

sp_shm_t *sp_shm_lookup(const void *data) {
  uv_once(&once, init_lock);
  sp_shm_t *found = NULL;
  uv_mutex_lock(&lock);
  for (entry_t *e = buckets[slot(data)]; e; e = e->next)
    if (e->block->data == data) {
      found = e->block;
      atomic_fetch_add(&found->refs, 1);
      break;
    }
  uv_mutex_unlock(&lock);
  return found;
}

size_t sp_shm_live(void) {
  uv_once(&once, init_lock);
  uv_mutex_lock(&lock);
  size_t n = live;
  uv_mutex_unlock(&lock);
  return n;
}
