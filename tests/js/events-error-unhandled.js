// emit('error') without a listener throws; errorMonitor sees errors first.
'use strict';
const assert = require('assert');
const EventEmitter = require('events');

const ee = new EventEmitter();
const err = new Error('kaboom');
assert.throws(() => ee.emit('error', err), (e) => e === err);

function show(fn) {
  try { fn(); } catch (e) {
    console.log(`${e.name} ${e.code}: ${e.message}`, e.context);
    return;
  }
  throw new Error('expected a throw');
}
show(() => ee.emit('error', 'a string'));
show(() => ee.emit('error', 42));
show(() => ee.emit('error', { code: 1 }));
show(() => ee.emit('error'));

// errorMonitor listeners run, but do not count as handling.
const monitored = [];
ee.on(EventEmitter.errorMonitor, (e) => monitored.push(e.message));
assert.throws(() => ee.emit('error', new Error('watched')), /watched/);
console.log(monitored.join(','));
ee.on('error', (e) => monitored.push(`handled ${e.message}`));
console.log(ee.emit('error', new Error('second')));
console.log(monitored.join(','));
console.log(typeof EventEmitter.errorMonitor, String(EventEmitter.errorMonitor));
