'use strict';
// Event and EventTarget as Node implements the DOM spec (no tree: an event is
// only ever AT_TARGET), plus NodeEventTarget, the EventEmitter-flavoured
// subclass Node uses for MessagePort-like objects.
//
// Listeners of one type form a doubly linked list. Dispatch walks it caching
// `next` before each call, so (as in Node) a listener removed during dispatch is
// skipped and one appended during dispatch still runs. A listener that throws, or
// returns a promise that rejects, does not stop the others: the error is rethrown
// from a nextTick, where it becomes an ordinary uncaught exception.
//
// "Hybrid" dispatch (kHybridDispatch) serves both worlds: Node-style listeners
// (added with on/once) receive the raw value, DOM listeners an Event made on
// demand by this[kCreateEvent](value, type).

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS, ERR_EVENT_RECURSION, ERR_INVALID_THIS },
  validateObject, validateString, validateAbortSignal, validateEventListener,
} = require('internal/errors');

const kTrustEvent = Symbol('kTrustEvent');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kHybridDispatch = Symbol('kHybridDispatch');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kMaxListeners = Symbol('kMaxListeners');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

let perfNow;
function now() {
  perfNow ??= require('perf_hooks').performance;
  return perfNow.now();
}

function inspectValue(v, opts) {
  return require('internal/util/inspect').inspect(v, opts);
}

function inspectWith(self, depth, options, shown) {
  const name = self.constructor.name;
  if (depth < 0) return name;
  const opts = { ...options, depth: Number.isInteger(options?.depth) ? options.depth - 1 : options?.depth };
  return `${name} ${inspectValue(shown, opts)}`;
}

