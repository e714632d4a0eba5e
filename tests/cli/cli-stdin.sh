# The main thread's process.stdin: read from a pipe, a file or /dev/null while it flows
# ('data', setEncoding, async iteration, pipe, 'end'); a program that never reads it, or
# pauses it, does not wait for its end; a paused stdin resumes where it stopped; no isTTY
# off a terminal.
. ./lib.sh
printf 'hello\nworld\n' > "$TMP/in.txt"
IN='hello
' case_ "data and end from a pipe" -e 'let s = ""; process.stdin.on("data", (d) => { s += d; }); process.stdin.on("end", () => console.log("end", JSON.stringify(s), Buffer.isBuffer(Buffer.from("x"))))'
"$RT" -e '(async () => { process.stdin.setEncoding("utf8"); let s = ""; for await (const c of process.stdin) s += c; console.log("from a file:", JSON.stringify(s)); })()' < "$TMP/in.txt"
"$RT" -e 'process.stdin.setEncoding("utf8"); process.stdin.on("data", (d) => console.log("chunk is", typeof d)); process.stdin.on("end", () => console.log("end"))' < "$TMP/in.txt"
"$RT" -e 'process.stdin.on("data", (d) => console.log("data from /dev/null", d.length)); process.stdin.on("end", () => console.log("end of /dev/null"))' < /dev/null
printf 'piped through\n' | "$RT" -e 'process.stdin.pipe(process.stdout)'
echo "isTTY off a terminal: $(printf '' | "$RT" -e 'console.log(process.stdin.isTTY, process.stdin.fd)')"
# never read: the program ends without the input's end; paused after the first chunk: as
# node's, reading goes on (up to 16 KB), so the program waits for the end
# (timed on the reading side: the pipeline itself lasts as long as its writer)
timed() { local s; s=$(date +%s%N); "$RT" -e "$1"; echo $(( ($(date +%s%N) - s) / 1000000 )) > "$TMP/took"; }
(sleep 2; echo late) | timed 'process.stdin; console.log("never read")'
[ "$(cat "$TMP/took")" -lt 1500 ] && echo "never read: did not wait for the input's end" || echo "never read: waited for the input's end"
(echo first; sleep 2; echo late) | timed 'process.stdin.once("data", (d) => { console.log("got", String(d).trim()); process.stdin.pause(); })'
[ "$(cat "$TMP/took")" -lt 1500 ] && echo "paused: did not wait for the input's end" || echo "paused: waited for the input's end (reading goes on while paused)"
# resumed after a pause: the rest arrives
(echo one; sleep 1; echo two) | "$RT" -e 'let s = ""; process.stdin.once("data", (d) => { s += d; process.stdin.pause(); setTimeout(() => { process.stdin.on("data", (d) => { s += d; }); process.stdin.on("end", () => console.log("resumed:", JSON.stringify(s))); process.stdin.resume(); }, 200); })'
# destroy(): no more data, 'close', and the program does not wait for the input's end
(echo first; sleep 2; echo late) | timed 'process.stdin.once("data", (d) => { console.log("got", String(d).trim()); process.stdin.destroy(); process.stdin.on("close", () => console.log("closed")); })'
[ "$(cat "$TMP/took")" -lt 1500 ] && echo "destroyed: did not wait" || echo "destroyed: waited for the input's end"
