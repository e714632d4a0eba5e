# NODE_OPTIONS: its options apply before the command line's (its -r modules load first), in
# every thread (its preloads run in a worker given its own execArgv too), and are not in
# process.execArgv. Split at spaces except within double quotes; what is not allowed there
# (a script, -e, an unknown option), a missing value or an unterminated string exit 9.
# Also the V8 flags accepted on the command line: --stack-trace-limit takes effect in every
# thread; the heap and stack sizes and --enable-source-maps are accepted.
. ./lib.sh
cd ../fixtures/preload || exit 1
NODE_OPTIONS="-r ./announce.js" case_ "-r, then the command line's" -r "$PWD/announce.js" -e 'console.log("script", globalThis.preloaded, process.execArgv.length)'
NODE_OPTIONS='--require="./announce.js"   --no-deprecation' case_ "quoted, flags" -e 'console.log(globalThis.preloaded, process.noDeprecation, process.execArgv)'
NODE_OPTIONS='--no-warnings' case_ "--no-warnings" -e 'process.emitWarning("hidden"); console.log("done")'
NODE_OPTIONS='--require ./announce.js' case_ "workers" -e 'const { Worker } = require("worker_threads"); new Worker("console.log(\"worker\", globalThis.preloaded, process.execArgv.length)", { eval: true }).on("exit", () => new Worker("console.log(\"own execArgv\", globalThis.preloaded)", { eval: true, execArgv: [] }))'
NODE_OPTIONS='--expose-gc --stack-trace-limit=3' case_ "V8 flags" -e 'const { Worker } = require("worker_threads"); console.log(typeof gc, Error.stackTraceLimit); new Worker("console.log(typeof gc, Error.stackTraceLimit)", { eval: true, execArgv: [] })'
NODE_OPTIONS='' case_ "empty" -e 'console.log("empty ok")'
NODE_OPTIONS='--eval 1' case_ "not allowed: --eval" -e 'console.log("never")'
NODE_OPTIONS="--no-deprecation ./announce.js --throw-deprecation" case_ "ends at a non-option" -e "console.log(process.noDeprecation, process.throwDeprecation)"
NODE_OPTIONS="-- --no-deprecation" case_ "not allowed: --" -e "console.log(\"never\")"
NODE_OPTIONS='--definitely-not-an-option' case_ "not allowed: unknown" -e 'console.log("never")'
NODE_OPTIONS='-r' case_ "missing value" -e 'console.log("never")'
NODE_OPTIONS='-r "./announce.js' case_ "unterminated string" -e 'console.log("never")'
case_ "accepted V8 flags" --max-old-space-size=4096 --max-semi-space-size=16 --stack-size=900 --enable-source-maps -e 'console.log(process.execArgv.length)'
case_ "--stack-trace-limit" --stack-trace-limit=2 -e 'const { Worker } = require("worker_threads"); console.log(Error.stackTraceLimit); new Worker("console.log(Error.stackTraceLimit)", { eval: true, execArgv: [] })'
"$RT" --max-old-space-size=big -e 1 >/dev/null 2>&1; echo "## bad number: rc=$?"
exit 0
