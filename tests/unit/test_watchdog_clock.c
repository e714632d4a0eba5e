/* Unit tests of src/jsc/watchdog_clock.c: a thread that asks for it reads the coarse
 * monotonic clock as its CPU clock (it moves while the thread sleeps); every other
 * thread and every other clock read what the C library gives. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "jsc/watchdog_clock.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

static double read_ms(clockid_t id) {
  struct timespec ts;
  CHECK(clock_gettime(id, &ts) == 0);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* How far the thread's CPU clock moves while the thread sleeps 50 ms. */
static double cpu_clock_ms_over_a_sleep(void) {
  double before = read_ms(CLOCK_THREAD_CPUTIME_ID);
  usleep(50 * 1000);
  return read_ms(CLOCK_THREAD_CPUTIME_ID) - before;
}

static void *other_thread(void *arg) {
  *(double *)arg = cpu_clock_ms_over_a_sleep();
  return NULL;
}

int main(void) {
  /* by default the CPU clock is the real one: sleeping does not move it */
  CHECK(cpu_clock_ms_over_a_sleep() < 20);

  sp__watchdog_clock_use_wall_time(true);
  double moved = cpu_clock_ms_over_a_sleep();
  CHECK(moved >= 40 && moved < 1000);
  /* ... and it reads the coarse monotonic clock, nothing else */
  double mono = read_ms(CLOCK_MONOTONIC_COARSE), cpu = read_ms(CLOCK_THREAD_CPUTIME_ID);
  CHECK(cpu >= mono && cpu - mono < 50);

  /* only on this thread */
  pthread_t t;
  double other_moved = -1;
  CHECK(pthread_create(&t, NULL, other_thread, &other_moved) == 0);
  CHECK(pthread_join(t, NULL) == 0);
  CHECK(other_moved >= 0 && other_moved < 20);

  /* the other clocks are the C library's: the monotonic clock agrees with the kernel's */
  struct timespec k;
  CHECK(syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &k) == 0);
  double ours = read_ms(CLOCK_MONOTONIC), kernel = k.tv_sec * 1e3 + k.tv_nsec / 1e6;
  CHECK(ours >= kernel && ours - kernel < 50);
  CHECK(read_ms(CLOCK_REALTIME) > 1.6e12); /* after 2020 */

  sp__watchdog_clock_use_wall_time(false);
  CHECK(cpu_clock_ms_over_a_sleep() < 20);
  printf("test_watchdog_clock: ok\n");
  return 0;
}
