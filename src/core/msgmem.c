/* See msgmem.h for why and for the lifetime rules. */
#include "core/msgmem.h"

#include <pthread.h>
#include <stdalign.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
/* a block resting in a cache is poisoned, so a use after free still trips ASan */
#define POISON(p) ASAN_POISON_MEMORY_REGION((p), SP_MSGBLOCK_BYTES)
#define UNPOISON(p) ASAN_UNPOISON_MEMORY_REGION((p), SP_MSGBLOCK_BYTES)
#else
#define POISON(p) ((void)0)
#define UNPOISON(p) ((void)0)
#endif

typedef struct cache cache_t;

typedef struct block {
  cache_t *owner;
  struct block *next; /* in a free list or a return stack */
  alignas(max_align_t) unsigned char bytes[SP_MSGBLOCK_BYTES];
} block_t;

struct cache {
  _Atomic(block_t *) returned; /* pushed by other threads; SEALED once the owner is gone */
  atomic_long refs;            /* blocks not back in malloc, + 1 while the thread lives */
  block_t *free;               /* the owner's alone */
  size_t nfree;
};

#define SEALED ((block_t *)(uintptr_t)1)
/* Blocks a thread keeps from its own frees, and from a take-back of returned
 * ones (a flood returns many at once; beyond this they go back to malloc). */
enum { OWN_FREE_MAX = 64, TAKE_BACK_MAX = 1024 };

static __thread cache_t *tls_cache;

/* Blocks freed here for another thread's cache wait in a short chain and go
 * back in one push: a push per message made the freeing thread and the owner
 * (which takes its return stack whole) bounce that line between cores in a
 * flood. Flushed when full, when a block of another owner comes, by
 * sp_msgblock_flush and at thread exit. */
enum { RETURN_BATCH = 32 };
static __thread struct {
  cache_t *owner;
  block_t *head, *tail;
  long n;
} tls_ret;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void cache_unref(cache_t *c, long n) {
  if (n && atomic_fetch_sub(&c->refs, n) == n) free(c);
}

static void release_cache(cache_t *c) {
  block_t *list = atomic_exchange(&c->returned, SEALED);
  long n = 0;
  for (block_t *b = list, *next; b; b = next, n++) {
    next = b->next;
    free(b);
  }
  for (block_t *b = c->free, *next; b; b = next, n++) {
    next = b->next;
    free(b);
  }
  c->free = NULL;
  c->nfree = 0;
  cache_unref(c, n + 1);
}

static void on_thread_exit(void *c) {
  sp_msgblock_flush();
  if (tls_cache == c) tls_cache = NULL;
  release_cache(c);
}

static void make_exit_key(void) { pthread_key_create(&exit_key, on_thread_exit); }

static cache_t *my_cache(void) {
  if (tls_cache) return tls_cache;
  pthread_once(&exit_key_once, make_exit_key);
  cache_t *c = calloc(1, sizeof *c);
  if (!c) return NULL;
  atomic_init(&c->returned, NULL);
  atomic_init(&c->refs, 1);
  pthread_setspecific(exit_key, c);
  tls_cache = c;
  return c;
}

/* Moves the blocks other threads returned into the free list, keeping at most TAKE_BACK_MAX. */
static void take_back(cache_t *c) {
  block_t *b = atomic_exchange(&c->returned, NULL);
  long dropped = 0;
  while (b) {
    block_t *next = b->next;
    if (c->nfree < TAKE_BACK_MAX) {
      b->next = c->free;
      c->free = b;
      c->nfree++;
    } else {
      free(b);
      dropped++;
    }
    b = next;
  }
  cache_unref(c, dropped);
}

void *sp_msgblock_alloc(void) {
  cache_t *c = my_cache();
  if (!c) return NULL;
  if (!c->free) take_back(c);
  block_t *b = c->free;
  if (b) {
    c->free = b->next;
    c->nfree--;
    UNPOISON(b->bytes);
    return b->bytes;
  }
  b = malloc(sizeof *b);
  if (!b) return NULL;
  b->owner = c;
  atomic_fetch_add(&c->refs, 1);
  return b->bytes;
}

void sp_msgblock_free(void *p) {
  if (!p) return;
  block_t *b = (block_t *)((unsigned char *)p - offsetof(block_t, bytes));
  cache_t *c = b->owner;
  POISON(b->bytes);
  if (c == tls_cache) {
    if (c->nfree < OWN_FREE_MAX) {
      b->next = c->free;
      c->free = b;
      c->nfree++;
      return;
    }
    free(b);
    cache_unref(c, 1);
    return;
  }
  if (tls_ret.owner != c) {
    sp_msgblock_flush();
    tls_ret.owner = c;
    tls_ret.tail = b;
  }
  b->next = tls_ret.head;
  tls_ret.head = b;
  /* a thread without a cache of its own would not flush the chain at exit */
  if (++tls_ret.n >= RETURN_BATCH || !my_cache()) sp_msgblock_flush();
}

void sp_msgblock_flush(void) {
  cache_t *c = tls_ret.owner;
  if (!c) return;
  block_t *first = tls_ret.head, *last = tls_ret.tail;
  long n = tls_ret.n;
  tls_ret.owner = NULL;
  tls_ret.head = tls_ret.tail = NULL;
  tls_ret.n = 0;
  block_t *head = atomic_load(&c->returned);
  do {
    if (head == SEALED) { /* the owner thread is gone */
      last->next = NULL;  /* a failed exchange may have linked it to the old stack */
      for (block_t *b = first, *next; b; b = next) {
        next = b->next;
        free(b);
      }
      cache_unref(c, n);
      return;
    }
    last->next = head;
  } while (!atomic_compare_exchange_weak(&c->returned, &head, first));
}

void sp_msgblock_thread_exit(void) {
  sp_msgblock_flush();
  cache_t *c = tls_cache;
  if (!c) return;
  tls_cache = NULL;
  pthread_setspecific(exit_key, NULL);
  release_cache(c);
}
