/* Shared memory blocks behind SharedArrayBuffer (engine-agnostic).
 *
 * Ownership: a block is refcounted (`refs`, atomic). Every VM object that
 * wraps it (one per thread that received the buffer) holds one reference,
 * dropped by the engine's deallocator when that object is collected; a
 * message in flight holds one until it is delivered or freed. The bytes are
 * freed with the last reference, on whichever thread drops it. A registry
 * (its own mutex) maps data pointers back to blocks, so that a buffer
 * object's bytes pointer identifies its block. */
#ifndef SP_CORE_SHM_H
#define SP_CORE_SHM_H
#include <stdatomic.h>
#include <stddef.h>

typedef struct sp_shm {
  atomic_long refs;
  void *data;
  size_t len;
} sp_shm_t;

/* A zero-filled block of len bytes with refs = 1; NULL when out of memory. */
sp_shm_t *sp_shm_new(size_t len);
void sp_shm_ref(sp_shm_t *b);
void sp_shm_unref(sp_shm_t *b);
/* The block whose bytes start at data, with a new reference; NULL if none. */
sp_shm_t *sp_shm_lookup(const void *data);
/* Number of live blocks (tests: nothing leaks). */
size_t sp_shm_live(void);

#endif
