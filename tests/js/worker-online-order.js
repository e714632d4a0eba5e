// 'online' comes before the first message, 'exit' after the last.
const { Worker } = require('worker_threads');
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage(1);
  parentPort.postMessage(2);
`, { eval: true });
const events = [];
w.on('online', () => events.push('online'));
w.on('message', (m) => events.push(`message ${m}`));
w.on('exit', (c) => { events.push(`exit ${c}`); console.log(events.join('\n')); });
