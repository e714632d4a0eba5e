// The public shape of worker_threads' classes, as node's: no underscore internals on
// Worker.prototype, the same methods and accessors.
const { Worker, BroadcastChannel, MessageChannel } = require('worker_threads');
const names = (proto) => Object.getOwnPropertyNames(proto).sort().join(',');
console.log('Worker', names(Worker.prototype));
console.log('BroadcastChannel', names(BroadcastChannel.prototype));
console.log('MessageChannel', names(MessageChannel.prototype));
const accessors = (proto) => Object.getOwnPropertyNames(proto)
  .filter((k) => typeof Object.getOwnPropertyDescriptor(proto, k).get === 'function').sort().join(',');
console.log('Worker accessors', accessors(Worker.prototype));
// MessagePort's own methods (addEventListener and the like are inherited, as from
// node's NodeEventTarget), and the module's exports (node 20's: no isMarkedAsUntransferable)
console.log('MessagePort', names(require('worker_threads').MessagePort.prototype));
console.log('exports', Object.keys(require('worker_threads')).sort().join(','));
