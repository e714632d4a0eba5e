// AbortSignal.timeout (unref'd, TimeoutError) and AbortSignal.any.
'use strict';
const t = AbortSignal.timeout(10);
const other = new AbortController();
const any = AbortSignal.any([t, other.signal]);
console.log(t.aborted, any.aborted);
t.addEventListener('abort', () => console.log('timeout', t.reason.name, t.reason.code, t.reason.message));
any.onabort = () => console.log('any follows', any.reason === t.reason);
try { AbortSignal.any([1]); } catch (e) { console.log(e.code, e.message); }
try { AbortSignal.timeout(-1); } catch (e) { console.log(e.code, e.message); }
try { AbortSignal.timeout('1'); } catch (e) { console.log(e.code, e.message); }
console.log(AbortSignal.any([AbortSignal.abort(1)]).reason, AbortSignal.any([]).aborted);
const a = new AbortController(), b = new AbortController();
const ab = AbortSignal.any([a.signal, b.signal]);
b.abort('b first');
a.abort('a later');
console.log(ab.reason);
// Keep the loop alive past the timeout: the signal's own timer is unref'd.
setTimeout(() => {
  console.log('after', t.aborted, any.aborted);
  // An unref'd timeout alone does not keep the process alive.
  AbortSignal.timeout(100000).addEventListener('abort', () => console.log('must not run'));
}, 50);
