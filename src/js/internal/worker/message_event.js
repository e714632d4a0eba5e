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
    super(type, options);
    const o = options || {};
    this.#data = o.data === undefined ? null : o.data;
    this.#origin = o.origin === undefined ? '' : `${o.origin}`;
    this.#lastEventId = o.lastEventId === undefined ? '' : `${o.lastEventId}`;
    this.#source = o.source === undefined ? null : o.source;
    this.#ports = o.ports === undefined ? [] : [...o.ports];
  }
  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
  get ports() { return this.#ports; }
}

module.exports = { MessageEvent };
