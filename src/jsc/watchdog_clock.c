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
static _Thread_local const atomic_bool *thread_hurry;
static _Thread_local time_t thread_skew_s;
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

/* A terminating worker's thread (sp__watchdog_clock_hurry_on). The watchdog only calls
 * spindle's callback when, at a check (its timer fired), both its deadlines have passed: a
 * CPU one and a wall-clock one, which it sets when JS enters the VM (CPU clock read first,
 * then the monotonic clock). A loop of promise jobs enters the VM once per job, and each
 * entry sets them afresh just before the check, so the check never finds them passed and
 * the loop never stops. While the thread hurries: each read of its CPU clock is an hour
 * later than the one before (the CPU deadline has passed at the next look), and the
 * monotonic read that comes right after one (the entry's) is an hour early, so the
 * wall-clock deadline set from it has passed too. Every other monotonic read is the true
 * one: the collector's and the loop's timing stay as they are. */
static _Thread_local bool thread_after_cpu_read;

int clock_gettime(clockid_t id, struct timespec *ts) {
  bool hurry = thread_hurry && (id == CLOCK_THREAD_CPUTIME_ID || id == CLOCK_MONOTONIC) &&
               atomic_load_explicit(thread_hurry, memory_order_relaxed);
  bool cpu = id == CLOCK_THREAD_CPUTIME_ID;
  if (cpu && thread_cpu_is_wall_time) id = CLOCK_MONOTONIC_COARSE;
  clock_gettime_fn fn = atomic_load_explicit(&next_clock_gettime, memory_order_acquire);
  int rc = (fn ? fn : resolve_next())(id, ts);
  if (hurry && rc == 0) {
    if (cpu) {
      thread_skew_s += 3600;
      ts->tv_sec += thread_skew_s;
      thread_after_cpu_read = true;
    } else if (thread_after_cpu_read) {
      ts->tv_sec -= 3600;
      thread_after_cpu_read = false;
    }
  }
  return rc;
}

void sp__watchdog_clock_looked(void) {
  thread_after_cpu_read = false;
}

void sp__watchdog_clock_use_wall_time(bool on) {
  thread_cpu_is_wall_time = on;
}

void sp__watchdog_clock_hurry_on(const atomic_bool *hurry) {
  thread_hurry = hurry;
  thread_skew_s = 0;
  thread_after_cpu_read = false;
}
