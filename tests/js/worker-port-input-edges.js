// Edges node's tests check: options.transfer whose iterator cannot step is no iterable
// (ERR_INVALID_ARG_TYPE); a Symbol as a BroadcastChannel name fails with V8's words; a worker of
// a process that has an IPC channel (NODE_CHANNEL_FD) gets disabled stubs for send and
// disconnect, and channel/connected throw ERR_WORKER_UNSUPPORTED_OPERATION.
const { MessageChannel, BroadcastChannel, Worker } = require('worker_threads');
const { port1 } = new MessageChannel();
for (const t of [{ [Symbol.iterator]() { return {}; } }, { [Symbol.iterator]() { return { next: 42 }; } }, { [Symbol.iterator]() { return { next: null }; } }, new Set(), { [Symbol.iterator]: function* () {} }]) {
  try { port1.postMessage(5, { transfer: t }); console.log('posted'); } catch (e) { console.log(e.code, e.message); }
}
port1.close();
try { new BroadcastChannel(Symbol('x')); } catch (e) { console.log(e.name, e.message); }
process.env.NODE_CHANNEL_FD = "foo";
new Worker(`for (const f of ['send', 'disconnect']) { console.log(f, process[f].disabled); try { process[f](); } catch (e) { console.log(e.code, e.message); } }
for (const k of ['channel', 'connected']) { try { process[k]; console.log(k, 'read'); } catch (e) { console.log(e.code, e.message); } }`, { eval: true });
