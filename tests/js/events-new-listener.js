// 'newListener' fires before the listener is added, with the original function for once().
'use strict';
const EventEmitter = require('events');

const ee = new EventEmitter();
const seen = [];
function onceFn() {}
ee.on('newListener', (event, listener) => {
  seen.push(`${String(event)}:${listener.name}:${ee.listenerCount(event)}`);
  if (event === 'x' && listener.name === 'first') ee.on('x', function addedInside() {});
});
ee.on('x', function first() {});
ee.once('y', onceFn);
ee.prependListener('z', function pre() {});
console.log(seen.join(' '));
// addedInside was added before `first`
console.log(ee.listeners('x').map((f) => f.name).join(','));
