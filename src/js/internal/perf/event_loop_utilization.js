'use strict';
// Event-loop utilization, node's arithmetic: from when a loop started serving its
// script (loopStart, ms since the process's start; <= 0: not yet) and the time it
// has been idle since, the time it was active, optionally as the difference from
// an earlier reading (util1) or between two readings (util1 - util2). Shared by
// perf_hooks (this thread's loop) and worker.performance (a worker's, read from
// its parent).

const perf = binding('perf');

function eventLoopUtilization(loopStart, idle, util1, util2) {
  if (!(loopStart > 0)) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idleDelta = util1.idle - util2.idle;
    const activeDelta = util1.active - util2.active;
    return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
  }
  const active = perf.now() - loopStart - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

module.exports = { eventLoopUtilization };
