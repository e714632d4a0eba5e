// A MessagePort is a NodeEventTarget as in node: an EventTarget (not an EventEmitter)
// with the emitter-style methods, in the main thread and in a worker (asked there before
// anything named EventTarget); it prints as node prints it.
const { MessageChannel, MessagePort, Worker } = require('worker_threads');
const events = require('events');
const { once } = events;

const { port1, port2 } = new MessageChannel();
console.log('EventTarget', port1 instanceof EventTarget, 'EventEmitter', port1 instanceof events);
const proto = Object.getPrototypeOf(MessagePort.prototype);
console.log('prototype', proto.constructor.name, Object.getPrototypeOf(proto) === EventTarget.prototype);
console.log('methods', ['on', 'once', 'off', 'emit', 'addListener', 'removeListener', 'removeAllListeners',
  'listenerCount', 'eventNames', 'setMaxListeners', 'getMaxListeners'].every((m) => typeof port1[m] === 'function'));
console.log('toString', Object.prototype.toString.call(port1), String(port1));
// node's inspector starts with `active` and `refed` (then node's own internals, not spindle's)
const shown = require('util').inspect(port1).replace(/\s+/g, ' ');
console.log('inspect', /^MessagePort \[EventTarget\] \{ active: true, refed: false\b/.exec(shown)[0]);
console.log('own enumerable keys', Object.keys(port1).length, JSON.stringify(port1));
console.log('isEventTarget via dispatchEvent', typeof port1.dispatchEvent, typeof port1.addEventListener);

const w = new Worker(`
const { parentPort } = require('worker_threads');
// asked before anything in this thread named EventTarget
parentPort.postMessage([parentPort instanceof EventTarget, parentPort instanceof require('events'),
  Object.prototype.toString.call(parentPort)]);
`, { eval: true });
(async () => {
  const [m] = await once(w, 'message');
  console.log('in a worker', m);
  port1.postMessage('via events.once');
  const [got] = await once(port2, 'message');
  console.log('events.once on a port', got);
  port1.close();
})();
