# readline over the main thread's stdin (a pipe, a file, /dev/null): lines, a question
# answered from the input, readline/promises, and a program that closes its interface
# before the input ends.
. ./lib.sh
printf 'alpha\r\nbeta\n\ngamma' > "$TMP/in.txt"
"$RT" -e 'const rl = require("readline").createInterface({ input: process.stdin }); rl.on("line", (l) => console.log("line", JSON.stringify(l))); rl.on("close", () => console.log("close"))' < "$TMP/in.txt"
printf 'one\ntwo\n' | "$RT" -e '(async () => { const rl = require("readline").createInterface({ input: process.stdin }); for await (const l of rl) console.log("for await", l); console.log("done"); })()'
"$RT" -e 'const rl = require("readline").createInterface({ input: process.stdin }); rl.on("close", () => console.log("close from /dev/null"))' < /dev/null
printf 'bob\nrest\n' | "$RT" -e 'const rl = require("readline").createInterface({ input: process.stdin, output: process.stdout }); rl.question("name? ", (a) => { console.log(`hi ${a}`); rl.close(); })'
printf 'yes\n' | "$RT" -e '(async () => { const rl = require("readline/promises").createInterface({ input: process.stdin, output: process.stdout }); const a = await rl.question("ok? "); console.log(`got ${a}`); rl.close(); })()'
