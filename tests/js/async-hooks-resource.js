// async_hooks: AsyncResource (ids, the scope runInAsyncScope sets, bind, static bind,
// emitDestroy), createHook's callbacks for AsyncResources, node's errors; and
// events.EventEmitterAsyncResource, whose listeners run in its resource's scope. Ids
// are compared, never printed: their numbering is each runtime's own.
'use strict';
const ah = require('async_hooks');
const { AsyncResource, executionAsyncId, triggerAsyncId, createHook, executionAsyncResource } = ah;
const { EventEmitterAsyncResource, EventEmitter } = require('events');

console.log(Object.keys(ah).filter((k) => k !== 'AsyncLocalStorage'));
console.log('top level', executionAsyncId() > 0, triggerAsyncId() >= 0, typeof executionAsyncResource());

// node also fires hooks for its own resources (ticks, timers, ...): only ours are recorded
const events = [];
const ours = new Set();
let r;
const hook = createHook({
  init(id, type, trigger, resource) {
    if (!type.startsWith('X-')) return;
    ours.add(id);
    events.push(['init', type, id === resource.asyncId(), trigger === executionAsyncId(), resource instanceof AsyncResource]);
  },
  before(id) { if (ours.has(id)) events.push(['before', id === r.asyncId()]); },
  after(id) { if (ours.has(id)) events.push(['after', id === r.asyncId()]); },
  destroy(id) { if (ours.has(id)) events.push(['destroy', id === r.asyncId()]); },
});
console.log(hook.enable() === hook, hook.enable() === hook);
r = new AsyncResource('X-TEST');
console.log(typeof r.asyncId(), r.asyncId() !== executionAsyncId(), r.triggerAsyncId() === executionAsyncId());
const outer = executionAsyncId();
const out = r.runInAsyncScope(function(a, b) {
  const inner = new AsyncResource('X-INNER');
  return [this.x, a, b, executionAsyncId() === r.asyncId(), triggerAsyncId() === r.triggerAsyncId(),
    executionAsyncResource() === r, inner.triggerAsyncId() === r.asyncId()];
}, { x: 1 }, 2, 3);
console.log(out, executionAsyncId() === outer);
try {
  r.runInAsyncScope(() => { throw new Error('boom'); });
} catch (e) {
  console.log('thrown through', e.message, executionAsyncId() === outer);
}
console.log(r.emitDestroy() === r);
console.log(events);

setImmediate(() => {
  // destroy hooks run after the macrotask that called emitDestroy()
  console.log('later', events.slice(-1));
  hook.disable();
  new AsyncResource('X-QUIET').emitDestroy();
  setImmediate(() => {
    console.log('disabled: nothing more', events.length);
    more();
  });
});

function more() {
  const r2 = new AsyncResource('T2', { triggerAsyncId: 42 });
  const r3 = new AsyncResource('T3', 7);
  console.log(r2.triggerAsyncId(), r3.triggerAsyncId(), new AsyncResource('T4', { triggerAsyncId: -1 }).triggerAsyncId());
  const f = r2.bind(function(x) { return [typeof this, x, executionAsyncId() === r2.asyncId()]; });
  console.log(f.length, f.call('self', 5), Object.keys(f), f.asyncResource === r2);
  const g = AsyncResource.bind(function named(a, b) { return executionAsyncId() === g.asyncResource.asyncId(); });
  console.log(g.length, g.asyncResource.constructor.name, g());
  const h = r2.bind(function() { return this; }, 'given');
  console.log(String(h()), h.length);

  for (const bad of [[1], [undefined], ['X', { triggerAsyncId: -2 }], ['X', { triggerAsyncId: 1.5 }], ['X', -5]]) {
    try { new AsyncResource(...bad); console.log('ok'); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  try { r2.bind(1); } catch (e) { console.log(e.name, e.code, e.message); }
  for (const name of ['init', 'before', 'after', 'destroy', 'promiseResolve']) {
    try { createHook({ [name]: 1 }); } catch (e) { console.log(e.name, e.code, e.message); }
  }

  class Foo extends EventEmitterAsyncResource {}
  const ee = new Foo();
  console.log(ee instanceof EventEmitter, typeof ee.asyncId, typeof ee.triggerAsyncId,
    ee.asyncResource.constructor.name, ee.asyncResource.eventEmitter === ee, Object.keys(ee.asyncResource));
  ee.on('x', function(v) { console.log('x', v, this === ee, executionAsyncId() === ee.asyncId); });
  console.log(ee.emit('x', 1), ee.emit('y'));
  const named = new EventEmitterAsyncResource({ name: 'N' });
  console.log(named.asyncResource instanceof AsyncResource, named.emit('z'));
  try { new EventEmitterAsyncResource(); } catch (e) { console.log(e.name, e.code, e.message); }
  console.log(typeof new EventEmitterAsyncResource('S').asyncId);
  const d = Object.getOwnPropertyDescriptor(require('events'), 'EventEmitterAsyncResource');
  console.log(typeof d.get, d.enumerable, typeof ah.asyncWrapProviders, ah.asyncWrapProviders.WORKER,
    ah.asyncWrapProviders.MESSAGEPORT, Object.getPrototypeOf(ah.asyncWrapProviders));
}
