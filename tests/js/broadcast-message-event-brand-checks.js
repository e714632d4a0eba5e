// As node: BroadcastChannel methods, its name getter and its inspector, and MessageEvent's
// getters, called on anything that is not one, throw ERR_INVALID_THIS (node's
// test-worker-broadcastchannel, test-broadcastchannel-custom-inspect,
// test-messageevent-brandcheck); on the real thing they work as before.
const { BroadcastChannel } = require('worker_threads');
const { inspect } = require('util');
const t = (f) => { try { f(); console.log('no throw'); } catch (e) { console.log(e.code, e.message); } };
t(() => Reflect.get(BroadcastChannel.prototype, 'name', {}));
for (const m of ['close', 'postMessage', 'ref', 'unref']) t(() => Reflect.apply(BroadcastChannel.prototype[m], [], {}));
const bc = new BroadcastChannel('n');
t(() => bc[inspect.custom].call());
console.log(inspect(bc), inspect(bc, { depth: -1 }));
bc.close();
for (const k of ['data', 'origin', 'lastEventId', 'source', 'ports']) t(() => Reflect.get(MessageEvent.prototype, k, {}));
const ev = new MessageEvent('message', { data: 1 });
console.log(ev.data, ev.ports, ev.origin);
