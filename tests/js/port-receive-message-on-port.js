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
// messages whose value is undefined, null or a symbol-free falsy value are still messages
for (const v of [undefined, null, 0, '', false]) port1.postMessage(v);
for (const v of [undefined, null, 0, '', false]) {
  const got = receiveMessageOnPort(port2);
  assert.ok(got && Object.keys(got).join() === 'message', 'a { message } object for ' + String(v));
  assert.strictEqual(got.message, v);
  assert.strictEqual(Object.getPrototypeOf(got), Object.prototype);
}
assert.strictEqual(receiveMessageOnPort(port2), undefined);
// a message queued before close() can still be taken right after it (as in node)
const other = new MessageChannel();
other.port1.postMessage('queued');
other.port2.close();
console.log('after close:', JSON.stringify(receiveMessageOnPort(other.port2)));
assert.throws(() => receiveMessageOnPort({}), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
// node's wording for this one (its C++ side throws it), a plain `code`, the call in the stack
for (const bad of [{}, 1, null, undefined, 'x']) {
  try {
    receiveMessageOnPort(bad);
  } catch (e) {
    console.log(String(bad), e.message, Object.keys(e), / at receiveMessageOnPort /.test(e.stack));
  }
}
port1.close();
console.log('ok');
