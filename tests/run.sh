#!/usr/bin/env bash
# Runs every test: C unit tests, then each tests/js/*.js under node AND spindle.
# A JS test passes when both runtimes exit with the expected code (0, or the
# number in a "// expect-exit: N" line) and print byte-identical stdout.
# Then each tests/cli/*.sh: a script that spawns the runtime given as $1 (from
# tests/cli) and prints what it observes; it passes when its stdout is the same
# for node and spindle and both runs exit 0.
# Usage: tests/run.sh [BUILD_DIR] [filter]
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
FILTER=${2:-}
SPINDLE=$PWD/$BUILD/spindle
NODE=${NODE:-node}
TIMEOUT=${TEST_TIMEOUT:-60}
JOBS=${JOBS:-2}
# RETRY_HANGS=1 (the TSan run): a spindle run that times out is run once more and
# the retry is reported. Under ThreadSanitizer the engine's collector can wait
# forever for a thread whose suspend signal TSan defers (ENGINE.md, Makefile);
# a hang of spindle's own would hang twice.
RETRY_HANGS=${RETRY_HANGS:-0}
export SPINDLE NODE TIMEOUT RETRY_HANGS
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# run_limited OUT ERR CMD...: runs CMD under the timeout, stdout to OUT and
# stderr to ERR (ERR "-": with stdout); with RETRY_HANGS=1 a timed-out run is
# run once more from scratch (its output files start over). A run that ignores
# the timeout's SIGTERM is killed 10 s later (a TSan process hung in the engine
# never acts on it: TSan defers signals), exit status 137.
run_once() {
  local out=$1 err=$2; shift 2
  if [ "$err" = - ]; then timeout -k 10 "$TIMEOUT" "$@" >"$out" 2>&1 </dev/null
  else timeout -k 10 "$TIMEOUT" "$@" >"$out" 2>"$err" </dev/null; fi
}
run_limited() {
  run_once "$@"; local rc=$?
  if { [ "$rc" = 124 ] || [ "$rc" = 137 ]; } && [ "$RETRY_HANGS" = 1 ]; then
    echo "     (retried after a timeout: $(basename "${@: -1}"))" >>"$results/retries"
    run_once "$@"; rc=$?
  fi
  return $rc
}

run_unit() {
  local bin=$1 name; name=$(basename "$bin")
  if run_limited "$results/unit-$name.out" - "$bin"; then echo "ok   unit/$name"; touch "$results/pass.unit-$name"
  else echo "FAIL unit/$name"; sed 's/^/     /' "$results/unit-$name.out" | tail -20; touch "$results/fail.unit-$name"; fi
}

run_js() {
  local file=$1 name dir expect rn rs
  name=$(basename "$file" .js)
  dir=$(mktemp -d)
  expect=$(sed -n 's|^// expect-exit: \([0-9]*\).*|\1|p' "$file" | head -1)
  expect=${expect:-0}
  (cd "$(dirname "$file")" && timeout "$TIMEOUT" "$NODE" "$(basename "$file")" >"$dir/node.out" 2>"$dir/node.err" </dev/null); rn=$?
  (cd "$(dirname "$file")" && run_limited "$dir/spindle.out" "$dir/spindle.err" "$SPINDLE" "$(basename "$file")"); rs=$?
  local why=""
  [ "$rn" = "$expect" ] || why="node exited $rn (expected $expect)"
  [ -z "$why" ] && [ "$rs" != "$expect" ] && why="spindle exited $rs (expected $expect)"
  [ -z "$why" ] && ! cmp -s "$dir/node.out" "$dir/spindle.out" && why="stdout differs"
  if [ -z "$why" ]; then
    echo "ok   js/$name"; touch "$results/pass.js-$name"
  else
    echo "FAIL js/$name: $why"; touch "$results/fail.js-$name"
    if [ "$why" = "stdout differs" ]; then diff "$dir/node.out" "$dir/spindle.out" | head -20 | sed 's/^/     /'
    else tail -8 "$dir/node.err" "$dir/spindle.err" 2>/dev/null | sed 's/^/     /'; fi
  fi
  rm -rf "$dir"
}
run_cli() {
  local file=$1 name dir rn rs
  name=$(basename "$file" .sh)
  dir=$(mktemp -d)
  (cd tests/cli && timeout "$TIMEOUT" bash "$(basename "$file")" "$NODE" >"$dir/node.out" 2>"$dir/node.err" </dev/null); rn=$?
  (cd tests/cli && timeout "$TIMEOUT" bash "$(basename "$file")" "$SPINDLE" >"$dir/spindle.out" 2>"$dir/spindle.err" </dev/null); rs=$?
  local why=""
  [ "$rn" = 0 ] || why="script under node exited $rn"
  [ -z "$why" ] && [ "$rs" != 0 ] && why="script under spindle exited $rs"
  [ -z "$why" ] && ! cmp -s "$dir/node.out" "$dir/spindle.out" && why="stdout differs"
  if [ -z "$why" ]; then
    echo "ok   cli/$name"; touch "$results/pass.cli-$name"
  else
    echo "FAIL cli/$name: $why"; touch "$results/fail.cli-$name"
    if [ "$why" = "stdout differs" ]; then diff "$dir/node.out" "$dir/spindle.out" | head -20 | sed 's/^/     /'
    else tail -8 "$dir/node.err" "$dir/spindle.err" 2>/dev/null | sed 's/^/     /'; fi
  fi
  rm -rf "$dir"
}
export -f run_js run_unit run_cli run_limited run_once
export results

for bin in "$BUILD"/unit/test_*; do
  [ -x "$bin" ] || continue
  case "$bin" in *"$FILTER"*) run_unit "$bin";; esac
done
ls tests/js/*.js 2>/dev/null | grep -- "$FILTER" | xargs -P "$JOBS" -I{} bash -c 'run_js "$@"' _ {}
ls tests/cli/*.sh 2>/dev/null | grep -v '/lib\.sh$' | grep -- "$FILTER" | xargs -P "$JOBS" -I{} bash -c 'run_cli "$@"' _ {}

pass=$(ls "$results" | grep -c '^pass\.' || true)
fail=$(ls "$results" | grep -c '^fail\.' || true)
[ -f "$results/retries" ] && cat "$results/retries"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
