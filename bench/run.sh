#!/usr/bin/env bash
# spindle's benchmarks, side by side with node: start-up (bench/startup.sh), a worker's
# life step by step (bench/spawn_steps.js), spaced worker spawns (bench/spawn_spaced.js), structured clone by value shape
# (bench/clone_shapes.js), a message's cost each side in one thread (bench/port_costs.js),
# process.memoryUsage()'s cost with a big heap (bench/memory_usage.js), a local-time
# Date read per message (bench/date_per_message.js),
# which side bounds a cross-thread flood (bench/flood_split.js),
# a 64 MiB buffer bounced between two threads without pause (bench/transfer_bounce.js), the
# piscina worker pool from npm (bench/piscina.sh), then
# the shared worker suite (../shared/bench, interleaved runs, ratio > 1 = spindle
# better). Usage: bench/run.sh [BUILD_DIR]; RUNS, BENCHES as in ../shared/bench.
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
SHARED=${SHARED_BENCH:-../shared/bench}
echo "== start-up"
bench/startup.sh "$BUILD"
echo "== a worker's life step by step: new Worker(), its first line, 'online', first message, exit (bench/spawn_steps.js, ms)"
"./$BUILD/spindle" bench/spawn_steps.js
"${NODE:-node}" bench/spawn_steps.js
echo "== spawn with quiet gaps (bench/spawn_spaced.js)"
"./$BUILD/spindle" bench/spawn_spaced.js
"${NODE:-node}" bench/spawn_spaced.js
echo "== structured clone by value shape (bench/clone_shapes.js, us per clone)"
"./$BUILD/spindle" bench/clone_shapes.js
"${NODE:-node}" bench/clone_shapes.js
echo "== one message's cost each side, in one thread (bench/port_costs.js)"
"./$BUILD/spindle" bench/port_costs.js
"${NODE:-node}" bench/port_costs.js
echo "== process.memoryUsage() with a million objects (bench/memory_usage.js)"
"./$BUILD/spindle" bench/memory_usage.js
"${NODE:-node}" bench/memory_usage.js
echo "== a local-time Date read per message (bench/date_per_message.js)"
"./$BUILD/spindle" bench/date_per_message.js
"${NODE:-node}" bench/date_per_message.js
echo "== which side bounds a cross-thread flood (bench/flood_split.js)"
"./$BUILD/spindle" bench/flood_split.js
"${NODE:-node}" bench/flood_split.js
echo "== a 64 MiB buffer bounced without pause (bench/transfer_bounce.js, us per round trip)"
"./$BUILD/spindle" bench/transfer_bounce.js
"${NODE:-node}" bench/transfer_bounce.js
echo "== a real worker pool: piscina from npm (bench/piscina.sh, tasks per second)"
if command -v npm >/dev/null; then RUNS=3 bench/piscina.sh "$BUILD" || echo "(piscina bench failed: no npm registry?)"
else echo "(skipped: no npm)"; fi
if [ -x "$SHARED/compare.sh" ]; then
  echo "== worker suite ($SHARED)"
  "$SHARED/compare.sh" "./$BUILD/spindle" -- "${NODE:-node}"
  echo "== idle worker memory, measured from outside"
  "$SHARED/mem.sh" "./$BUILD/spindle" | tail -2
  "$SHARED/mem.sh" "${NODE:-node}" | tail -2
else
  echo "shared benchmark suite not found at $SHARED (set SHARED_BENCH)" >&2
fi
