// removeListener/off, removeAllListeners, 'removeListener' event, removal during emit.
'use strict';
const assert = require('assert');
const EventEmitter = require('events');

const ee = new EventEmitter();
const removed = [];
ee.on('removeListener', (name, fn) => removed.push(`${String(name)}:${fn.name}`));
function a() {}
function b() {}
function c() {}
ee.on('x', a);
ee.on('x', b);
ee.on('x', a);
ee.once('y', c);
ee.off('x', a); // removes the last added a
console.log(ee.listeners('x').map((f) => f.name).join(','));
ee.removeListener('x', function notThere() {});
ee.removeListener('nope', a);
ee.removeListener('y', c); // once wrapper removed by the original function
console.log(removed.join(' '));

// Removing during emit does not affect the current emit.
const ee2 = new EventEmitter();
const calls = [];
function first() { calls.push('first'); ee2.removeListener('e', second); }
function second() { calls.push('second'); }
ee2.on('e', first);
ee2.on('e', second);
ee2.emit('e');
ee2.emit('e');
console.log(calls.join(','));

// removeAllListeners(type) and removeAllListeners().
const ee3 = new EventEmitter();
const gone = [];
ee3.on('x', a);
ee3.on('x', b);
ee3.on('y', c);
ee3.on('removeListener', (n, fn) => gone.push(`${n}:${fn.name}`));
assert.strictEqual(ee3.removeAllListeners('x'), ee3);
console.log(gone.join(' '), ee3.eventNames().join(','));
ee3.removeAllListeners();
console.log(gone.join(' '), ee3.eventNames().length);

const ee4 = new EventEmitter();
ee4.on('x', a);
ee4.removeAllListeners('other');
ee4.removeAllListeners();
console.log(ee4.eventNames().length, ee4.emit('x'));
