// An object that only inherits from MessagePort.prototype is no port: postMessage and
// receiveMessageOnPort throw a TypeError instead of reading it as one (spindle's hot
// paths skip a type check the JS side has done: this is what keeps them safe).
const { MessagePort, receiveMessageOnPort } = require('worker_threads');
for (const fake of [Object.create(MessagePort.prototype), Object.setPrototypeOf(new Date(), MessagePort.prototype),
  Object.setPrototypeOf(new Uint8Array(8), MessagePort.prototype)]) {
  try { fake.postMessage({ a: 1 }); console.log('posted'); } catch (e) { console.log('postMessage:', e.name); }
  try { receiveMessageOnPort(fake); console.log('received'); } catch (e) { console.log('receiveMessageOnPort:', e.name); }
}
