// receiveMessageOnPort is synchronous: { message } or undefined; bad input throws.
const assert = require('assert');
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
assert.strictEqual(receiveMessageOnPort(port2), undefined);
port1.postMessage({ a: 1 });
port1.postMessage('b');
assert.deepStrictEqual(receiveMessageOnPort(port2), { message: { a: 1 } });
assert.deepStrictEqual(receiveMessageOnPort(port2), { message: 'b' });
assert.strictEqual(receiveMessageOnPort(port2), undefined);
assert.throws(() => receiveMessageOnPort({}), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
port1.close();
console.log('ok');
