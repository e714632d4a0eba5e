// An uncaught error in a worker is re-created in the parent ('error'), then 'exit' 1.
const assert = require('assert');
const { Worker } = require('worker_threads');
const w = new Worker(`
  const e = new RangeError('bad range');
  e.code = 'ERR_SOMETHING';
  e.extra = { n: 1 };
  throw e;
`, { eval: true });
const order = [];
w.on('error', (e) => {
  order.push('error');
  assert.ok(e instanceof RangeError);
  assert.strictEqual(e.name, 'RangeError');
  assert.strictEqual(e.message, 'bad range');
  assert.strictEqual(e.code, 'ERR_SOMETHING');
  assert.deepStrictEqual(e.extra, { n: 1 });
  assert.match(e.stack, /RangeError: bad range\n/);
});
w.on('exit', (code) => {
  order.push(`exit ${code}`);
  console.log(order.join(', '));
});
