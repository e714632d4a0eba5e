// listenerCount, listeners, rawListeners, eventNames, get/setMaxListeners.
'use strict';
const assert = require('assert');
const EventEmitter = require('events');

const ee = new EventEmitter();
const sym = Symbol('s');
function a() { return 'a'; }
function b() { return 'b'; }
ee.on('foo', a);
ee.once('foo', b);
ee.on(sym, a);
ee.on('bar', a);
console.log(ee.eventNames());
console.log(ee.listenerCount('foo'), ee.listenerCount('foo', b), ee.listenerCount('foo', a), ee.listenerCount('none'));
console.log(EventEmitter.listenerCount(ee, 'foo'));
const listeners = ee.listeners('foo');
console.log(listeners[0] === a, listeners[1] === b);
const raw = ee.rawListeners('foo');
console.log(raw[0] === a, raw[1] === b, raw[1].listener === b);
// Calling the raw once-wrapper runs and removes the listener.
console.log(raw[1]());
console.log(ee.listenerCount('foo'));
// Returned arrays are copies.
ee.listeners('foo').push(b);
console.log(ee.listenerCount('foo'));
console.log(ee.getMaxListeners(), EventEmitter.defaultMaxListeners);
assert.strictEqual(ee.setMaxListeners(3), ee);
console.log(ee.getMaxListeners());
console.log(EventEmitter.getEventListeners(ee, 'bar').length);
