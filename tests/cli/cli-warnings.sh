# emitWarning's stderr text: "(RUNTIME:PID) [CODE] Name: message", detail, the one-time hint.
. ./lib.sh
"$RT" -e 'process.emitWarning("w1"); process.emitWarning("w2", { type: "XWarning", code: "C1", detail: "more" })' \
  2>&1 | norm | sed -E 's/\(RUNTIME:[0-9]+\)/(RUNTIME:PID)/'
echo "## rc=$?"
"$RT" -e 'process.emitWarning("old", "DeprecationWarning", "DEP0999")' 2>&1 | norm | sed -E 's/\(RUNTIME:[0-9]+\)/(RUNTIME:PID)/'
"$RT" --no-deprecation -e 'process.emitWarning("old", "DeprecationWarning")' 2>&1 | norm
"$RT" --no-warnings -e 'process.on("warning", (w) => console.log("event", w.message)); process.emitWarning("quiet")' 2>&1
