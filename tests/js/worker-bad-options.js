// Wrong arguments to new Worker throw node's errors, with the same code.
const { Worker } = require('worker_threads');
const attempts = [
  () => new Worker(42),
  () => new Worker('relative/path.js'),
  () => new Worker('file:///tmp/x.js'),
  () => new Worker('x', { argv: 'no' }),
  () => new Worker('x', 5),
  () => new Worker({}, { eval: true }),
  () => new Worker('x', { eval: true, name: 3 }),
  () => new Worker(new URL('http://example.com/x.js')),
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

// What node v20 lets through: resourceLimits that are not numbers (ignored) and a
// transferList read as an array-like (a number or plain object gives nothing; a
// string gives characters, which are not transferable).
const lenient = [
  { resourceLimits: 5 }, { resourceLimits: 'x' }, { resourceLimits: { maxOldGenerationSizeMb: 'x' } },
  { resourceLimits: { stackSizeMb: '2', maxYoungGenerationSizeMb: null } },
  { transferList: 5 }, { transferList: {} }, { transferList: null }, { transferList: true }, { transferList: new Set() },
  { transferList: 'ab' }, { transferList: [1] }, { transferList: [{}] },
];
for (const extra of lenient) {
  try {
    const w = new Worker('1', { eval: true, ...extra });
    // (not w.resourceLimits: node fills it in when the worker's engine is up, a race)
    console.log('ok', JSON.stringify(extra));
    w.terminate();
  } catch (e) {
    console.log(JSON.stringify(extra), e.name, e.code, e.message);
  }
}
