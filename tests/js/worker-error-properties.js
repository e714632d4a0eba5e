// An error a worker fails with reaches the parent's 'error' event as node sends it: the
// nearest standard constructor's prototype, and every property of the error and its chain
// (own name, message, code and other own properties, cause, AggregateError's errors), its
// stack with the source line and caret above it when it was thrown (not when rejected);
// a non-error arrives as itself.
const { Worker } = require('worker_threads');
const cases = [
  `throw Object.assign(new TypeError('bad'), { code: 'E_X', extra: 42, nested: { a: 1 } })`,
  `class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; } } throw new MyErr('custom')`,
  `throw new Error('with cause', { cause: new Error('inner') })`,
  `const e = new RangeError('r'); e.stack = 'custom stack'; throw e`,
  `throw new AggregateError([new Error('a')], 'agg')`,
  `throw { plain: true }`,
  `throw null`,
  `throw Object.assign(new Error('uncloneable property'), { s: Symbol('x'), f() {} })`,
  `throw Symbol('thrown symbol')`,
  `Promise.reject(new Error('rejected'))`,
];
let i = 0;
function next() {
  if (i >= cases.length) return;
  const w = new Worker(cases[i++], { eval: true });
  w.on('error', (e) => {
    const own = e && typeof e === 'object' ? Object.keys(e).sort() : [];
    console.log(i, typeof e, e && e.constructor && e.constructor.name, e && e.name, e && e.message, JSON.stringify(own),
      e && e.code, e && e.extra, e && JSON.stringify(e.nested), e && e.cause && e.cause.message, e instanceof Error,
      e && typeof e.stack === 'string' ? e.stack.split('\n')[0] : typeof (e && e.stack), e && e.errors && e.errors.length);
  });
  w.on('exit', (c) => { console.log(i, 'exit', c); next(); });
}
next();
