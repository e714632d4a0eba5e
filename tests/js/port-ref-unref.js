// A port with a 'message' listener keeps the process alive unless unref()'d.
const { MessageChannel } = require('worker_threads');
const { port1 } = new MessageChannel();
port1.on('message', () => {});
console.log('hasRef with listener', port1.hasRef());
port1.unref();
console.log('hasRef after unref', port1.hasRef());
process.on('exit', () => console.log('exited'));
