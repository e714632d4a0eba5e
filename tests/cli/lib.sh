# Helpers for tests/cli/*.sh. Each script is run from tests/cli with the runtime
# command as $1 (node or spindle) and prints what it observes; tests/run.sh
# compares that output between the two runtimes.
RT=$1
RT_NAME=$(basename "$RT")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Replaces the runtime's path and name with RUNTIME, so "node: bad option" and
# "spindle: bad option" compare equal.
norm() { sed -e "s|$RT|RUNTIME|g" -e "s|\\b$RT_NAME\\b|RUNTIME|g"; }

# case LABEL ARGS...: runs the runtime (stdin from $IN if set, else /dev/null) and
# prints the exit code, stdout, and the first stderr line (normalised).
case_() {
  local label=$1; shift
  if [ -n "${IN+x}" ]; then printf '%s' "$IN" | "$RT" "$@" >"$TMP/out" 2>"$TMP/err"
  else "$RT" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null; fi
  local rc=$?
  echo "## $label: rc=$rc"
  norm <"$TMP/out"
  if [ -s "$TMP/err" ]; then echo "stderr: $(head -1 "$TMP/err" | norm)"; fi
}

# stderr_has LABEL PATTERN ARGS...: runs and reports whether stderr matches an extended regex.
stderr_has() {
  local label=$1 pat=$2; shift 2
  "$RT" "$@" >/dev/null 2>"$TMP/err" </dev/null
  local rc=$?
  if norm <"$TMP/err" | grep -Eq -- "$pat"; then echo "## $label: rc=$rc matches /$pat/"
  else echo "## $label: rc=$rc NO MATCH /$pat/"; sed 's/^/   | /' "$TMP/err" | norm | head -20; fi
}
