'use strict';
// AbortController / AbortSignal. A signal is an EventTarget that fires one
// trusted 'abort' event; `onabort` is an event-handler attribute (it keeps its
// place among the listeners when reassigned). AbortSignal.timeout uses an
// unref'd timer, so a pending timeout never keeps the process alive.

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS },
  validateUint32,
} = require('internal/errors');
const { EventTarget, Event, kTrustEvent } = require('internal/event_target');
const { DOMException } = require('internal/domexception');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kHandlers = Symbol('kHandlers');

function inspectWith(self, depth, options, shown) {
  if (depth < 0) return self;
  const { inspect } = require('internal/util/inspect');
  const opts = { ...options, depth: options?.depth == null ? options?.depth : options.depth - 1 };
  return `${self.constructor.name} ${inspect(shown, opts)}`;
}

// Defines an `on<type>` attribute: one wrapper listener, added on first set, whose
// target function can be swapped without changing its order among listeners.
function defineEventHandler(proto, type, name = type) {
  Object.defineProperty(proto, `on${name}`, {
    enumerable: true,
    configurable: true,
    get() {
      return this[kHandlers]?.get(type)?.handler ?? null;
    },
    set(value) {
      if (!this[kHandlers]) {
        Object.defineProperty(this, kHandlers, { value: new Map(), enumerable: false });
      }
      let wrapper = this[kHandlers].get(type);
      if (wrapper === undefined) {
        wrapper = function eventHandler(...args) {
          if (typeof wrapper.handler !== 'function') return undefined;
          return Reflect.apply(wrapper.handler, this, args);
        };
        this[kHandlers].set(type, wrapper);
        this.addEventListener(type, wrapper);
      }
      wrapper.handler = value;
    },
  });
}

const kSkip = Symbol('kSkip');
let signalAbort; // (signal, reason) -> void, from AbortSignal's static block
let signalIs;

function abortError() {
  return new DOMException('This operation was aborted', 'AbortError');
}

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  #dependants = undefined; // WeakRefs to signals made by AbortSignal.any() over this one

  constructor(skip) {
    if (skip !== kSkip) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  static {
    signalIs = (s) => s !== null && typeof s === 'object' && #aborted in s;
    signalAbort = (signal, reason) => {
      if (signal.#aborted) return;
      signal.#aborted = true;
      signal.#reason = reason;
      signal.dispatchEvent(new Event('abort', { [kTrustEvent]: true }));
      // Dependants abort after the source's own listeners, as in Node.
      if (signal.#dependants !== undefined) {
        for (const ref of signal.#dependants) {
          const dep = ref.deref();
          if (dep !== undefined) signalAbort(dep, reason);
        }
        signal.#dependants = undefined;
      }
    };
  }

  get aborted() {
    if (!signalIs(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this.#aborted;
  }

  get reason() {
    if (!signalIs(this)) throw new ERR_INVALID_THIS('AbortSignal');
    return this.#reason;
  }

  throwIfAborted() {
    if (!signalIs(this)) throw new ERR_INVALID_THIS('AbortSignal');
    if (this.#aborted) throw this.#reason;
  }

  [customInspect](depth, options) {
    return inspectWith(this, depth, options, { aborted: this.#aborted });
  }

  static abort(reason = abortError()) {
    const signal = new AbortSignal(kSkip);
    signal.#aborted = true;
    signal.#reason = reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = new AbortSignal(kSkip);
    setTimeout(() => {
      signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay).unref();
    return signal;
  }

  static any(signals) {
    if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('signals', 'Array', signals);
    }
    const list = Array.from(signals);
    list.forEach((s, i) => {
      if (!signalIs(s)) throw new ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', s);
    });
    for (const s of list) if (s.aborted) return AbortSignal.abort(s.reason);
    const result = new AbortSignal(kSkip);
    const ref = new WeakRef(result);
    for (const s of list) {
      s.#dependants ??= new Set();
      s.#dependants.add(ref);
    }
    return result;
  }
}
defineEventHandler(AbortSignal.prototype, 'abort');
for (const key of ['aborted', 'reason', 'throwIfAborted']) {
  Object.defineProperty(AbortSignal.prototype, key, { enumerable: true });
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

class AbortController {
  #signal;

  constructor() {
    this.#signal = new AbortSignal(kSkip);
  }

  get signal() {
    if (!(#signal in this)) throw new ERR_INVALID_THIS('AbortController');
    return this.#signal;
  }

  abort(reason = abortError()) {
    if (!(#signal in this)) throw new ERR_INVALID_THIS('AbortController');
    signalAbort(this.#signal, reason);
  }

  [customInspect](depth, options) {
    return inspectWith(this, depth, options, { signal: this.#signal });
  }
}
for (const key of ['signal', 'abort']) {
  Object.defineProperty(AbortController.prototype, key, { enumerable: true });
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

// For other builtins: abort a signal they created, and check brands.
function abortSignal(signal, reason) { signalAbort(signal, reason); }
function isAbortSignal(s) { return signalIs(s); }
function newSignal() { return new AbortSignal(kSkip); }

module.exports = {
  AbortController, AbortSignal, defineEventHandler, abortSignal, isAbortSignal, newSignal,
};
