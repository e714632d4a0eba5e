// MessagePort.hasRef() and what keeps the process alive, as node: a new port is not ref'd,
// ref() refs it (started or not), start() alone does not, a 'message' listener (on,
// onmessage, addEventListener) refs it and removing the last one unrefs it. This script
// also checks that a port that was only started lets the process exit.
const { MessageChannel } = require('worker_threads');
const out = [];
const h = (label, p) => out.push(label + ':' + p.hasRef());
let c = new MessageChannel();
h('new', c.port1);
c.port1.ref(); h('ref', c.port1);
c.port1.unref(); h('unref', c.port1);
c.port1.start(); h('start', c.port1);
c.port1.unref(); h('start+unref', c.port1);
c.port1.ref(); h('start+ref', c.port1);
c.port1.close(); h('close', c.port1);
c = new MessageChannel();
const f = () => {};
c.port1.on('message', f); h('on', c.port1);
c.port1.off('message', f); h('off', c.port1);
c.port1.on('message', f); c.port1.unref(); h('on+unref', c.port1);
c.port1.on('message', () => {}); h('second listener after unref', c.port1);
c.port1.close();
c = new MessageChannel();
c.port1.onmessage = f; h('onmessage', c.port1);
c.port1.onmessage = null; h('onmessage null', c.port1);
c.port1.addEventListener('message', f); h('addEventListener', c.port1);
c.port1.close();
console.log(out.join('\n'));
const started = new MessageChannel();
started.port1.start(); // does not keep the process alive
started.port2.start();
process.on('exit', () => console.log('exited with a started port open'));
