// A worker from a relative './' path, an absolute path and a file: URL; each echoes once.
const assert = require('assert');
const path = require('path');
const { Worker } = require('worker_threads');
const { pathToFileURL } = require('url');
const file = path.join(__dirname, '..', 'fixtures', 'worker', 'echo.js');
const specs = ['../fixtures/worker/echo.js', file, pathToFileURL(file)];
process.chdir(__dirname);
let left = specs.length;
for (const [i, spec] of specs.entries()) {
  const w = new Worker(spec, { workerData: { i }, argv: ['x', i] });
  w.on('message', (r) => {
    assert.deepStrictEqual(r, { m: 'hi', workerData: { i }, isMainThread: false, threadId: 'number',
      argv: ['x', String(i)], filename: true });
    w.postMessage('stop');
  });
  w.on('exit', (code) => {
    assert.strictEqual(code, 0);
    if (--left === 0) console.log('all exited');
  });
  w.postMessage('hi');
}
