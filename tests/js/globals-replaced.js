// A program may replace or delete the engine's globals: `global.Promise = Bluebird`, a
// fake Date (test frameworks' fake timers), a polyfill of Map, a sandbox's wipe. The
// runtime's own code keeps the originals (node's primordials): workers, ports, the
// structured clone, fs promises, timers, events, Buffer and util keep working, and what
// they hand back is the engine's (a real Promise, a real Map, a real Date).
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');
const fs = require('fs');
const util = require('util');
const { EventEmitter } = require('events');

const real = { Promise, Date, Map, Set, Object, Array, Symbol, Uint8Array, ArrayBuffer, JSON, Reflect };
const log = console.log.bind(console);
const protoOf = real.Object.getPrototypeOf;

class UserPromise extends Promise {}
const replaced = {
  Promise: UserPromise,
  Date: function FakeDate() { return new real.Date(0); },
  Map: function UserMap() { throw new real.Object.constructor('user Map called'); },
  Set: function UserSet() { throw new Error('user Set called'); },
  Symbol: function UserSymbol() { throw new Error('user Symbol called'); },
  Uint8Array: function UserUint8Array() { throw new Error('user Uint8Array called'); },
  JSON: { parse() { throw new Error('user JSON.parse called'); }, stringify() { throw new Error('user JSON.stringify called'); } },
};
for (const name of real.Object.keys(replaced)) globalThis[name] = replaced[name];
for (const name of ['WeakMap', 'WeakSet', 'WeakRef', 'DataView', 'BigInt64Array', 'BigUint64Array',
  'Float64Array', 'Int32Array', 'RegExp', 'Reflect', 'Math', 'Boolean', 'Number', 'String', 'Array', 'Object']) {
  delete globalThis[name];
}

// one thread: the structured clone and a port
const value = { d: new real.Date(5), m: new real.Map([[1, 'one']]), s: new real.Set(['x']),
  u: new real.Uint8Array([1, 2]), a: [1, 'two', { three: 3 }], big: 10n };
const copy = structuredClone(value);
log('clone', util.inspect(copy));
log('clone kinds', copy.d instanceof real.Date, copy.m instanceof real.Map, copy.s instanceof real.Set,
  copy.u instanceof real.Uint8Array, real.Array.isArray(copy.a));
const { port1, port2 } = new MessageChannel();
port1.postMessage(value);
const got = receiveMessageOnPort(port2).message;
log('port', got.m.get(1), got.s.has('x'), got.u[1], got.a[2].three, got.big);
port1.close();

// what builtins hand back is the engine's
const read = fs.promises.readFile(__filename);
log('fs promise is the engine\'s', protoOf(read) === real.Promise.prototype);
log('util.promisify', protoOf(util.promisify(fs.stat)(__filename)) === real.Promise.prototype);
log('Buffer', Buffer.from('héllo').toString('base64'), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString());
const e = new EventEmitter();
e.once('x', (v) => log('event', v));
e.emit('x', 42);
log('inspect', util.inspect({ m: new real.Map([['k', 1]]), s: new real.Set([1]), d: new real.Date(0) }));
log('format', util.format('%s %d %j', 'a', 1, { j: 1 }));

setTimeout(() => {
  log('timer ran');
  const w = new Worker(`
const { parentPort, workerData } = require('worker_threads');
globalThis.Map = undefined; globalThis.Promise = undefined; delete globalThis.Object; delete globalThis.Array;
parentPort.on('message', (m) => {
  if (m === 'boom') throw new TypeError('thrown in the worker');
  parentPort.postMessage({ echo: m, data: workerData });
});
parentPort.postMessage('ready');
`, { eval: true, workerData: { m: new real.Map([[2, 'two']]) } });
  const started = w.terminate === undefined ? null : 'ok';
  w.on('online', () => log('online', started));
  w.on('message', (m) => {
    if (m === 'ready') { w.postMessage({ d: new real.Date(7), list: [1, 2] }); return; }
    log('worker echo', m.echo.d instanceof real.Date, m.echo.d.getTime(), m.echo.list.length,
      m.data.m instanceof real.Map, m.data.m.get(2));
    w.postMessage('boom');
  });
  w.on('error', (err) => log('worker error', err.name, err.message));
  w.on('exit', (code) => {
    log('exit', code);
    read.then((buf) => log('read resolved', buf.length > 0));
  });
}, 1);
