// 'online' is emitted once and before 'exit'; messages keep their order; 'exit' comes last.
// node does not order 'online' against the first messages (they come through different
// ports: under load node has emitted both messages first), so neither does this test.
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage(1);
  parentPort.postMessage(2);
`, { eval: true });
const events = [];
w.on('online', () => events.push('online'));
w.on('message', (m) => events.push(`message ${m}`));
w.on('exit', (c) => {
  events.push(`exit ${c}`);
  const online = events.filter((e) => e === 'online').length;
  console.log('online events:', online);
  console.log('rest:', events.filter((e) => e !== 'online').join(', '));
});
