'use strict';
// MessagePort, MessageChannel and receiveMessageOnPort. A MessagePort object
// is created by C (binding('worker'), a JSC object that owns the native port)
// and given MessagePort.prototype; this file gives it node's behaviour: an
// emitter of 'message'/'messageerror'/'close' that starts and refs itself when
// a 'message' listener is added, plus the EventTarget-style API.

const EventEmitter = require('events');
const native = binding('worker');
const { codes, makeNativeError, validateEventListener, validateString } = require('internal/errors');

const kOnMessage = Symbol('kOnMessage');
const kOnMessageError = Symbol('kOnMessageError');
const kWrappers = Symbol('kWrappers');
const kNoMessage = Symbol('kNoMessage'); // what native.receive returns when nothing is queued

// node's C++ throws this one: a plain TypeError with a code, no "[CODE]" in its text
function MessagePort() {
  throw makeNativeError(TypeError, 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', MessagePort);
}

// node's MessagePort is a NodeEventTarget: an EventTarget with EventEmitter-style methods.
// Here a port keeps an emitter's state and methods (copied onto a prototype of its own),
// and that prototype's own prototype becomes EventTarget.prototype as soon as
// internal/event_target is loaded, which anything that can name EventTarget does first
// (the EventTarget global loads it on first use): loading it into every worker would cost
// ~0.23 MB each.
function NodeEventTarget() {
  throw new TypeError('Illegal constructor');
}
for (const key of Reflect.ownKeys(EventEmitter.prototype)) {
  if (key !== 'constructor') {
    Object.defineProperty(NodeEventTarget.prototype, key, Object.getOwnPropertyDescriptor(EventEmitter.prototype, key));
  }
}
// node's NodeEventTarget.on() and kin take what addEventListener takes: a function, or an
// object whose handleEvent gets the node-style argument; null and undefined add nothing
// (with node's warning); anything else is refused as no EventListener.
function nodeStyleListener(listener) {
  if (!listenerToAdd(listener)) return null;
  if (typeof listener === 'function') return listener;
  const wrapper = function handleEvent(...args) { return listener.handleEvent(...args); };
  wrapper.listener = listener; // found again by off()/removeListener(), listed by listeners()
  return wrapper;
}
// Whether listener can be added (else, null or undefined, node warns that it adds nothing)
function listenerToAdd(listener) {
  if (validateEventListener(listener)) return true;
  process.emitWarning(`addEventListener called with ${listener} which has no effect.`,
    'AddEventListenerArgumentTypeWarning');
  return false;
}
// An event type as EventTarget takes it (a WebIDL DOMString: no symbols)
function eventType(type) {
  if (typeof type === 'symbol') throw new codes.ERR_INVALID_ARG_VALUE('value', type);
  return `${type}`;
}
function defineNodeStyle(name, method) {
  Object.defineProperty(NodeEventTarget.prototype, name, { value: method, writable: true, configurable: true });
}
for (const name of ['on', 'addListener', 'once']) {
  const add = EventEmitter.prototype[name];
  defineNodeStyle(name, {
    [name](type, listener) {
      const fn = nodeStyleListener(listener);
      if (fn !== null) Reflect.apply(add, this, [eventType(type), fn]);
      return this;
    },
  }[name]);
}
for (const name of ['off', 'removeListener']) {
  const remove = EventEmitter.prototype.removeListener;
  defineNodeStyle(name, {
    [name](type, listener) {
      if (!validateEventListener(listener)) return this;
      type = eventType(type);
      // one added by addEventListener goes its way (which forgets its entry there)
      if (findWrapper(this, type, listener, false) !== -1) {
        this.removeEventListener(type, listener);
        return this;
      }
      // an object listener was added as its wrapper (possibly inside a once wrapper)
      const fn = typeof listener === 'function' ? listener : this.rawListeners(type).find((l) =>
        l.listener === listener || (l.listener !== undefined && l.listener.listener === listener));
      if (fn !== undefined) Reflect.apply(remove, this, [type, fn]);
      return this;
    },
  }[name]);
}
{
  const emit = EventEmitter.prototype.emit;
  defineNodeStyle('emit', {
    emit(type, arg) { // one value, as node's (it becomes a CustomEvent's detail for addEventListener)
      validateString(type, 'type');
      return Reflect.apply(emit, this, [type, arg]);
    },
  }.emit);
}
Object.defineProperty(NodeEventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });
// EventTarget.prototype's inspector reads an EventTarget's own state, which a port has not:
// a port is inspected the default way (as node prints it: `MessagePort [EventTarget] {`)
Object.defineProperty(NodeEventTarget.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value: undefined, writable: true, configurable: true,
});
require('internal/builtin_loader').whenLoaded('internal/event_target', ({ EventTarget }) => {
  Object.setPrototypeOf(NodeEventTarget.prototype, EventTarget.prototype);
});
Object.setPrototypeOf(MessagePort.prototype, NodeEventTarget.prototype);
Object.setPrototypeOf(MessagePort, NodeEventTarget);

