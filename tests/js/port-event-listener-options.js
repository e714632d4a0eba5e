// A MessagePort's addEventListener as node's EventTarget: the same listener is added once
// (per type and capture flag), removeEventListener removes it, `signal` removes it on
// abort (an aborted signal adds nothing), `once` removes it after one event, bad
// listeners and signals are TypeErrors, and dispatchEvent reaches the listeners.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
// waits until `twice` has seen message n (polling: a slow sanitizer build may take long)
let seen = 0;
const later = async (n) => {
  for (let i = 0; i < 1000 && seen < n; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 5));
};

function t(name, f) {
  try { console.log(name, 'ok', f()); } catch (e) { console.log(name, 'throws', e.name, e.code, e.message); }
}

(async () => {
  const ac = new AbortController();
  port2.addEventListener('message', (e) => console.log('with signal', e.data), { signal: ac.signal });
  const twice = (e) => { seen = e.data; console.log('added twice', e.data); };
  port2.addEventListener('message', twice);
  port2.addEventListener('message', twice);
  port2.addEventListener('message', twice, true); // another capture flag: another listener
  port2.addEventListener('message', (e) => console.log('once', e.data), { once: true });
  const aborted = new AbortController();
  aborted.abort();
  port2.addEventListener('message', () => console.log('never: its signal was aborted'), { signal: aborted.signal });
  const handlerObject = { handleEvent(e) { console.log('handleEvent', e.data, this === handlerObject); } };
  port2.addEventListener('message', handlerObject);
  port2.start();
  console.log('listeners', port2.listenerCount('message'));
  port1.postMessage(1);
  await later(1);

  ac.abort();
  port2.removeEventListener('message', twice);
  port2.removeEventListener('message', twice, { capture: true });
  port2.removeEventListener('message', handlerObject);
  console.log('listeners after removing', port2.listenerCount('message'));
  port2.addEventListener('message', twice); // can be added again
  port1.postMessage(2);
  await later(2);

  console.log('dispatch returned', port2.dispatchEvent(new MessageEvent('message', { data: 'synthetic' })));
  for (const bad of [5, 'x', true]) t('listener ' + String(bad), () => port2.addEventListener('message', bad));
  t('an object without handleEvent', () => port2.addEventListener('message', {}));
  t('null', () => port2.addEventListener('message', null));
  t('bad signal', () => port2.addEventListener('message', () => {}, { signal: 5 }));
  t('remove a bad listener', () => port2.removeEventListener('message', 5));
  t('remove null', () => port2.removeEventListener('message', null));
  port1.close();
})();
