// As node: new MessageEvent(type, init) wants MessagePorts in init.source (or null) and in
// init.ports (any iterable): ERR_INVALID_ARG_TYPE naming the property otherwise, and a
// TypeError when ports is not iterable (node's test-worker-message-event).
const { MessageChannel } = require('worker_threads');
const { port1 } = new MessageChannel();
for (const init of [{ source: 1 }, { source: {} }, { ports: 0 }, { ports: [null] }, { ports: [{}] }, { source: null, ports: [port1] }, { source: port1 }, { ports: new Set([port1]) }]) {
  try { const e = new MessageEvent('message', init); console.log('ok', e.ports.length, e.source === port1); } catch (e) { console.log(e.name, e.code, e.message); }
}
port1.close();
