// As node: a worker's execArgv (-r/--require, --require=) preloads modules before its script,
// from the working directory; a worker given no execArgv has its parent's (a nested worker
// inherits its parent worker's); flags set process properties in the worker; an option
// lacking its value is ERR_WORKER_INVALID_EXEC_ARGV naming the first such (node's
// test-worker-execargv-invalid, test-worker-stdio-from-preload-module).
const { Worker } = require('worker_threads');
process.chdir(require('path').join(__dirname, '..', 'fixtures', 'preload'));

for (const execArgv of [['-r'], ['-r', '--foo'], ['--require', '-e'], ['-e', '--bar'], ['--watch'],
  ['--title=x', '--require'], ['--require', 'x', '--foo'], ['--redirect-warnings'], ['--redirect-warnings=x', '--nope']]) {
  try {
    new Worker('0', { eval: true, execArgv }).terminate();
    console.log(execArgv, 'accepted');
  } catch (e) {
    console.log(execArgv, e.code, e.message);
  }
}

function run(label, execArgv, code, next) {
  const w = new Worker(code, { eval: true, execArgv, stdout: true });
  let out = '';
  w.stdout.on('data', (chunk) => { out += chunk; });
  w.on('error', (e) => console.log(label, 'error', e.code, e.message.split('\n')[0]));
  w.on('exit', (code) => {
    console.log(label, 'exit', code, JSON.stringify(out));
    if (next) next();
  });
}

run('-r', ['-r', './announce.js'], 'console.log("script", globalThis.preloaded)', () =>
  run('--require=', ['--require=./announce.js', '--trace-warnings', '--no-deprecation'],
    'console.log("script", globalThis.preloaded, process.traceProcessWarnings, process.noDeprecation, process.execArgv)', () =>
    run('nested inherits', ['-r', './announce.js'], `
      const { Worker } = require('worker_threads');
      const w = new Worker('console.log("inner", globalThis.preloaded, process.execArgv)', { eval: true });`, () =>
      run('missing module', ['-r', './nonexistent.js'], 'console.log("never")'))));
