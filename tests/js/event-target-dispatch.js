// EventTarget dispatch: order, this, handleEvent, duplicates, return value, phases.
'use strict';
const et = new EventTarget();
const log = [];
et.addEventListener('a', function (e) {
  log.push(['fn', this === et, e.eventPhase, e.currentTarget === et, e.target === et]);
  et.addEventListener('a', () => log.push('added during dispatch'));
});
const obj = { handleEvent(e) { log.push(['obj', this === obj, e.type]); } };
et.addEventListener('a', obj);
console.log(et.dispatchEvent(new Event('a')), log);

const e = new Event('b', { cancelable: true });
console.log(e.isTrusted, e.eventPhase, e.target, e.currentTarget, e.returnValue, e.cancelBubble, e.composedPath(),
  e.bubbles, e.composed, e.cancelable, typeof e.timeStamp, e.srcElement);
et.addEventListener('b', (ev) => {
  ev.preventDefault();
  console.log('in', ev.defaultPrevented, ev.eventPhase, ev.composedPath().length, ev.returnValue);
});
console.log(et.dispatchEvent(e), e.defaultPrevented, e.eventPhase, e.currentTarget, e.target === et);
const notCancelable = new Event('b');
console.log(et.dispatchEvent(notCancelable), notCancelable.defaultPrevented);
const rv = new Event('x', { cancelable: true });
rv.preventDefault();
console.log(rv.defaultPrevented, rv.returnValue, Object.getOwnPropertyDescriptor(Event.prototype, 'returnValue').set);

let n = 0;
const f = () => n++;
et.addEventListener('d', f);
et.addEventListener('d', f);
et.addEventListener('d', f, true);
et.dispatchEvent(new Event('d'));
console.log('duplicates ignored, capture distinct:', n);
et.removeEventListener('d', f);
et.dispatchEvent(new Event('d'));
et.removeEventListener('d', f, { capture: true });
et.dispatchEvent(new Event('d'));
console.log('after removals:', n);

const s = new Event('s');
et.addEventListener('s', (ev) => { ev.stopImmediatePropagation(); console.log('s1', ev.cancelBubble); });
et.addEventListener('s', () => console.log('s2 must not run'));
et.dispatchEvent(s);
const removeLater = () => console.log('removed before its turn: must not run');
et.addEventListener('r', () => et.removeEventListener('r', removeLater));
et.addEventListener('r', removeLater);
et.dispatchEvent(new Event('r'));
console.log(Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, new Event('x').AT_TARGET);
console.log(Object.prototype.toString.call(et), Object.prototype.toString.call(e), String(new Event('q')));
try { et.addEventListener(Symbol('t'), () => {}); } catch (err) { console.log(err.name, err.code, err.message); }
et.addEventListener(5, () => console.log('types are strings'));
et.dispatchEvent(new Event(5));
class MyTarget extends EventTarget {}
const mt = new MyTarget();
mt.addEventListener('z', (ev) => console.log('subclass', ev.target === mt));
mt.dispatchEvent(new Event('z'));
const ce = new CustomEvent('c', { detail: { x: 1 } });
console.log(ce.detail, ce instanceof Event, new CustomEvent('c').detail);
