/* The clock JavaScriptCore's watchdog reads on a worker's thread (see watchdog_clock.c). */
#ifndef SP_WATCHDOG_CLOCK_H
#define SP_WATCHDOG_CLOCK_H
#include <stdbool.h>

/* From now on this thread's CPU clock (CLOCK_THREAD_CPUTIME_ID) reads the coarse
 * monotonic clock instead: cheap, and still a clock that moves while JS runs. */
void sp__watchdog_clock_use_wall_time(bool on);

#endif
