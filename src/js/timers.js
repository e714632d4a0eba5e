'use strict';
// The `timers` module and the timer globals.

const { Timeout, Immediate, unenroll, clearImmediate, knownTimersById } = require('internal/timers');
const { validateFunction } = require('internal/errors');

function setTimeout(callback, after, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, after, args.length ? args : undefined, false, true);
}

function setInterval(callback, repeat, ...args) {
  validateFunction(callback, 'callback');
  return new Timeout(callback, repeat, args.length ? args : undefined, true, true);
}

function clearTimeout(timer) {
  unenroll(timer);
}

function setImmediate(callback, ...args) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, args.length ? args : undefined);
}

// A Timeout used as a primitive (e.g. as a key) can be cleared by its number.
const toPrimitive = Timeout.prototype[Symbol.toPrimitive];
Timeout.prototype[Symbol.toPrimitive] = function() {
  if (!this._knownById) { knownTimersById.set(this._id, this); this._knownById = true; }
  return toPrimitive.call(this);
};

module.exports = {
  setTimeout, clearTimeout, setInterval, clearInterval: clearTimeout, setImmediate, clearImmediate,
};
Object.defineProperty(module.exports, 'promises', {
  get() { return require('timers/promises'); }, enumerable: true, configurable: true,
});
