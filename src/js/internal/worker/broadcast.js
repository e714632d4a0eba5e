'use strict';
// BroadcastChannel: every other open channel with the same name, in every
// thread of the process, receives each message (a structured clone each).
// Natively each instance is a subscriber with its own receiving MessagePort.

const { EventTarget } = require('internal/event_target');
const { MessageEvent } = require('internal/worker/message_event');
const native = binding('worker');
const { kInnerPort: kPort } = require('internal/worker/io');
const { codes } = require('internal/errors');

const kId = Symbol('kId');
const kName = Symbol('kName');
const kOnMessage = Symbol('kOnMessage');
const kOnMessageError = Symbol('kOnMessageError');

function closedError() {
  const DOMException = require('internal/domexception').DOMException;
  return new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
}

class BroadcastChannel extends EventTarget {
  #brand;

  // as node's: a method called on anything but a BroadcastChannel throws ERR_INVALID_THIS
  static #check(channel) {
    if (channel === null || typeof channel !== 'object' || !(#brand in channel)) {
      throw new codes.ERR_INVALID_THIS('BroadcastChannel');
    }
  }

  constructor(name) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('name');
    if (typeof name === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string'); // V8's words
    super();
    this[kName] = `${name}`;
    const [id, port] = native.bcOpen(this[kName]);
    this[kId] = id;
    this[kPort] = port;
    // closed by a listener: what was already queued is not delivered, as node's
    port.on('message', (data) => { if (this[kId] !== 0) this.dispatchEvent(new MessageEvent('message', { data })); });
    port.on('messageerror', (data) => {
      if (this[kId] !== 0) this.dispatchEvent(new MessageEvent('messageerror', { data }));
    });
  }

  get name() { BroadcastChannel.#check(this); return this[kName]; }

  postMessage(message) {
    BroadcastChannel.#check(this);
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('message');
    if (this[kId] === 0) throw closedError();
    native.bcPost(this[kId], message);
  }

  close() {
    BroadcastChannel.#check(this);
    if (this[kId] === 0) return;
    native.bcClose(this[kId]);
    this[kId] = 0;
    this[kPort].close();
    this[kPort] = undefined; // as node's: receiveMessageOnPort(closed channel) is then ERR_INVALID_ARG_TYPE
  }

  ref() { BroadcastChannel.#check(this); if (this[kId] !== 0) this[kPort].ref(); return this; }
  unref() { BroadcastChannel.#check(this); if (this[kId] !== 0) this[kPort].unref(); return this; }

  get onmessage() { return this[kOnMessage] || null; }
  set onmessage(fn) { this.#setHandler('message', kOnMessage, fn); }
  get onmessageerror() { return this[kOnMessageError] || null; }
  set onmessageerror(fn) { this.#setHandler('messageerror', kOnMessageError, fn); }

  #setHandler(type, key, fn) {
    if (this[key]) this.removeEventListener(type, this[key]);
    this[key] = typeof fn === 'function' ? fn : null;
    if (this[key]) this.addEventListener(type, this[key]);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    BroadcastChannel.#check(this);
    if (depth < 0) return 'BroadcastChannel';
    return `BroadcastChannel ${inspect({ name: this[kName], active: this[kId] !== 0 }, options)}`;
  }
}

module.exports = { BroadcastChannel };
