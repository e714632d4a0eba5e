/* The clock JavaScriptCore's watchdog reads on a worker's thread (see watchdog_clock.c). */
#ifndef SP_WATCHDOG_CLOCK_H
#define SP_WATCHDOG_CLOCK_H
#include <stdatomic.h>
#include <stdbool.h>

/* From now on this thread's CPU clock (CLOCK_THREAD_CPUTIME_ID) reads the coarse
 * monotonic clock instead: cheap, and still a clock that moves while JS runs. */
void sp__watchdog_clock_use_wall_time(bool on);
/* Once *hurry is true (a worker's terminate flag; NULL: none), this thread's clocks read
 * so that the watchdog's next look finds its deadlines passed even when it set them a
 * moment ago (watchdog_clock.c): a loop of promise jobs enters the VM once per job, and
 * the engine sets them afresh at each entry, so it would never find them passed otherwise.
 * Cleared (NULL) before *hurry goes away. */
void sp__watchdog_clock_hurry_on(const atomic_bool *hurry);
/* The watchdog's callback ran (after its CPU clock read): the next monotonic read is
 * nobody's entry, and reads true. */
void sp__watchdog_clock_looked(void);

#endif