function isMessagePort(v) {
  return v !== null && typeof v === 'object' && v instanceof MessagePort;
}

// node's MessagePort methods are native: a `this` that is no port is an 'Illegal
// invocation' (C says the same for an object that only inherits MessagePort.prototype).
function checkPort(port) {
  if (!isMessagePort(port)) throw new TypeError('Illegal invocation');
}

function onNewListener(name) {
  if ((name === 'message' || name === 'messageerror') && this.listenerCount('message') +
      this.listenerCount('messageerror') === 0) {
    native.setRef(this, true);
    native.start(this);
  }
}

// As node: without listeners the port stops receiving (what comes stays queued for the
// next listener, which starts it again) and no longer keeps the thread alive.
function onRemoveListener(name) {
  if ((name === 'message' || name === 'messageerror') &&
      this.listenerCount('message') + this.listenerCount('messageerror') === 0) {
    native.setRef(this, false);
    native.stop(this);
  }
}

// C finds a port's object here when the port is not held (not started): a WeakRef per
// port, at the slot C gave it. C keeps a pointer to such a port's object too, but cannot
// tell whether the object is still alive (a dead one is finalized only when the collector
// sweeps it, later); the WeakRef can. undefined: the port object is gone.
const WeakRefCtor = WeakRef;
const weakRefDeref = WeakRef.prototype.deref;
const ReflectApply = Reflect.apply;
const portRefs = [];

function livePort(slot) {
  const ref = portRefs[slot];
  return ref === undefined ? undefined : ReflectApply(weakRefDeref, ref, []);
}

// Called by C for each new port object (in this thread, or arriving by transfer).
function initPort(port, slot) {
  portRefs[slot] = new WeakRefCtor(port);
  // an emitter's state (EventEmitter.init's), not enumerable: node's port shows no own keys
  Object.defineProperties(port, {
    _events: { value: { __proto__: null }, writable: true, configurable: true },
    _eventsCount: { value: 0, writable: true, configurable: true },
    _maxListeners: { value: undefined, writable: true, configurable: true },
  });
  port.on('newListener', onNewListener);
  port.on('removeListener', onRemoveListener);
}

// node's ReadIterable: an array as it is, another object through its Symbol.iterator;
// null when it is not iterable.
function readIterable(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return null;
  if (Array.isArray(value)) return value;
  const iterator = value[Symbol.iterator];
  if (typeof iterator !== 'function') return null;
  const it = iterator.call(value);
  const next = it !== null && (typeof it === 'object' || typeof it === 'function') ? it.next : undefined;
  if (typeof next !== 'function') return null; // an iterator that cannot step is no iterable either
  const list = [];
  for (let step = next.call(it); !step.done; step = next.call(it)) list.push(step.value);
  return list;
}

// postMessage's second argument, read as node reads it: a transfer list (any iterable),
// or else an options object whose `transfer` is one.
function normalizeTransfer(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw makeNativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable',
      normalizeTransfer);
  }
  const list = readIterable(options);
  if (list !== null) return list;
  const transfer = options.transfer;
  if (transfer === undefined) return undefined;
  const fromOption = readIterable(transfer);
  if (fromOption === null) {
    throw makeNativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Optional options.transfer argument must be an iterable',
      normalizeTransfer);
  }
  return fromOption;
}

// Without a transfer list the clone codec runs from here (its writeDirect) and C only
// takes the bytes: no call from C back into JS per message. -1: inside another clone
// (a getter posting), which goes the general way.
let writeDirect = null;

Object.defineProperties(MessagePort.prototype, {
  postMessage: {
    value: function postMessage(message, transfer) {
      checkPort(this);
      if (arguments.length === 0) {
        throw makeNativeError(TypeError, 'ERR_MISSING_ARGS', 'Not enough arguments to MessagePort.postMessage', postMessage);
      }
      if (transfer === undefined || transfer === null) {
        if (writeDirect === null) writeDirect = binding('clone').directWriter();
        const n = writeDirect(message);
        if (n >= 0) return native.postStaged(this);
      }
      const list = normalizeTransfer(transfer);
      // node's value (mod_worker's post_cloned says which), or null: see below
      const posted = native.postMessage(this, message, list);
      if (posted === null) {
        // the message carried this port's own peer: node drops it and the channel is lost
        process.emitWarning('The target port was posted to itself, and the communication channel was lost');
        return true;
      }
      return posted;
    },
    writable: true, configurable: true,
  },
  start: {
    value: function start() { checkPort(this); native.start(this); },
    writable: true, configurable: true,
  },
  close: {
    value: function close(callback) {
      checkPort(this);
      if (!native.isOpen(this)) return;
      if (typeof callback === 'function') this.once('close', callback);
      native.close(this); // 'close' comes from C, in the loop's closing phase (as node's)
    },
    writable: true, configurable: true,
  },
  ref: {
    value: function ref() { checkPort(this); native.setRef(this, true); },
    writable: true, configurable: true,
  },
  unref: {
    value: function unref() { checkPort(this); native.setRef(this, false); },
    writable: true, configurable: true,
  },
  hasRef: {
    value: function hasRef() { checkPort(this); return !!native.hasRef(this); },
    writable: true, configurable: true,
  },
  onmessage: eventHandlerProperty('message', kOnMessage),
  onmessageerror: eventHandlerProperty('messageerror', kOnMessageError),
});

