// AbortController / AbortSignal: abort, reason, onabort, throwIfAborted, AbortSignal.abort.
'use strict';
const ac = new AbortController();
console.log(ac, ac.signal, ac.signal.aborted, ac.signal.reason, ac.signal.onabort);
ac.signal.onabort = function (e) { console.log('onabort', e.type, e.isTrusted, e.target === ac.signal, this === ac.signal); };
ac.signal.addEventListener('abort', (e) => console.log('listener', ac.signal.aborted, ac.signal.reason.name));
ac.abort();
ac.abort('second call is ignored');
const r = ac.signal.reason;
console.log(r instanceof DOMException, r.name, r.code, r.message, ac.signal);
try { ac.signal.throwIfAborted(); } catch (e) { console.log('throwIfAborted threw the reason:', e === r); }
new AbortController().signal.throwIfAborted();

const withReason = new AbortController();
withReason.abort({ why: 1 });
console.log(withReason.signal.reason);
const nullReason = new AbortController();
nullReason.abort(null);
const undefReason = new AbortController();
undefReason.abort(undefined);
console.log(nullReason.signal.reason, undefReason.signal.reason.name);

const s = AbortSignal.abort('why');
console.log(s.aborted, s.reason, AbortSignal.abort().reason.name);
try { new AbortSignal(); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(Object.prototype.toString.call(ac.signal), Object.prototype.toString.call(ac), ac.signal instanceof EventTarget);

// onabort keeps its place among listeners when reassigned; null removes it.
const order = new AbortController();
const seen = [];
order.signal.onabort = () => seen.push('first handler');
order.signal.addEventListener('abort', () => seen.push('listener'));
order.signal.onabort = () => seen.push('replaced handler');
order.abort();
console.log(seen);
const off = new AbortController();
off.signal.onabort = () => console.log('must not run');
off.signal.onabort = null;
console.log(off.signal.onabort);
off.abort();
