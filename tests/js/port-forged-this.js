// An object that only inherits from MessagePort.prototype is no port: its methods throw
// node's 'Illegal invocation' TypeError instead of reading it as one (spindle's hot paths
// skip a type check the JS side has done: this is what keeps them safe), and so does
// receiveMessageOnPort.
const { MessagePort, receiveMessageOnPort } = require('worker_threads');
const fakes = [Object.create(MessagePort.prototype), Object.setPrototypeOf(new Date(), MessagePort.prototype),
  Object.setPrototypeOf(new Uint8Array(8), MessagePort.prototype)];
for (const fake of fakes) {
  for (const method of ['postMessage', 'start', 'close', 'ref', 'unref', 'hasRef']) {
    try { fake[method]({ a: 1 }); console.log(method, 'ran'); } catch (e) { console.log(method, e.name, e.code, e.message); }
  }
  try { receiveMessageOnPort(fake); console.log('received'); } catch (e) { console.log('receiveMessageOnPort:', e.name, e.code); }
}
try { MessagePort.prototype.postMessage.call({}, 1); } catch (e) { console.log('a plain object:', e.name, e.message); }
