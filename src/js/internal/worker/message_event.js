'use strict';
// MessageEvent, as dispatched by BroadcastChannel (and a global, as in node).

const { Event } = require('internal/event_target');

class MessageEvent extends Event {
  #data;
  #origin;
  #lastEventId;
  #source;
  #ports;
  constructor(type, options = {}) {
    if (arguments.length === 0) throw new (require('internal/errors').codes.ERR_MISSING_ARGS)('type');
    // As node's (undici's): init is read as a dictionary, so a primitive gives the defaults
    // and null fails when its first member is read.
    if (options === null) throw new TypeError("Cannot read properties of null (reading 'data')");
    const o = typeof options === 'object' || typeof options === 'function' ? options : {};
    super(type, o);
    this.#data = o.data === undefined ? null : o.data;
    this.#origin = o.origin === undefined ? '' : `${o.origin}`;
    this.#lastEventId = o.lastEventId === undefined ? '' : `${o.lastEventId}`;
    this.#source = o.source === undefined ? null : checkPort(o.source, 'init.source');
    this.#ports = o.ports === undefined ? [] : portList(o.ports);
  }
  // as node's: on anything but a MessageEvent, ERR_INVALID_THIS
  static #check(event) {
    if (event === null || typeof event !== 'object' || !(#data in event)) {
      throw new (require('internal/errors').codes.ERR_INVALID_THIS)('MessageEvent');
    }
  }
  get data() { MessageEvent.#check(this); return this.#data; }
  get origin() { MessageEvent.#check(this); return this.#origin; }
  get lastEventId() { MessageEvent.#check(this); return this.#lastEventId; }
  get source() { MessageEvent.#check(this); return this.#source; }
  get ports() { MessageEvent.#check(this); return this.#ports; }
}

// As node: source and ports hold MessagePorts (checked only when given: loading the ports'
// module costs a little)
function checkPort(value, name, nullable = true) {
  if (value === null && nullable) return value;
  if (!require('internal/worker/io').isMessagePort(value)) {
    throw new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)(name, 'MessagePort', value);
  }
  return value;
}

function portList(ports) {
  if (ports === null || (typeof ports !== 'object' && typeof ports !== 'function') ||
      typeof ports[Symbol.iterator] !== 'function') {
    throw new TypeError('ports is not iterable');
  }
  const list = [...ports];
  for (let i = 0; i < list.length; i++) checkPort(list[i], `init.ports[${i}]`, false);
  return list;
}

module.exports = { MessageEvent };
