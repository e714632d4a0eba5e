// A Worker's execArgv as node checks it: node's per-environment options pass, per-process and
// V8 options and unknown ones throw ERR_WORKER_INVALID_EXEC_ARGV (listing them all, as
// written), after the other options were checked; values and what follows `--` are not
// options; the worker sees its execArgv.
const { Worker } = require('worker_threads');
const cases = [
  ['--no-warnings'], ['--max-old-space-size=10'], ['--expose-gc'], ['--title=x'], ['--foo-bar'],
  ['--no-deprecation', '--trace-warnings'], ['--enable-source-maps'], ['--conditions=x'],
  ['--stack-size=100'], ['--abort-on-uncaught-exception'], ['--v8-options'], ['--version'], ['-v'],
  ['--harmony'], ['x', 1], ['--', '--expose-gc'], ['--expose-gc', '--title=x', '--no-warnings'],
  ['--no-expose-gc'], ['--expose_gc'], ['-x'], ['--input-type=module'], ['--inspect-port=0'],
  ['--zero-fill-buffers'], ['--icu-data-dir=/tmp'], ['--pending-deprecation'],
];
for (const c of cases) {
  try {
    const w = new Worker('0', { eval: true, execArgv: c });
    w.unref();
    console.log(JSON.stringify(c), 'accepted');
  } catch (e) {
    console.log(JSON.stringify(c), e.name, e.code, e.message);
  }
}
// order: the other options are checked first
for (const o of [{ env: 5 }, { name: 5 }, { workerData: () => {} }]) {
  try { new Worker('0', { eval: true, execArgv: ['--expose-gc'], ...o }); } catch (e) { console.log(Object.keys(o)[0], e.code); }
}
const w = new Worker(`require('worker_threads').parentPort.postMessage([process.execArgv, process.noDeprecation])`,
  { eval: true, execArgv: ['--no-deprecation', '--conditions=dev'] });
w.on('message', (m) => console.log('worker execArgv', m));