// EventTarget-style API, on NodeEventTarget.prototype as in node (where it comes from
// EventTarget.prototype); here a port's own: a listener (a function or an object with
// handleEvent) is added once per type and capture flag, `once` and `signal` remove it, and
// it gets a MessageEvent.
Object.defineProperties(NodeEventTarget.prototype, {
  addEventListener: {
    value: function addEventListener(type, listener, options) {
      if (!listenerToAdd(listener)) return;
      type = eventType(type);
      const capture = captureOf(options);
      const once = options !== null && typeof options === 'object' && !!options.once;
      const signal = options !== null && typeof options === 'object' ? options.signal : undefined;
      if (signal !== undefined) require('internal/errors').validateAbortSignal(signal, 'options.signal');
      if (signal !== undefined && signal.aborted) return;
      if (!this[kWrappers]) this[kWrappers] = [];
      if (findWrapper(this, type, listener, capture) !== -1) return;
      const handler = (e) => (typeof listener === 'function' ? listener.call(this, e) : listener.handleEvent(e));
      const wrapper = (data) => {
        if (once) this.removeEventListener(type, listener, { capture });
        dispatchTo(this, type, data, handler);
      };
      wrapper.listener = listener;
      const entry = { type, listener, capture, wrapper, signal, onAbort: undefined };
      if (signal !== undefined) {
        entry.onAbort = () => this.removeEventListener(type, listener, { capture });
        signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      this[kWrappers].push(entry);
      this.on(type, wrapper);
    },
    writable: true, configurable: true,
  },
  removeEventListener: {
    value: function removeEventListener(type, listener, options) {
      if (!validateEventListener(listener)) return;
      type = eventType(type);
      const i = findWrapper(this, type, listener, captureOf(options));
      if (i === -1) return;
      const entry = this[kWrappers][i];
      this[kWrappers].splice(i, 1);
      if (entry.onAbort !== undefined) entry.signal.removeEventListener('abort', entry.onAbort);
      this.off(type, entry.wrapper);
    },
    writable: true, configurable: true,
  },
  dispatchEvent: {
    value: function dispatchEvent(event) {
      return this.emit(event.type, event.data);
    },
    writable: true, configurable: true,
  },
});

// node's inspector for a port: `active` and `refed` first (only `active: false` once the
// port is closed for good), then its own enumerable properties. The object returned has
// MessagePort.prototype, whose inspector then sees no port and lets it be printed as it is.
Object.defineProperty(MessagePort.prototype, Symbol.for('nodejs.util.inspect.custom'), {
  value: function inspect() {
    let refed;
    try {
      refed = native.hasRef(this); // throws for what is no port (the object returned below)
    } catch {
      return this;
    }
    return Object.assign({ __proto__: MessagePort.prototype }, refed === undefined ? { active: false } : { active: true, refed },
      this);
  },
  writable: true, configurable: true,
});

function captureOf(options) {
  if (typeof options === 'boolean') return options;
  return options !== null && typeof options === 'object' && !!options.capture;
}

function findWrapper(port, type, listener, capture) {
  const list = port[kWrappers];
  if (!list) return -1;
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    if (w.type === type && w.listener === listener && w.capture === capture) return i;
  }
  return -1;
}

// `port.onmessage = fn`: one listener that receives a MessageEvent-like object. As node's,
// a new handler in place of another keeps its place among the port's listeners.
function eventHandlerProperty(type, key) {
  return {
    get() { return this[key] ? this[key].listener : null; },
    set(fn) {
      const current = this[key];
      if (current && typeof fn === 'function') {
        current.listener = fn;
        return;
      }
      if (current) this.off(type, current);
      this[key] = null;
      if (typeof fn === 'function') {
        const wrapper = (data) => dispatchTo(this, type, data, wrapper.listener);
        wrapper.listener = fn;
        this[key] = wrapper;
        this.on(type, wrapper);
      }
    },
    configurable: true,
    enumerable: true,
  };
}

