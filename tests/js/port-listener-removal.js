// As node: a listener added with addEventListener is removed by off()/removeListener() too,
// function or object (and can be added again after), and an event type is a string, so 5
// and '5' are one type; a symbol type is refused.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const obj = { handleEvent(e) { console.log('obj got', e.data); } };
const fn = (e) => console.log('fn got', e.data);
port1.addEventListener('message', obj);
port1.addEventListener('message', fn);
port1.off('message', obj);
port1.off('message', fn);
console.log('after off', port1.listenerCount('message'));
port1.addEventListener('message', obj);
port1.addEventListener('message', fn);
console.log('after re-add', port1.listenerCount('message'));
try { port1.addEventListener(Symbol('s'), fn); } catch (e) { console.log(e.code); }
port1.addEventListener(5, fn);
port1.removeEventListener('5', fn);
console.log('5 then "5"', port1.listenerCount('5'), port1.listenerCount(5));
port2.postMessage('m');
setTimeout(() => port1.close(), 20);
