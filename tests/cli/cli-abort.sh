# process.abort() and --abort-on-uncaught-exception: the process dies of a signal (node
# raises SIGABRT, or traps: SIGTRAP/SIGILL, for a thrown error; spindle SIGABRT: printed
# alike as "aborted"), output written before is kept, and the flag does not apply to
# workers or to a terminated worker (node's test-worker-abort-on-uncaught-exception*).
. ./lib.sh
ulimit -c 0
aborted() {
  local label=$1; shift
  "$RT" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  local rc=$?
  case $rc in 132|133|134) rc=aborted ;; esac
  echo "## $label: rc=$rc"
  cat "$TMP/out"
}
aborted "process.abort()" -e 'console.log("before"); process.abort(); console.log("after")'
aborted "thrown" --abort-on-uncaught-exception -e 'console.log("a"); throw new Error("x")'
aborted "thrown, a listener" --abort-on-uncaught-exception \
  -e 'process.on("uncaughtException", (e) => console.log("caught", e.message)); throw new Error("x")'
aborted "thrown, a capture callback" --abort-on-uncaught-exception \
  -e 'process.setUncaughtExceptionCaptureCallback((e) => console.log("captured", e.message)); throw new Error("x")'
aborted "rejection" --abort-on-uncaught-exception -e 'Promise.reject(new Error("r"))'
aborted "rejection, a listener" --abort-on-uncaught-exception \
  -e 'process.on("uncaughtException", (e) => console.log("caught", e.message)); Promise.reject(new Error("r"))'
aborted "caught in JS" --abort-on-uncaught-exception -e 'try { throw new Error("x") } catch (e) { console.log("ok", e.message) }'
aborted "a worker's uncaught error" --abort-on-uncaught-exception -e '
  const { Worker } = require("worker_threads");
  const w = new Worker("throw new Error(\"in worker\")", { eval: true });
  w.on("error", (e) => console.log("error event:", e.message));
  w.on("exit", (code) => console.log("exit", code));'
aborted "a terminated worker" --abort-on-uncaught-exception -e '
  const { Worker } = require("worker_threads");
  const w = new Worker("while (true);", { eval: true });
  w.on("online", () => w.terminate());
  w.on("exit", (code) => console.log("exit", code));'
