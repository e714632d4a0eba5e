// on/emit: arguments, `this`, return value, call order, addListener alias, chaining.
'use strict';
const assert = require('assert');
const EventEmitter = require('events');

const ee = new EventEmitter();
const log = [];
assert.strictEqual(ee.emit('nothing'), false);
const self = ee.on('x', function (a, b) { log.push(['first', a, b, this === ee]); });
assert.strictEqual(self, ee);
ee.addListener('x', (...args) => log.push(['second', args.length]));
assert.strictEqual(ee.emit('x', 1, 2), true);
ee.emit('x');
console.log(JSON.stringify(log));
assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
assert.strictEqual(require('node:events'), EventEmitter);
assert.strictEqual(ee.on, ee.addListener);
assert.strictEqual(ee.off, ee.removeListener);

// A listener added during emit does not run in that emit.
const ee2 = new EventEmitter();
let late = 0;
ee2.on('e', () => ee2.on('e', () => late++));
ee2.emit('e');
console.log('late after 1st emit', late);
ee2.emit('e');
console.log('late after 2nd emit', late);

// Symbols work as event names.
const sym = Symbol('evt');
ee2.on(sym, (v) => console.log('symbol event', v));
ee2.emit(sym, 42);

// A throwing listener stops the emit and propagates.
const ee3 = new EventEmitter();
ee3.on('t', () => { throw new Error('listener failed'); });
ee3.on('t', () => console.log('not reached'));
assert.throws(() => ee3.emit('t'), /listener failed/);
console.log('ok');
