// Exceeding max listeners emits one MaxListenersExceededWarning per event name.
'use strict';
const assert = require('assert');
const EventEmitter = require('events');

const warnings = [];
process.on('warning', (w) => warnings.push(w));

class Custom extends EventEmitter {}
const ee = new Custom();
ee.setMaxListeners(2);
for (let i = 0; i < 4; i++) ee.on('data', () => {});
const plain = new EventEmitter();
for (let i = 0; i < 11; i++) plain.on(Symbol.for('sym'), () => {});
const unlimited = new EventEmitter();
unlimited.setMaxListeners(0);
for (let i = 0; i < 20; i++) unlimited.on('x', () => {});

setImmediate(() => {
  console.log(warnings.length);
  for (const w of warnings) {
    console.log(w.name, w.message);
    console.log(w.emitter === ee || w.emitter === plain, String(w.type), w.count);
  }
  function show(fn) {
    try { fn(); } catch (e) { console.log(`${e.name} ${e.code}: ${e.message}`); }
  }
  show(() => ee.setMaxListeners(-1));
  show(() => ee.setMaxListeners('1'));
  show(() => { EventEmitter.defaultMaxListeners = NaN; });
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
});
