# Argument parsing: script + args, -e, -p, stdin, --, option errors.
. ./lib.sh
case_ "script args" ../fixtures/cli/argv.js a --b -c
case_ "-e" -e 'console.log(process.argv.length, typeof require, __filename)' x y
case_ "-e with --" -e 'console.log(process.argv.slice(1).join(","))' -- --x y
case_ "-p number" -p '6*7'
case_ "-p string" -p '"str"'
case_ "-p undefined" -p 'undefined'
case_ "-p null" -p 'null'
case_ "-p -e" -p -e '1+1'
case_ "-e builtin globals" -e 'console.log(typeof vm.Script, typeof path.join, typeof crypto.randomBytes, typeof _stream_readable); fs = 5; console.log(fs)'
IN='console.log(typeof fs, typeof vm)' case_ "stdin: no builtin globals"
case_ "--print" --print '[1, 2].length'
case_ "--eval=" --eval='console.log("eq")'
IN='console.log("stdin", __filename, process.argv.length)' case_ "piped stdin"
IN='console.log("dash", process.argv.slice(1).join(","))' case_ "dash stdin" - a b
IN='40+2' case_ "-p stdin" -p
case_ "-- script" -- ../fixtures/cli/argv.js -e
case_ "experimental-worker" --experimental-worker -e 'console.log("ok", process.execArgv.join(" "))'
case_ "execArgv" --no-warnings ../fixtures/cli/argv.js z
case_ "bad option" --definitely-not-an-option
case_ "bad option after eval" -e 1 --nope
case_ "-e needs arg" -e
stderr_has "missing script" "^Error: Cannot find module '.*/tests/cli/no-such-file.js'\$" ./no-such-file.js
"$RT" --help >"$TMP/h" 2>&1; echo "## --help: rc=$? usage=$(grep -c '^Usage: ' "$TMP/h")"
"$RT" --version >"$TMP/v" 2>&1; echo "## --version: rc=$? $(grep -Ec '^v[0-9]+\.[0-9]+\.[0-9]+' "$TMP/v")"
