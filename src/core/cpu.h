/* Tiny CPU helpers shared by the spin-then-block waits (parking lot, inbox). */
#ifndef SP_CORE_CPU_H
#define SP_CORE_CPU_H

/* One polite busy-wait step: lets the sibling hyperthread and the memory
 * system breathe (x86 `pause`, arm64 `yield`). */
static inline void sp_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

#endif
