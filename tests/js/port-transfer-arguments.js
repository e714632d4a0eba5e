// postMessage's second argument as node reads it, and what node says about bad ones:
// a transfer list is any iterable, else an options object whose `transfer` is one;
// closed or transferred ports are DataCloneErrors; postMessage returns true.
const { MessageChannel, Worker } = require('worker_threads');

function t(name, f) {
  try {
    console.log(name, 'ok', f());
  } catch (e) {
    console.log(name, 'throws', e.name, e.code, e.message, e.constructor.name);
  }
}

const { port1, port2 } = new MessageChannel();
const ab = () => new ArrayBuffer(2);
const cases = [
  ['null', null], ['undefined', undefined], ['{}', {}], ['{transfer:null}', { transfer: null }],
  ['{transfer:"ab"}', { transfer: 'ab' }], ['{transfer:5}', { transfer: 5 }], ['{transfer:{}}', { transfer: {} }],
  ['string', 'ab'], ['number', 5], ['boolean', true], ['function', function () {}],
  ['array-like (not iterable: nothing moves)', { length: 1, 0: ab() }],
  ['[null]', [null]], ['[1]', [1]], ['[undefined]', [undefined]], ['[ , buffer]', [, ab()]],
  ['throwing iterator', { [Symbol.iterator]() { throw new Error('from the iterator'); } }],
  ['throwing transfer getter', { get transfer() { throw new Error('from the getter'); } }],
];
for (const [name, list] of cases) t(name, () => port1.postMessage('m', list));

// any iterable moves what it lists
const viaSet = ab();
t('a Set', () => port1.postMessage(viaSet, new Set([viaSet])));
console.log('moved by a Set:', viaSet.byteLength === 0);
const viaOption = ab();
t('{transfer: Set}', () => port1.postMessage(viaOption, { transfer: new Set([viaOption]) }));
console.log('moved by options.transfer:', viaOption.byteLength === 0);
const viaGenerator = ab();
t('a generator', () => port1.postMessage(viaGenerator, (function* () { yield viaGenerator; })()));
console.log('moved by a generator:', viaGenerator.byteLength === 0);

t('no message', () => port1.postMessage());

// ports that are closed or already moved
const closed = new MessageChannel();
closed.port1.close();
t('closed port listed', () => port1.postMessage(0, [closed.port1]));
t('closed port in the message only', () => port1.postMessage({ p: closed.port1 }));
t('port whose peer closed (not yet told)', () => port1.postMessage(0, [closed.port2]));
const moved = new MessageChannel();
port1.postMessage(0, [moved.port1]);
t('moved port listed', () => port1.postMessage(0, [moved.port1]));
t('moved port in the message only', () => port1.postMessage([moved.port1]));
t('moved port in both', () => port1.postMessage([moved.port1], [moved.port1]));
const live = new MessageChannel();
t('live port in the message only', () => port1.postMessage({ p: live.port1 }));
t('structuredClone of a moved port', () => structuredClone(moved.port1));
t('structuredClone transferring a moved port', () => structuredClone(moved.port1, { transfer: [moved.port1] }));

port2.close();
t('after close', () => port1.postMessage(1));

const w = new Worker('setTimeout(() => {}, 60000)', { eval: true });
t('worker: no message', () => w.postMessage());
t('worker: bad list', () => w.postMessage(1, 5));
t('worker: {transfer:null}', () => w.postMessage(1, { transfer: null }));
t('worker: returns', () => w.postMessage(1));
w.terminate();
live.port1.close();
moved.port2.close();
