// events.getMaxListeners / setMaxListeners on emitters and EventTargets, and
// events.addAbortListener with its Symbol.dispose.
const events = require('events');
const e = new events.EventEmitter();
console.log('emitter', events.getMaxListeners(e));
e.setMaxListeners(3);
console.log('emitter after set', events.getMaxListeners(e));
const et = new EventTarget();
console.log('target', events.getMaxListeners(et));
events.setMaxListeners(7, et, e);
console.log('after events.setMaxListeners', events.getMaxListeners(et), events.getMaxListeners(e));
for (const bad of [{}, null, 1]) {
  try {
    events.getMaxListeners(bad);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
try {
  events.setMaxListeners(1, {});
} catch (err) {
  console.log(err.name, err.code, err.message);
}

console.log('Symbol.dispose', typeof Symbol.dispose, typeof Symbol.asyncDispose,
  Object.getOwnPropertyDescriptor(Symbol, 'dispose').writable);
const ac = new AbortController();
const d = events.addAbortListener(ac.signal, (...args) => console.log('aborted', args.length, args[0].type));
console.log('disposable', Object.getPrototypeOf(d), Reflect.ownKeys(d).length, typeof d[Symbol.dispose]);
ac.abort();
events.addAbortListener(AbortSignal.abort(), (...args) => console.log('already aborted', args.length));
console.log('after the calls (the already-aborted listener runs in a microtask)');
const ac2 = new AbortController();
events.addAbortListener(ac2.signal, () => console.log('never: disposed'))[Symbol.dispose]();
ac2.abort();
for (const [signal, fn] of [[undefined, () => {}], [{}, () => {}], [ac.signal, 1]]) {
  try {
    events.addAbortListener(signal, fn);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
