# Workers that cannot start for want of file descriptors (a low `ulimit -n`) fail as node's
# do: an 'error' (ERR_WORKER_INIT_FAILED, or EMFILE/ENFILE), then 'exit', and the program goes
# on and exits 0 (spindle crashed: a segfault in its loop set-up, or GLib aborting when it
# could not make its wakeup descriptor). How many fail depends on the runtime's own needs,
# so what is printed is what both must do.
. ./lib.sh
cat > "$TMP/spawn.js" <<'JS'
const { Worker } = require('worker_threads');
const allowed = ['ERR_WORKER_INIT_FAILED', 'EMFILE', 'ENFILE', 'ENOENT'];
let ok = 0, failed = 0, exits = 0, odd = [];
for (let i = 0; i < 200; ++i) {
  const w = new Worker("require('worker_threads').parentPort.postMessage(2 + 2)", { eval: true });
  w.on('message', (r) => { if (r === 4) ok++; });
  w.on('error', (e) => { if (allowed.includes(e.code)) failed++; else odd.push(e.code); });
  w.on('exit', () => exits++);
}
process.on('exit', () => console.log(`some ran: ${ok > 0}, some failed: ${failed > 0}, ` +
  `all exited: ${exits === 200}, unexpected errors: ${JSON.stringify(odd)}`));
JS
for n in 64 128; do
  (ulimit -n $n; "$RT" "$TMP/spawn.js"; echo "ulimit -n $n: exit code $?")
done
