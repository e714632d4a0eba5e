#!/usr/bin/env bash
# Start-up time, spindle vs node: `-e 0`, and a script that requires util, events
# and assert. Prints the median of N runs (ms) for each and the ratio spindle/node.
# Usage: bench/startup.sh [BUILD_DIR] [N]   (N defaults to 21)
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
N=${2:-21}
SPINDLE=$PWD/$BUILD/spindle
NODE=${NODE:-node}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/requires.js" <<'JS'
const util = require('util');
const events = require('events');
const assert = require('assert');
assert.ok(typeof util.inspect === 'function' && typeof events.EventEmitter === 'function');
JS

# The two runtimes run alternately, so load from other processes hits both alike.
# time_us CMD...: wall time of one run in microseconds
time_us() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000 ))
}
median_ms() { sort -n | awk -v n="$N" '{ a[NR] = $1 } END { printf "%.2f", a[int((n + 1) / 2)] / 1000 }'; }

row() {
  local label=$1; shift
  local i s=() n=()
  time_us "$SPINDLE" "$@" >/dev/null; time_us "$NODE" "$@" >/dev/null # warm the page cache
  for ((i = 0; i < N; i++)); do
    s+=($(time_us "$SPINDLE" "$@"))
    n+=($(time_us "$NODE" "$@"))
  done
  local sm nm
  sm=$(printf '%s\n' "${s[@]}" | median_ms)
  nm=$(printf '%s\n' "${n[@]}" | median_ms)
  awk -v l="$label" -v s="$sm" -v n="$nm" 'BEGIN { printf "%-28s %10.2f %10.2f %8.2fx\n", l, s, n, s / n }'
}

echo "start-up, median of $N runs, $(date -u +%Y-%m-%d) on $(nproc) CPU(s), $(uname -m)"
printf '%-28s %10s %10s %9s\n' "case" "spindle ms" "node ms" "ratio"
row "-e 0" -e 0
row "require util/events/assert" "$tmp/requires.js"
