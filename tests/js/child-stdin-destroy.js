// As node: a child's stdin.destroy() closes the pipe (the child reads the end and exits), a
// write after it fails with ERR_STREAM_DESTROYED through its callback only (no 'error'),
// and 'close' follows (esbuild-wasm's stop() calls it; it threw 'not a function').
const { spawn } = require('child_process');
const c = spawn('cat', [], { stdio: ['pipe', 'pipe', 'inherit'] });
let out = '';
const seen = [];
c.stdout.on('data', (d) => { out += d; });
c.stdin.write('hello ');
let pending = 2; // the stdin's 'close' and the child's, in either order
const done = () => { if (--pending === 0) console.log(seen.join('\n')); };
c.stdin.on('close', () => { console.log(`stdin close ${c.stdin.destroyed} ${c.stdin.writable}`); done(); });
c.stdin.destroy();
c.stdin.write('more', (err) => seen.push(`write after destroy: ${err && err.code}`));
c.stdin.on('error', (e) => seen.push(`stdin error ${e.code}`));
c.on('close', (code) => { seen.push(`exit ${code} ${JSON.stringify(out)}`); done(); });
