// once, prependListener, prependOnceListener: order and single-shot behaviour.
'use strict';
const EventEmitter = require('events');

const ee = new EventEmitter();
const order = [];
ee.on('e', () => order.push('on'));
ee.once('e', (v) => order.push(`once:${v}`));
ee.prependListener('e', () => order.push('prepend'));
ee.prependOnceListener('e', () => order.push('prependOnce'));
ee.emit('e', 1);
ee.emit('e', 2);
console.log(order.join(' '));
console.log(ee.listenerCount('e'));

// once listener removing itself before running does not run.
const ee2 = new EventEmitter();
function handler() { console.log('should not run'); }
ee2.once('x', handler);
ee2.removeListener('x', handler);
console.log(ee2.emit('x'), ee2.listenerCount('x'));

// once with `this` and many arguments.
ee2.once('args', function (...a) { console.log(this === ee2, a.join(',')); });
ee2.emit('args', 1, 2, 3, 4, 5);
console.log(ee2.emit('args'));

// A once listener that re-emits the same event only runs once.
const ee3 = new EventEmitter();
let count = 0;
ee3.once('r', () => { count++; ee3.emit('r'); });
ee3.emit('r');
console.log('reentrant count', count);
