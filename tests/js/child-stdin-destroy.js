// As node: a child's stdin.destroy() closes the pipe (the child reads the end and exits), a
// write after it fails with ERR_STREAM_DESTROYED through its callback only (no 'error'),
// and 'close' follows (esbuild-wasm's stop() calls it; it threw 'not a function').
const { spawn } = require('child_process');
const c = spawn('cat', [], { stdio: ['pipe', 'pipe', 'inherit'] });
let out = '';
c.stdout.on('data', (d) => { out += d; });
c.stdin.write('hello ');
c.stdin.on('close', () => console.log('stdin close', c.stdin.destroyed, c.stdin.writable));
c.stdin.destroy();
c.stdin.write('more', (err) => console.log('write after destroy:', err && err.code));
c.on('exit', (code) => console.log('exit', code, JSON.stringify(out)));
c.stdin.on('error', (e) => console.log('stdin error', e.code));
