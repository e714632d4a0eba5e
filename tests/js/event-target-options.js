// addEventListener options: once, signal, passive; validation; errors in listeners.
'use strict';
const et = new EventTarget();
let n = 0;
et.addEventListener('o', () => n++, { once: true });
et.dispatchEvent(new Event('o'));
et.dispatchEvent(new Event('o'));
console.log('once', n);

const ac = new AbortController();
et.addEventListener('g', () => console.log('g fired'), { signal: ac.signal });
et.dispatchEvent(new Event('g'));
ac.abort();
et.dispatchEvent(new Event('g'));
et.addEventListener('g', () => console.log('added with aborted signal: must not run'), { signal: ac.signal });
et.dispatchEvent(new Event('g'));

et.addEventListener('bool', () => console.log('capture as boolean'), true);
et.removeEventListener('bool', () => {}, true);
et.dispatchEvent(new Event('bool'));

for (const bad of [() => et.addEventListener('x', 5), () => et.addEventListener('x'), () => et.dispatchEvent({ type: 'x' }),
  () => new Event(), () => et.addEventListener('x', () => {}, { signal: {} }), () => new Event('x', 5),
  () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}), () => Event.prototype.preventDefault.call({})]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}

// Redispatching a finished event is fine; dispatching one being dispatched is not.
const re = new Event('re');
let depth = 0;
et.addEventListener('re', (ev) => {
  if (depth++ === 0) {
    try { et.dispatchEvent(ev); } catch (e) { console.log('nested', e.code, e.message); }
  }
});
et.dispatchEvent(re);
et.dispatchEvent(re);
console.log('redispatched', depth);

// A throwing listener does not stop the others; the error surfaces as uncaught.
process.on('uncaughtException', (err) => console.log('uncaught:', err.message));
et.addEventListener('err', () => { throw new Error('boom'); });
et.addEventListener('err', () => console.log('after boom'));
et.addEventListener('err', async () => { throw new Error('async boom'); });
et.dispatchEvent(new Event('err'));
console.log('dispatch returned');
