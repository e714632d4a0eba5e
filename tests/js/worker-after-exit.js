// A Worker object before, during and after its thread's life: threadId (-1 from
// 'exit' on), resourceLimits ({} after exit), stdin, and what the methods do once
// the worker has exited (postMessage/ref/unref do nothing, terminate() resolves to
// undefined, getHeapSnapshot() rejects with ERR_WORKER_NOT_RUNNING, bad options throw), as in node.
const { Worker } = require('worker_threads');
const w = new Worker(`require('worker_threads').parentPort.postMessage('hi')`, { eval: true });
// 'online' and 'message' come through different ports: node orders them either way, so
// their lines are kept and printed in a fixed order when the worker exits.
const lines = {};
const show = (label) => {
  let rl; try { rl = JSON.stringify(w.resourceLimits); } catch (e) { rl = 'throws ' + e.code; }
  lines[label] = [label, 'threadId', w.threadId, 'rl', rl, 'stdin', w.stdin, 'stdout?', typeof w.stdout, 'perf?', typeof w.performance];
};
// (no resourceLimits right after construction: node fills it in when the worker's engine is up, a race)
console.log('start threadId', w.threadId, 'stdin', w.stdin);
w.on('online', () => show('online'));
w.on('message', () => show('message'));
w.on('exit', async (code) => {
  show('exit ' + code);
  for (const label of ['online', 'message', 'exit ' + code]) console.log(...(lines[label] || [label, 'missing']));
  console.log('postMessage after exit', (() => { try { w.postMessage(1); return 'ok'; } catch (e) { return e.code; } })());
  console.log('ref/unref after exit', (() => { try { w.ref(); w.unref(); return 'ok'; } catch (e) { return e.code; } })());
  const t = w.terminate();
  console.log('terminate after exit returns', t instanceof Promise, await t);
  try { await w.getHeapSnapshot(); console.log('snapshot ok'); } catch (e) { console.log('getHeapSnapshot', e.code, e.message); }
  // bad options throw first, running or not (node's test-worker-heapdump-failure)
  for (const o of [1, true, [], null, NaN, { exposeInternals: 1 }, { exposeNumericValues: 'x' }]) {
    try { w.getHeapSnapshot(o).catch(() => {}); console.log('getHeapSnapshot no throw', o); } catch (e) { console.log('getHeapSnapshot', e.name, e.code, e.message); }
  }
  console.log('elu', typeof w.performance.eventLoopUtilization);
});
