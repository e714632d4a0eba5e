# A terminal: the program runs under script(1), which gives it a pseudo-terminal for
# stdin, stdout and stderr. process.stdout/stderr are tty.WriteStreams (size, colour
# depth from TERM), process.stdin is a TTY with raw mode, console.log colours what it
# inspects as node does, and a worker's stdout is no terminal. script(1) is util-linux's,
# in Debian's essential bsdutils; without a pseudo-terminal the test fails (exit 1).
. ./lib.sh
cat > "$TMP/tty.js" <<'JS'
const tty = require('tty');
const out = process.stdout;
console.log(tty.isatty(0), tty.isatty(1), tty.isatty(2), out.isTTY, process.stderr.isTTY, process.stdin.isTTY,
  out instanceof tty.WriteStream, out.constructor.name, typeof out.columns, typeof out.rows,
  out.getColorDepth(), out.hasColors(), out.hasColors(256), process.stdin.isRaw);
console.log({ a: 1, s: 'str', n: null, u: undefined, b: true, f() {}, sym: Symbol('x'), d: new Date(0), re: /x/g,
  big: 10n, arr: [1, 'two'], nested: { m: new Map([[1, { y: 2 }]]), set: new Set(['z']) } });
console.log('%s %d %o', 'fmt', 42, { x: 1 });
console.error(new Map([[1, { y: 2 }]]));
process.stdin.setRawMode(true);
console.log('raw', process.stdin.isRaw);
process.stdin.setRawMode(false);
console.log('raw', process.stdin.isRaw);
out.write('plain\n');
const { Worker } = require('worker_threads');
new Worker("console.log('worker', process.stdout.isTTY, require('tty').isatty(1), { w: 1 })", { eval: true });
JS
run() {
  env -u NO_COLOR -u FORCE_COLOR -u NODE_DISABLE_COLORS -u CI -u TMUX -u COLORTERM -u TERM_PROGRAM TERM="$1" script -qec "$RT $TMP/tty.js" /dev/null </dev/null >"$TMP/out" 2>&1 || { echo "script failed: $?"; cat "$TMP/out"; exit 1; }
  echo "## TERM=$1"
  tr -d '\r' <"$TMP/out" | cat -v
}
run xterm
run xterm-256color
run dumb
