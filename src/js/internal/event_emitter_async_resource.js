'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose emit() runs its listeners in
// the scope of its own AsyncResource (async_hooks), as node's.

const EventEmitter = require('events');
const { AsyncResource } = require('async_hooks');
const { codes: { ERR_INVALID_THIS }, validateString } = require('internal/errors');

const kEventEmitter = Symbol('kEventEmitter');
const kAsyncResource = Symbol('kAsyncResource');

class EventEmitterReferencingAsyncResource extends AsyncResource {
  constructor(emitter, type, options) {
    super(type, options);
    this[kEventEmitter] = emitter;
  }
  get eventEmitter() {
    if (this[kEventEmitter] === undefined) throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
    return this[kEventEmitter];
  }
}

class EventEmitterAsyncResource extends EventEmitter {
  constructor(options = undefined) {
    let name;
    if (typeof options === 'string') {
      name = options;
      options = undefined;
    } else {
      if (new.target === EventEmitterAsyncResource) validateString(options?.name, 'options.name');
      name = options?.name || new.target.name;
    }
    super(options);
    this[kAsyncResource] = new EventEmitterReferencingAsyncResource(this, name, options);
  }
  emit(event, ...args) {
    const resource = this.asyncResource;
    return Reflect.apply(resource.runInAsyncScope, resource, [super.emit, this, event, ...args]);
  }
  emitDestroy() { this.asyncResource.emitDestroy(); }
  get asyncId() { return this.asyncResource.asyncId(); }
  get triggerAsyncId() { return this.asyncResource.triggerAsyncId(); }
  get asyncResource() {
    if (this[kAsyncResource] === undefined) throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
    return this[kAsyncResource];
  }
}

module.exports = { EventEmitterAsyncResource };
