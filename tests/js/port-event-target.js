// A MessagePort also speaks EventTarget: onmessage (which starts it) and addEventListener get events with .data.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port1.onmessage = (e) => {
  console.log('onmessage', e.data, e.target === port1);
  port1.onmessage = null;
  port1.close();
};
port2.postMessage('hello');
const c = new MessageChannel();
c.port1.addEventListener('message', (e) => { console.log('listener', e.data); c.port1.close(); }, { once: true });
c.port1.start();
c.port2.postMessage(42);
// the events are MessageEvents, as in node: target the port, currentTarget and
// eventPhase only while a listener runs, not trusted, no ports/origin/source
const d = new MessageChannel();
let kept;
d.port2.onmessage = (e) => {
  kept = e;
  console.log(e.constructor.name, e instanceof MessageEvent, e instanceof Event, e.type, e.data,
    e.origin === '', e.lastEventId === '', e.source, e.ports.length, e.target === d.port2,
    e.currentTarget === d.port2, e.isTrusted, e.eventPhase, e.bubbles, e.cancelable);
  setImmediate(() => {
    console.log('after', kept.currentTarget, kept.target === d.port2, kept.eventPhase);
    const handlerObject = { handleEvent(ev) { console.log('handleEvent', this === handlerObject, ev.data); d.port1.close(); } };
    d.port1.addEventListener('message', handlerObject, { once: true });
    d.port1.start();
    d.port2.postMessage('to an object listener');
  });
};
d.port1.postMessage({ v: 1 });
