// --unhandled-rejections=MODE as node: throw (the default: the event, else an uncaught
// exception), strict (an uncaught exception first, then the event), warn (the event and
// two warnings each), none (the event only), warn-with-error-code (the event, else warnings
// and exit code 1); given on the command line, in NODE_OPTIONS, or in a worker's execArgv.
// A bad mode or a missing one exits 9.
const { spawnSync } = require('child_process');
const { Worker } = require('worker_threads');
const path = require('path');
const fixture = path.join(__dirname, '..', 'fixtures', 'rejections', 'modes.js');

function run(args, env) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  console.log(`## ${args.filter((a) => a !== fixture).join(' ')}${env ? ' ' + JSON.stringify(env) : ''}: rc=${r.status}`);
  process.stdout.write(r.stdout);
}

for (const mode of ['throw', 'strict', 'warn', 'none', 'warn-with-error-code']) {
  for (const variant of ['', 'listener', 'uncaught']) run([`--unhandled-rejections=${mode}`, fixture, mode, variant]);
}
run(['--unhandled-rejections', 'warn', fixture]);
run([fixture, 'listener'], { NODE_OPTIONS: '--unhandled-rejections=none' });
run(['--unhandled-rejections=sometimes', '-e', '1']);
run(['--unhandled-rejections', '-e', '1']);

const w = new Worker(`
process.on('warning', (w) => console.log('worker warning', w.name));
Promise.reject(new Error('in the worker'));
setTimeout(() => console.log('worker goes on'), 10);
`, { eval: true, execArgv: ['--unhandled-rejections=warn'] });
w.on('exit', (code) => console.log('worker exit', code));
