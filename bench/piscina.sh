#!/usr/bin/env bash
# The piscina worker pool (npm) under spindle and node, interleaved RUNS times (default 5):
# installs piscina into bench/piscina/node_modules on first use (needs the npm registry).
# Usage: bench/piscina.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build}
RUNS=${RUNS:-5}
if [ ! -d bench/piscina/node_modules/piscina ]; then
  (cd bench/piscina && npm install --no-audit --no-fund --loglevel=error)
fi
for r in $(seq 1 "$RUNS"); do
  echo "spindle $("./$BUILD/spindle" bench/piscina/bench.js)"
  echo "node    $("${NODE:-node}" bench/piscina/bench.js)"
done
