// child_process: spawn (events, piped stdio both ways, ENOENT, kill), exec/execFile
// (callback results and errors), spawnSync/execSync/execFileSync (status, signal,
// input, timeout, env, cwd, shell, errors), node's argument errors, and a worker
// thread running children of its own.
'use strict';
const cp = require('child_process');
const { Worker } = require('worker_threads');

console.log(Object.keys(cp).filter((k) => k !== '_forkChild'));

// ---- the Sync forms
const missing = cp.spawnSync('nosuch-command-xyz', ['a']);
console.log(Object.keys(missing), missing.error.message, missing.error.code, missing.error.errno,
  missing.error.syscall, missing.error.path, missing.error.spawnargs, missing.pid, missing.output);
const s = cp.spawnSync('sh', ['-c', 'echo hi; echo e >&2; exit 2']);
console.log(s.status, s.signal, String(s.stdout), String(s.stderr), s.output.length, typeof s.pid, Object.keys(s),
  Buffer.isBuffer(s.stdout));
console.log(cp.spawnSync('sh', ['-c', 'kill -9 $$']).signal);
console.log(cp.spawnSync('cat', { input: 'fed in', encoding: 'utf8' }).stdout);
const slow = cp.spawnSync('sh', ['-c', 'sleep 5'], { timeout: 100 });
console.log(slow.error.code, slow.signal, slow.status);
try { cp.execSync('echo x >&2; exit 4', { stdio: 'pipe' }); } catch (e) {
  console.log(Object.keys(e), JSON.stringify(e.message), e.status, String(e.stderr));
}
console.log(cp.execSync('echo $FOO', { env: { FOO: 'bar', PATH: process.env.PATH } }).toString());
console.log(cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }));
console.log(cp.execSync('pwd', { cwd: '/', encoding: 'utf8' }));
console.log(cp.spawnSync('echo', ['x', 'y'], { shell: true, encoding: 'utf8' }).stdout);
console.log(cp.spawnSync('sh', ['-c', 'echo "$0"'], { argv0: 'renamed', encoding: 'utf8' }).stdout);
console.log(cp.spawnSync('head', ['-c', '5'], { input: Buffer.alloc(100000, 'z'), encoding: 'utf8' }).stdout);
console.log(cp.spawnSync('sh', ['-c', 'yes | head -c 20000'], { maxBuffer: 100 }).error.code);

// ---- argument errors
for (const [label, fn] of [
  ['unknown signal', () => new cp.ChildProcess().kill('SIGNOPE')],
  ['empty file', () => cp.spawn('')],
  ['file type', () => cp.spawn(1)],
  ['args type', () => cp.spawn('x', 5)],
  ['options type', () => cp.spawn('x', [], 5)],
  ['cwd type', () => cp.spawnSync('x', { cwd: 5 })],
  ['command type', () => cp.execSync(5)],
]) {
  try { fn(); console.log(label, 'no error'); } catch (e) { console.log(label, e.name, e.code, e.message); }
}

// ---- spawn
function events(label, child) {
  for (const e of ['spawn', 'error', 'exit', 'close']) {
    child.on(e, (...a) => console.log(label, e, a.map((x) => (x instanceof Error ?
      [x.message, x.code, x.errno, x.syscall, x.path, x.spawnargs] : x))));
  }
}
function step(fn) { return new Promise((resolve) => fn(resolve)); }

(async () => {
  await step((done) => {
    const c = cp.spawn('nosuch-command-xyz', ['a']);
    console.log(c.pid, c.constructor.name, typeof c.stdout.on, c.exitCode, c.signalCode, c.killed, c.connected, c.spawnfile, c.spawnargs);
    events('enoent', c);
    c.on('close', done);
  });
  await step((done) => {
    const d = cp.spawn('sh', ['-c', 'echo out; echo err >&2; read x; echo got $x; exit 3']);
    events('sh', d);
    let out = '';
    d.stdout.setEncoding('utf8');
    d.stdout.on('data', (b) => { out += b; });
    let err = '';
    d.stderr.on('data', (b) => { err += b; });
    d.stdin.write('hel');
    d.stdin.end('lo\n');
    console.log(typeof d.pid, d.stdio.length, d.stdio[1] === d.stdout, d.stdio[0] === d.stdin);
    d.on('close', () => { console.log('stdout', JSON.stringify(out), 'stderr', JSON.stringify(err), d.exitCode, d.signalCode); done(); });
  });
  await step((done) => {
    const k = cp.spawn('sleep', ['10'], { stdio: 'ignore' });
    const noArgs = cp.spawn('true', { stdio: 'ignore' }); // options in the args' place
    console.log(k.stdout, k.stdin, noArgs.stdout, noArgs.stdin);
    k.on('exit', (code, sig) => console.log('killed', code, sig, k.killed, k.signalCode, k.exitCode));
    k.on('close', (code, sig) => { console.log('kclose', code, sig, k.kill()); done(); });
    setTimeout(() => console.log('kill', k.kill('SIGINT')), 50);
  });
  await step((done) => cp.exec('echo async; echo oops >&2; exit 1', (err, out, errout) => {
    console.log('exec', [err.message, err.code, err.killed, err.signal, err.cmd], JSON.stringify(out), JSON.stringify(errout));
    done();
  }));
  await step((done) => cp.execFile('printf', ['%s-%s', 'a', 'b'], (e, o) => { console.log('execFile', e, o); done(); }));
  await step((done) => cp.exec('printf bytes', { encoding: 'buffer' }, (e, o) => { console.log('buffer', Buffer.isBuffer(o), String(o)); done(); }));
  // util.promisify: { stdout, stderr }, the error with both, and the promise's child
  const util = require('util');
  console.log('promisified', await util.promisify(cp.exec)('echo hi; echo err >&2'));
  try { await util.promisify(cp.execFile)('sh', ['-c', 'echo partial; exit 3']); } catch (e) {
    console.log('promisified error', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr));
  }
  const pending = util.promisify(cp.execFile)('true');
  console.log('child', pending.child.constructor.name, typeof pending.child.pid);
  await pending;
  // a worker thread spawns and waits for children of its own
  const w = new Worker(`
    const cp = require('child_process');
    const { parentPort } = require('worker_threads');
    const sync = cp.execSync('echo from-worker-sync', { encoding: 'utf8' });
    cp.execFile('sh', ['-c', 'echo from-worker-async'], (e, out) => parentPort.postMessage([sync, out, e]));
  `, { eval: true });
  console.log('worker', await new Promise((resolve) => w.once('message', resolve)));
})();
