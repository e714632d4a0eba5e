/* A cheap clock for JavaScriptCore's watchdog.
 *
 * A worker arms the engine's execution time limit so that terminate() can stop
 * running JavaScript (agent.c). While it is armed, JavaScriptCore reads the
 * thread's CPU clock at every VM entry (WTF::CPUTime::forCurrentThread, to set
 * the limit's deadline), and that clock has no vDSO fast path: a system call,
 * ~0.6-1.2 us on this project's KVM guests (the monotonic clock: ~0.07 us, its
 * coarse variant ~0.01 us). A worker enters the VM once per message, so this
 * one call was a large part of a message's cost.
 *
 * spindle's watchdog callback does not need CPU time: it only looks, every
 * period, whether terminate() was asked or the heap limit passed, then re-arms.
 * So on the threads that ask for it, clock_gettime(CLOCK_THREAD_CPUTIME_ID)
 * answers with the coarse monotonic clock (the period then counts time spent
 * inside a VM entry, blocked or not, instead of CPU time: the callback just
 * looks a little more often). Every other clock, and every other thread, gets
 * the C library's clock_gettime unchanged.
 *
 * How: this file defines clock_gettime, so the executable's definition is the
 * one the engine's calls bind to (symbol interposition), and it forwards to the
 * next definition (the C library's, or a sanitizer's interceptor). Nothing in
 * spindle or in the engine uses the thread CPU clock for anything else
 * (process.cpuUsage() uses getrusage). */
#include "jsc/watchdog_clock.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

typedef int (*clock_gettime_fn)(clockid_t, struct timespec *);

static _Thread_local bool thread_cpu_is_wall_time;
static _Atomic(clock_gettime_fn) next_clock_gettime;

static int clock_gettime_by_syscall(clockid_t id, struct timespec *ts) {
  return (int)syscall(SYS_clock_gettime, id, ts);
}

static clock_gettime_fn resolve_next(void) {
  clock_gettime_fn fn = (clock_gettime_fn)dlsym(RTLD_NEXT, "clock_gettime");
  if (!fn) fn = clock_gettime_by_syscall; /* no C library after us (a static link) */
  atomic_store_explicit(&next_clock_gettime, fn, memory_order_release);
  return fn;
}

/* Resolved before main(), so the forwarding below is one load and a call. */
__attribute__((constructor)) static void watchdog_clock_init(void) {
  resolve_next();
}

int clock_gettime(clockid_t id, struct timespec *ts) {
  if (id == CLOCK_THREAD_CPUTIME_ID && thread_cpu_is_wall_time) id = CLOCK_MONOTONIC_COARSE;
  clock_gettime_fn fn = atomic_load_explicit(&next_clock_gettime, memory_order_acquire);
  return (fn ? fn : resolve_next())(id, ts);
}

void sp__watchdog_clock_use_wall_time(bool on) {
  thread_cpu_is_wall_time = on;
}
