'use strict';
// assert.CallTracker (deprecated in Node v20 but still shipped): wraps functions,
// counts their calls, and reports those not called the expected number of times.

const { codes: { ERR_INVALID_ARG_VALUE }, validateUint32 } = require('internal/errors');
const { AssertionError } = require('internal/assert/assertion_error');

function noop() {}

// What is known about one tracked function.
class TrackedCalls {
  constructor(name, expected) {
    this.name = name;
    this.expected = expected;
    this.calls = [];
    this.stack = new Error();
  }

  report() {
    if (this.calls.length === this.expected) return undefined;
    return {
      message: `Expected the ${this.name} function to be executed ${this.expected} time(s) ` +
        `but was executed ${this.calls.length} time(s).`,
      actual: this.calls.length,
      expected: this.expected,
      operator: this.name,
      stack: this.stack,
    };
  }
}

class CallTracker {
  #all = new Set();
  #byFunction = new WeakMap();

  #lookup(tracked) {
    const entry = this.#byFunction.get(tracked);
    if (entry === undefined) throw new ERR_INVALID_ARG_VALUE('tracked', tracked, 'is not a tracked function');
    return entry;
  }

  calls(fn, expected = 1) {
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, 'expected', true);
    const entry = new TrackedCalls(fn.name || 'calls', expected);
    // A proxy keeps the function's name, length and properties.
    const tracked = new Proxy(fn, {
      apply(target, thisArg, args) {
        entry.calls.push(Object.freeze({ thisArg, arguments: Object.freeze(args.slice()) }));
        return Reflect.apply(target, thisArg, args);
      },
    });
    this.#all.add(entry);
    this.#byFunction.set(tracked, entry);
    return tracked;
  }

  getCalls(tracked) {
    return this.#lookup(tracked).calls;
  }

  reset(tracked) {
    if (tracked === undefined) {
      for (const entry of this.#all) entry.calls = [];
      return;
    }
    this.#lookup(tracked).calls = [];
  }

  report() {
    const out = [];
    for (const entry of this.#all) {
      const r = entry.report();
      if (r !== undefined) out.push(r);
    }
    return out;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0].message : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = { CallTracker };
