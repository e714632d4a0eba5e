// captureRejections: a rejected promise from an async listener becomes an 'error' event
// or a call to the Symbol.for('nodejs.rejection') method.
'use strict';
const EventEmitter = require('events');

console.log(EventEmitter.captureRejectionSymbol === Symbol.for('nodejs.rejection'), EventEmitter.captureRejections);

const ee = new EventEmitter({ captureRejections: true });
ee.on('work', async (n) => { throw new Error(`failed ${n}`); });
ee.on('error', (err) => console.log('error event:', err.message));
ee.emit('work', 1);

class Custom extends EventEmitter {
  [Symbol.for('nodejs.rejection')](err, event, ...args) {
    console.log('rejection hook:', err.message, event, args.join(','));
  }
}
const c = new Custom({ captureRejections: true });
c.on('job', async () => { throw new Error('hooked'); });
c.emit('job', 'x', 'y');

// Without the option, nothing is captured (the listener's promise is ignored here).
const plain = new EventEmitter();
plain.on('work', async () => 'fine');
plain.emit('work');

try { new EventEmitter({ captureRejections: 'yes' }); } catch (e) { console.log(e.code, e.message); }
setTimeout(() => console.log('end'), 5);
