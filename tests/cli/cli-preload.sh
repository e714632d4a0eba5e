# -r / --require preloads modules before the script (-e, a file, stdin), from the working
# directory, in order, and again in every worker (which inherits the parent's execArgv
# unless given its own); --trace-warnings and friends set process properties and change how
# warnings print. A missing module fails before the script, exit 1.
. ./lib.sh
cd ../fixtures/preload || exit 1
case_ "-r relative, -e" -r ./announce.js -e 'console.log("script", globalThis.preloaded)'
case_ "--require twice, file" --require ./announce.js --require=./announce.js ../modules/this.js
IN='console.log("stdin", globalThis.preloaded)' case_ "-r, stdin" -r "$PWD/announce.js"
case_ "worker inherits" -r ./announce.js -e 'const { Worker } = require("worker_threads"); new Worker("console.log(\"worker script\", globalThis.preloaded, process.execArgv.slice(0, 2))", { eval: true })'
case_ "worker own execArgv" -r ./announce.js -e 'const { Worker } = require("worker_threads"); new Worker("console.log(\"worker script\", globalThis.preloaded)", { eval: true, execArgv: [] })'
stderr_has "missing module" "Cannot find module './nonexistent.js'" -r ./nonexistent.js -e 'console.log("never")'
case_ "missing argument" -e 'console.log(1)' -r
case_ "flags" --trace-warnings --trace-deprecation --throw-deprecation -e 'console.log(process.traceProcessWarnings, process.traceDeprecation, process.throwDeprecation, process.noDeprecation)'
stderr_has "trace-warnings prints the stack" '^\(RUNTIME:[0-9]+\) Warning: traced$' --trace-warnings -e 'function here() { process.emitWarning("traced"); } here()'
"$RT" --trace-warnings -e 'function here() { process.emitWarning("traced"); } here()' 2>&1 | grep -c "at here"
"$RT" --trace-warnings -e 'process.emitWarning("traced")' 2>&1 | grep -c "to show where the warning was created"
exit 0