// Internal access to Event state, filled in by Event's static block.
let eventSetDispatch, eventStopped, eventIsEvent;
// WebIDL DOMString conversion, which refuses symbols.
function toDOMString(v) {
  if (typeof v === 'symbol') throw new ERR_INVALID_ARG_VALUE('value', v);
  return `${v}`;
}
function checkEvent(e) {
  if (!eventIsEvent(e)) throw new ERR_INVALID_THIS('Event');
}

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timestamp;
  #propagationStopped = false;
  #stop = false; // stopImmediatePropagation
  #target = null;
  #dispatching = false;
  #trusted = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (options !== undefined && options !== null) {
      validateObject(options, 'options', { allowArray: true, allowFunction: true });
    }
    this.#type = `${type}`;
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this.#trusted = !!options?.[kTrustEvent];
    this.#timestamp = now();
  }

  static {
    eventIsEvent = (e) => e !== null && typeof e === 'object' && #type in e;
    eventSetDispatch = (e, target, on) => {
      if (target !== undefined) e.#target = target;
      e.#dispatching = on;
    };
    eventStopped = (e) => e.#stop;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    checkEvent(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [customInspect](depth, options) {
    checkEvent(this);
    return inspectWith(this, depth, options, {
      type: this.#type, defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable, timeStamp: this.#timestamp,
    });
  }

  stopImmediatePropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
    this.#stop = true;
  }

  preventDefault() {
    checkEvent(this);
    this.#defaultPrevented = true;
  }

  get target() { checkEvent(this); return this.#target; }
  get currentTarget() { checkEvent(this); return this.#dispatching ? this.#target : null; }
  get srcElement() { checkEvent(this); return this.#target; }
  get type() { checkEvent(this); return this.#type; }
  get cancelable() { checkEvent(this); return this.#cancelable; }
  get defaultPrevented() { checkEvent(this); return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { checkEvent(this); return this.#timestamp; }
  composedPath() { checkEvent(this); return this.#dispatching ? [this.#target] : []; }
  get returnValue() { checkEvent(this); return !(this.#cancelable && this.#defaultPrevented); }
  get bubbles() { checkEvent(this); return this.#bubbles; }
  get composed() { checkEvent(this); return this.#composed; }
  get eventPhase() { checkEvent(this); return this.#dispatching ? Event.AT_TARGET : Event.NONE; }
  get cancelBubble() { checkEvent(this); return this.#propagationStopped; }
  set cancelBubble(value) { checkEvent(this); if (value) this.stopPropagation(); }
  stopPropagation() { checkEvent(this); this.#propagationStopped = true; }
  get isTrusted() { checkEvent(this); return this.#trusted; }
}

for (const key of ['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget',
  'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue',
  'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation', 'isTrusted']) {
  Object.defineProperty(Event.prototype, key, { enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, writable: false, enumerable: true, configurable: false });
}

class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(#detail in this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, 'detail', { enumerable: true });
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });

// ---- listeners --------------------------------------------------------------
class Listener {
  constructor(root, listener, once, capture, passive, isNodeStyle) {
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.isNodeStyleListener = isNodeStyle;
    this.removed = false;
    this.signal = undefined;
    this.onAbort = undefined;
    this.prev = root.last;
    this.next = undefined;
    if (root.last) root.last.next = this; else root.first = this;
    root.last = this;
  }

  remove(root) {
    if (this.removed) return;
    this.removed = true;
    if (this.prev) this.prev.next = this.next; else root.first = this.next;
    if (this.next) this.next.prev = this.prev; else root.last = this.prev;
    root.size--;
    if (this.signal) this.signal.removeEventListener('abort', this.onAbort);
  }
}

function flattenOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null || options === undefined) return {};
  validateObject(options, 'options', { allowArray: true, allowFunction: true });
  return options;
}

function reportError(err) {
  process.nextTick(() => { throw err; });
}

// Listener state lives under a non-enumerable symbol (not a private field), so
// initEventTarget() can give it to objects made elsewhere, e.g. natively.
const kEvents = Symbol('kEvents');
function targetEvents(t) {
  const events = t !== null && (typeof t === 'object' || typeof t === 'function') ? t[kEvents] : undefined;
  if (events === undefined) throw new ERR_INVALID_THIS('EventTarget');
  return events;
}

function initEventTarget(obj) {
  if (obj[kEvents] === undefined) {
    Object.defineProperty(obj, kEvents, { value: new Map(), writable: false, enumerable: false, configurable: false });
  }
  return obj;
}

class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = undefined) {
    const events = targetEvents(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    const opts = flattenOptions(options);
    const once = !!opts.once, capture = !!opts.capture, passive = !!opts.passive;
    const isNodeStyle = !!opts[kIsNodeStyleListener];
    const signal = opts.signal;
    validateAbortSignal(signal, 'options.signal');
    if (!validateEventListener(listener)) {
      process.emitWarning(`addEventListener called with ${listener} which has no effect.`,
        'AddEventListenerArgumentTypeWarning');
      return;
    }
    type = toDOMString(type);
    if (signal?.aborted) return;
    let root = events.get(type);
    if (root === undefined) {
      root = { first: undefined, last: undefined, size: 0 };
      events.set(type, root);
    }
    for (let h = root.first; h !== undefined; h = h.next) {
      if (h.listener === listener && h.capture === capture) return; // duplicates are ignored
    }
    const handler = new Listener(root, listener, once, capture, passive, isNodeStyle);
    root.size++;
    if (signal) {
      handler.signal = signal;
      handler.onAbort = () => this.removeEventListener(type, listener, { capture });
      signal.addEventListener('abort', handler.onAbort, { once: true });
    }
    if (typeof this[kNewListener] === 'function') {
      this[kNewListener](root.size, type, listener, once, capture, passive);
    }
  }

  removeEventListener(type, listener, options = undefined) {
    const events = targetEvents(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateEventListener(listener)) return;
    type = toDOMString(type);
    const capture = !!flattenOptions(options).capture;
    const root = events.get(type);
    if (root === undefined) return;
    for (let h = root.first; h !== undefined; h = h.next) {
      if (h.listener === listener && h.capture === capture) {
        h.remove(root);
        if (root.size === 0) events.delete(type);
        if (typeof this[kRemoveListener] === 'function') this[kRemoveListener](root.size, type, listener, capture);
        return;
      }
    }
  }

  dispatchEvent(event) {
    targetEvents(this);
    if (!eventIsEvent(event)) throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (event.eventPhase !== Event.NONE) throw new ERR_EVENT_RECURSION(event.type);
    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  [kHybridDispatch](nodeValue, type, event) {
    const events = targetEvents(this);
    const createEvent = () => {
      if (event === undefined) {
        event = this[kCreateEvent](nodeValue, type);
        eventSetDispatch(event, this, true);
      }
      return event;
    };
    if (event !== undefined) eventSetDispatch(event, this, true);
    const root = events.get(type);
    if (root !== undefined) {
      let handler = root.first;
      while (handler !== undefined && !(event !== undefined && eventStopped(event))) {
        const next = handler.next; // cached: the call may remove this handler
        if (!handler.removed) {
          if (handler.once) {
            handler.remove(root);
            if (root.size === 0 && events.get(type) === root) events.delete(type);
            if (typeof this[kRemoveListener] === 'function') {
              this[kRemoveListener](root.size, type, handler.listener, handler.capture);
            }
          }
          try {
            const arg = handler.isNodeStyleListener ? nodeValue : createEvent();
            const listener = handler.listener;
            let result;
            if (typeof listener === 'function') {
              result = listener.call(this, arg);
            } else {
              const fn = listener.handleEvent;
              if (typeof fn !== 'function') {
                throw new ERR_INVALID_ARG_TYPE('listener.handleEvent', 'Function', fn);
              }
              result = fn.call(listener, arg);
            }
            if (result !== undefined && result !== null && typeof result.then === 'function') {
              result.then(undefined, reportError);
            }
          } catch (err) {
            reportError(err);
          }
          // Node 20 clears the dispatch flag after the first listener runs, so later
          // listeners see currentTarget null and eventPhase NONE; kept for parity.
          if (event !== undefined) eventSetDispatch(event, undefined, false);
        }
        handler = next;
      }
    }
    if (event !== undefined) eventSetDispatch(event, undefined, false);
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [customInspect](depth, options) {
    targetEvents(this);
    return inspectWith(this, depth, options, {});
  }
}
for (const key of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  Object.defineProperty(EventTarget.prototype, key, { enumerable: true });
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });

function isEventTarget(obj) {
  try { targetEvents(obj); return true; } catch { return false; }
}

// The listeners of one type, as events.getEventListeners() returns them.
function getEventListeners(target, type) {
  const root = targetEvents(target).get(type);
  const out = [];
  if (root !== undefined) {
    for (let h = root.first; h !== undefined; h = h.next) out.push(h.listener);
  }
  return out;
}

// ---- NodeEventTarget ----------------------------------------------------------
class NodeEventTarget extends EventTarget {
  setMaxListeners(n) { Object.defineProperty(this, kMaxListeners, { value: n, writable: true }); }
  getMaxListeners() { return this[kMaxListeners]; }

  eventNames() { return Array.from(targetEvents(this).keys()); }

  listenerCount(type) {
    const root = targetEvents(this).get(type);
    return root !== undefined ? root.size : 0;
  }

  off(type, listener, options) {
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  once(type, listener) {
    this.addEventListener(type, listener, { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  emit(type, arg) {
    validateString(type, 'type');
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  removeAllListeners(type) {
    const events = targetEvents(this);
    const types = type === undefined ? Array.from(events.keys()) : [type];
    for (const t of types) {
      const root = events.get(t);
      if (root === undefined) continue;
      for (let h = root.first; h !== undefined; h = h.next) {
        this.removeEventListener(t, h.listener, { capture: h.capture });
      }
    }
    return this;
  }
}
Object.defineProperty(NodeEventTarget.prototype, kMaxListeners, { value: 10, writable: true });

// For targets that dispatch by themselves (MessagePort): the event's target,
// and whether it is being dispatched (currentTarget and eventPhase follow it).
function setEventDispatch(event, target, dispatching) {
  eventSetDispatch(event, target, dispatching);
}

module.exports = {
  Event, CustomEvent, EventTarget, NodeEventTarget, isEventTarget, getEventListeners, initEventTarget,
  setEventDispatch,
  kEvents, kTrustEvent, kIsNodeStyleListener, kHybridDispatch, kCreateEvent, kNewListener, kRemoveListener,
};
