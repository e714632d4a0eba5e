# emitWarning's stderr text: "(RUNTIME:PID) [CODE] Name: message", detail, the one-time hint.
. ./lib.sh
"$RT" -e 'process.emitWarning("w1"); process.emitWarning("w2", { type: "XWarning", code: "C1", detail: "more" })' \
  2>&1 | norm | sed -E 's/\(RUNTIME:[0-9]+\)/(RUNTIME:PID)/'
echo "## rc=$?"
"$RT" -e 'process.emitWarning("old", "DeprecationWarning", "DEP0999")' 2>&1 | norm | sed -E 's/\(RUNTIME:[0-9]+\)/(RUNTIME:PID)/'
"$RT" --no-deprecation -e 'process.emitWarning("old", "DeprecationWarning")' 2>&1 | norm
"$RT" --no-warnings -e 'process.on("warning", (w) => console.log("event", w.message)); process.emitWarning("quiet")' 2>&1
# The printing is the default 'warning' listener, the first one: before the program's
# listener, and gone (silent) when the program removes it; none with NODE_NO_WARNINGS=1, or
# in a worker whose execArgv has --no-warnings.
"$RT" -e 'console.log("listeners", process.listeners("warning").map((f) => f.name)); process.on("warning", () => console.error("program listener")); process.emitWarning("first")' 2>&1 | norm | sed -E 's/\(RUNTIME:[0-9]+\)/(RUNTIME:PID)/'
"$RT" -e 'process.removeAllListeners("warning"); process.emitWarning("removed"); setTimeout(() => console.log("silent"), 10)' 2>&1
NODE_NO_WARNINGS=1 "$RT" -e 'console.log(process.listenerCount("warning")); process.emitWarning("env")' 2>&1
"$RT" -e 'const { Worker } = require("worker_threads"); new Worker("console.log(\"worker listeners\", process.listenerCount(\"warning\")); process.emitWarning(\"in worker\")", { eval: true, execArgv: ["--no-warnings"] })' 2>&1
