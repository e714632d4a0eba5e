// The shape of node's own errors (ERR_* codes): String(err) shows the code, the prototype
// is a subclass of the base named as the base, and util.inspect shows the stack and
// `code` only (the internal marker is not enumerable).
'use strict';
const util = require('util');
const { Worker } = require('worker_threads');

function sample(label, fn) {
  try {
    fn();
    console.log(label, 'no error');
  } catch (e) {
    const proto = Object.getPrototypeOf(e);
    console.log(label, String(e), e.constructor.name, e instanceof Error, Object.keys(e),
      Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf(proto)) ? 'flat' : 'nested',
      util.inspect(e).split('\n').filter((l) => !l.startsWith('    at ')).join(' | '));
  }
}
sample('arg type', () => require('fs').readFileSync({}));
sample('out of range', () => Buffer.alloc(-1));
sample('worker option', () => new Worker('x', { eval: true, env: 1 }));
sample('missing args', () => require('perf_hooks').performance.measure());
sample('unknown encoding', () => Buffer.from('x', 'nope'));
const e = new (require('events'))();
sample('unhandled error event', () => e.emit('error', 'plain'));
