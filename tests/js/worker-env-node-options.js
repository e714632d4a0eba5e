// As node: a Worker given an `env` takes its preloads and flags from that env's NODE_OPTIONS
// (split at spaces outside double quotes, ending at the first argument that is no option;
// not in the worker's process.execArgv); an unterminated string there is
// ERR_WORKER_INVALID_EXEC_ARGV at once. A worker given no env follows the process's
// NODE_OPTIONS as it was at start-up (none here: changing process.env.NODE_OPTIONS later
// does not count).
const { Worker } = require('worker_threads');
process.chdir(require('path').join(__dirname, '..', 'fixtures', 'preload'));

const script = 'console.log("worker", globalThis.preloaded, process.noDeprecation, process.throwDeprecation, process.execArgv)';
const cases = [
  { NODE_OPTIONS: '--require ./announce.js --no-deprecation' },
  { NODE_OPTIONS: '--require="./announce.js" --throw-deprecation ./ignored.js --no-deprecation' },
  { NODE_OPTIONS: '-r "./announce.js" --require=./announce.js' },
  { NODE_OPTIONS: '' },
  {},
];

function next(i) {
  if (i === cases.length) {
    process.env.NODE_OPTIONS = '--require ./announce.js';
    new Worker(script, { eval: true }).on('exit', () => {
      for (const text of ['"--no-deprecation', '-r "./announce.js']) {
        try {
          new Worker(script, { eval: true, env: { NODE_OPTIONS: text } });
          console.log('accepted', text);
        } catch (e) {
          console.log(e.name, e.code, JSON.stringify(e.message));
        }
      }
    });
    return;
  }
  console.log('env', JSON.stringify(cases[i]));
  new Worker(script, { eval: true, env: cases[i] }).on('exit', () => next(i + 1));
}
next(0);
