# Exit codes and what reaches stderr first.
. ./lib.sh
case_ "normal" -e '1'
case_ "exitCode" -e 'process.exitCode = 3'
case_ "exit(n)" -e 'process.exit(4); console.log("not reached")'
case_ "exit() uses exitCode" -e 'process.exitCode = 5; process.exit()'
case_ "exit in exit handler" -e 'process.on("exit", (c) => { console.log("exit", c); process.exitCode = 6; })'
case_ "uncaught" -e 'throw new Error("boom")'
case_ "uncaught in timer" -e 'setTimeout(() => { throw new Error("later") }, 1)'
case_ "uncaught exit event" -e 'process.on("exit", (c) => console.log("exit", c, process.exitCode)); throw new Error("x")'
case_ "rejection" -e 'Promise.reject(new Error("nope"))'
stderr_has "rejection of primitive" '^UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch\(\). The promise rejected with the reason "42".$' -e 'Promise.reject(42)'
case_ "rejection handled late" -e 'const p = Promise.reject(new Error("x")); setTimeout(() => p.catch(() => {}), 1)'
case_ "handler catches" -e 'process.on("uncaughtException", (e) => console.log("caught", e.message)); throw new Error("y")'
case_ "handler throws" -e 'process.on("uncaughtException", () => { throw new Error("again") }); throw new Error("y")'
stderr_has "handler throws: message" '^Error: again$' -e 'process.on("uncaughtException", () => { throw new Error("again") }); throw new Error("y")'
case_ "exit code 0 after uncaught handler" -e 'process.on("uncaughtException", () => {}); setTimeout(() => { throw 1 }, 1)'
# nothing written before process.exit() may be lost (a file: node's pipes are async)
"$RT" -e 'for (let i = 0; i < 5000; i++) process.stdout.write("line " + i + " " + "x".repeat(200) + "\n"); process.exit(3)' \
  >"$TMP/big"; echo "## big write then exit: rc=$? $(wc -lc <"$TMP/big")"
"$RT" -e 'console.log("a"); process.stderr.write("b\n"); console.log("c")' 2>&1; echo "## interleaved: rc=$?"
# a reader that goes away (SIGPIPE is ignored, as in node: the process is not killed by it)
"$RT" -e 'for (let i = 0; i < 100000; i++) console.log(i)' | head -1; echo "## stdout reader gone: rc=${PIPESTATUS[0]}"
"$RT" -e '
const { spawn } = require("child_process");
const child = spawn("sh", ["-c", "exit 0"]);
child.stdin.on("error", (e) => console.log("stdin error", e.code));
child.on("exit", () => setTimeout(() => { child.stdin.write("x".repeat(1 << 20)); setTimeout(() => console.log("still alive"), 50); }, 20));
'; echo "## child stdin after its exit: rc=$?"