// As node: a trusted-looking MessageEvent whose target is the port, current only while the
// listener runs, with the ports the message carried; another event type (port.emit('foo',
// value)) gives its listeners a CustomEvent with the value as its detail, as node's
// NodeEventTarget does. Loaded on first use: most ports only `on()`.
let MessageEvent, CustomEvent, setEventDispatch;
let deliveredPorts; // the message being delivered's (deliverMessage)
function dispatchTo(port, type, data, listener) {
  if (MessageEvent === undefined) {
    ({ MessageEvent } = require('internal/worker/message_event'));
    ({ CustomEvent, setEventDispatch } = require('internal/event_target'));
  }
  const event = type !== 'message' && type !== 'messageerror' ? new CustomEvent(type, { detail: data }) :
    new MessageEvent(type, type === 'message' && deliveredPorts !== undefined ? { data, ports: deliveredPorts } : { data });
  setEventDispatch(event, port, true);
  try {
    listener.call(port, event);
  } finally {
    setEventDispatch(event, undefined, false);
  }
}

// node's MessagePort is an EventTarget: every listener runs even when an earlier one
// throws, and the error becomes an uncaught exception on the next tick (node's
// emitUncaughtException), before the next message. A lone listener is called directly.
// With several, the walk is node's over its list of listeners: each one's successor is
// taken before it is called, so one removed by an earlier listener is not called (the walk
// goes on from where it was), and one added is called when the walk reaches it (not when
// the listener that added it was the last).
function dispatch(port, type, value) {
  const events = port._events;
  const handler = events === undefined ? undefined : events[type];
  if (handler === undefined) return;
  if (typeof handler === 'function') {
    try {
      handler.call(port, value);
    } catch (err) {
      process.nextTick(rethrow, err);
    }
    return;
  }
  let listener = handler[0];
  while (listener !== undefined) {
    const before = listenersOf(port, type).slice();
    const at = before.indexOf(listener);
    let next = at === -1 ? undefined : before[at + 1];
    if (at !== -1) {
      try {
        listener.call(port, value);
      } catch (err) {
        process.nextTick(rethrow, err);
      }
    }
    while (next !== undefined && !listenersOf(port, type).includes(next)) next = before[before.indexOf(next) + 1];
    listener = next;
  }
}

const noListeners = [];
function listenersOf(port, type) {
  const events = port._events;
  const current = events === undefined ? undefined : events[type];
  if (typeof current === 'function') return [current];
  return Array.isArray(current) ? current : noListeners;
}

function rethrow(err) { throw err; }

// Called from C with a delivered message, decoded (failed: it could not be), and the
// ports it carried (undefined when none).
function deliverMessage(port, value, failed, ports) {
  const outer = deliveredPorts;
  deliveredPorts = ports;
  try {
    dispatch(port, failed ? 'messageerror' : 'message', value);
  } finally {
    deliveredPorts = outer;
  }
}

// C calls this once per port (its closing queue), in the loop's closing phase.
function emitClose(port) {
  dispatch(port, 'close');
}

// A function, not a class: node's (C++) one called without `new` throws its own error.
function MessageChannel() {
  if (new.target === undefined) {
    throw makeNativeError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`', MessageChannel);
  }
  const [port1, port2] = native.createChannel();
  this.port1 = port1;
  this.port2 = port2;
}

// The MessagePort inside another object that receives (a BroadcastChannel's), which
// receiveMessageOnPort takes as node's does.
const kInnerPort = Symbol('kInnerPort');

function receiveMessageOnPort(port) {
  if (!isMessagePort(port) && port !== null && typeof port === 'object' && isMessagePort(port[kInnerPort])) {
    port = port[kInnerPort];
  }
  if (!isMessagePort(port)) throw notAPort();
  const value = native.receive(port, kNoMessage);
  return value === kNoMessage ? undefined : { message: value };
}

// node's C++ error for a `port` argument that is none
function notAPort() {
  return makeNativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "port" argument must be a MessagePort instance', notAPort);
}

function moveMessagePortToContext(port) {
  if (!isMessagePort(port)) throw notAPort();
  throw new codes.ERR_SPINDLE_UNSUPPORTED('moveMessagePortToContext (vm contexts)');
}

// The hooks C calls; emitWorkerExit is filled in by worker_threads.
const hooks = {
  initPort, livePort, deliverMessage, emitClose, emitWorkerExit: null,
  openThreadInbox() { require('internal/worker/messaging').openInbox(); },
};
native.setup(MessagePort.prototype, hooks);

module.exports = {
  MessagePort, MessageChannel, receiveMessageOnPort, moveMessagePortToContext, isMessagePort, hooks,
  normalizeTransfer, kInnerPort,
};
