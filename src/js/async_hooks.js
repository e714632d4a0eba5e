'use strict';
// async_hooks: AsyncResource (ids, runInAsyncScope, bind, emitDestroy) with the current
// execution scope it sets (executionAsyncId, triggerAsyncId, executionAsyncResource), and
// createHook, whose callbacks fire for AsyncResources (init, before, after, destroy) as in
// node. Not there: the engine has no promise hooks, so timers, promises and I/O are not
// async resources here (their callbacks run in the top-level scope, id 1, and fire no
// hooks), and AsyncLocalStorage, which needs that propagation, is missing.

const { makeNodeError, validateFunction, validateString } = require('internal/errors');

const kAsyncId = Symbol('asyncId');
const kTriggerAsyncId = Symbol('triggerAsyncId');

// The current scope: a stack of [asyncId, triggerAsyncId, resource]; the top level is id 1
// with trigger 0, as in node's main script.
const topLevelResource = {};
const scopes = [[1, 0, topLevelResource]];
let nextAsyncId = 2;
let warnedBoundResource = false; // DEP0172, once per thread as node's

function current() { return scopes[scopes.length - 1]; }
function executionAsyncId() { return current()[0]; }
function triggerAsyncId() { return current()[1]; }
function executionAsyncResource() { return current()[2]; }

// The callbacks of the enabled hooks, in enabling order.
const enabled = [];
function callHooks(name, ...args) {
  for (const callbacks of enabled.slice()) {
    const fn = callbacks[name];
    if (typeof fn === 'function') Reflect.apply(fn, callbacks, args);
  }
}

class AsyncHook {
  #callbacks;
  constructor(callbacks) {
    this.#callbacks = callbacks;
  }
  enable() {
    if (!enabled.includes(this.#callbacks)) enabled.push(this.#callbacks);
    return this;
  }
  disable() {
    const i = enabled.indexOf(this.#callbacks);
    if (i >= 0) enabled.splice(i, 1);
    return this;
  }
}

function createHook(callbacks = {}) {
  const { init, before, after, destroy, promiseResolve } = callbacks;
  const checked = { init, before, after, destroy, promiseResolve };
  for (const name of Object.keys(checked)) {
    if (checked[name] !== undefined && typeof checked[name] !== 'function') {
      throw makeNodeError(TypeError, 'ERR_ASYNC_CALLBACK', `hook.${name} must be a function`);
    }
  }
  return new AsyncHook(checked);
}

class AsyncResource {
  constructor(type, opts = {}) {
    validateString(type, 'type');
    // (opts.requireManualDestroy changes nothing here: destroy hooks fire on emitDestroy()
    // only, as nothing tracks a resource's collection)
    let trigger = opts;
    if (typeof opts !== 'number') trigger = opts.triggerAsyncId === undefined ? executionAsyncId() : opts.triggerAsyncId;
    if (!Number.isSafeInteger(trigger) || trigger < -1) {
      throw makeNodeError(RangeError, 'ERR_INVALID_ASYNC_ID', `Invalid triggerAsyncId value: ${trigger}`);
    }
    const asyncId = nextAsyncId++;
    this[kAsyncId] = asyncId;
    this[kTriggerAsyncId] = trigger;
    if (enabled.length > 0) {
      if (type.length === 0) throw makeNodeError(TypeError, 'ERR_ASYNC_TYPE', `Invalid name for async "type": ${type}`);
      callHooks('init', asyncId, type, trigger, this);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const asyncId = this[kAsyncId];
    callHooks('before', asyncId);
    scopes.push([asyncId, this[kTriggerAsyncId], this]);
    try {
      return Reflect.apply(fn, thisArg, args);
    } finally {
      scopes.pop();
      callHooks('after', asyncId);
    }
  }

  // As node, destroy hooks run later (node: from its native side, after the current
  // macrotask), and only the hooks still enabled then.
  emitDestroy() {
    const asyncId = this[kAsyncId];
    if (enabled.length > 0) setImmediate(() => callHooks('destroy', asyncId));
    return this;
  }

  asyncId() { return this[kAsyncId]; }
  triggerAsyncId() { return this[kTriggerAsyncId]; }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        return Reflect.apply(resource.runInAsyncScope, resource, [fn, this, ...args]);
      };
    } else {
      bound = this.runInAsyncScope.bind(this, fn, thisArg);
    }
    let self = this;
    Object.defineProperties(bound, {
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true, enumerable: true,
        get() {
          if (!warnedBoundResource) {
            warnedBoundResource = true;
            process.emitWarning('The asyncResource property on bound functions is deprecated',
              'DeprecationWarning', 'DEP0172');
          }
          return self;
        },
        set(value) { self = value; },
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name;
    return (new AsyncResource(type || 'bound-anonymous-fn')).bind(fn, thisArg);
  }
}

// node's provider table (what its native resources are called), for code that reads it.
const asyncWrapProviders = Object.freeze(Object.assign(Object.create(null), Object.fromEntries([
  'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ', 'BLOBREADER',
  'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT',
  'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING', 'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST',
  'JSSTREAM', 'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP',
  'PROMISE', 'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER',
  'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP', 'UDPWRAP',
  'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB', 'CHECKPRIMEREQUEST',
  'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST', 'KEYEXPORTREQUEST', 'CIPHERREQUEST',
  'DERIVEBITSREQUEST', 'HASHREQUEST', 'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST',
  'SIGNREQUEST', 'TLSWRAP', 'VERIFYREQUEST',
].map((name, i) => [name, i]))));

module.exports = {
  createHook, executionAsyncId, triggerAsyncId, executionAsyncResource, asyncWrapProviders, AsyncResource,
};
