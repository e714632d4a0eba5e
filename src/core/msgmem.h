/* Fixed-size blocks for small messages, recycled per thread.
 *
 * A message is allocated on the sending thread and freed on the receiving
 * one. With malloc that free takes the sender's arena lock, and a flood of
 * messages makes the two threads fight over it (measured: a fifth of
 * throughput_small went to futex calls in malloc/free). Here each thread
 * keeps a cache of blocks; blocks freed by another thread are pushed, a chain
 * at a time and without a lock, onto their owner cache's return stack, which
 * the owner takes back whole when its own free list runs dry.
 *
 * Lifetimes: a cache lives while its thread does or while any of its blocks
 * exists (refcount: one per block that is not back in malloc, plus one for the
 * thread). When its thread exits, the return stack is sealed (a sentinel
 * head): blocks freed later go straight back to malloc. */
#ifndef SP_CORE_MSGMEM_H
#define SP_CORE_MSGMEM_H
#include <stddef.h>

/* Usable bytes of a block. */
#define SP_MSGBLOCK_BYTES 448

/* A block of SP_MSGBLOCK_BYTES (max_align_t aligned), or NULL. Any thread. */
void *sp_msgblock_alloc(void);
/* Gives a block back; any thread. NULL is fine. A block of another thread's
 * cache may wait in a short per-thread chain until sp_msgblock_flush. */
void sp_msgblock_free(void *p);
/* Hands the blocks this thread freed for another thread's cache back to it
 * now: call before the thread may block for long (also done when the chain
 * fills up and at thread exit). */
void sp_msgblock_flush(void);
/* The calling thread will not allocate blocks any more (also done
 * automatically at thread exit); its cache goes when its last block does. */
void sp_msgblock_thread_exit(void);

#endif
