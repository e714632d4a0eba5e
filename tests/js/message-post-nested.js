// postMessage while another message is being cloned (a getter that posts or clones), and
// posts that fail half way (after a buffer or a long string was written) followed by good
// ones: every message that arrives is exactly what was posted, nothing of a failed one
// leaks into the next, and the order is the order of the postMessage calls that succeeded.
const { MessageChannel, receiveMessageOnPort, Worker } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
function drain() {
  const got = [];
  for (let m; (m = receiveMessageOnPort(port2));) got.push(m.message);
  return got;
}
function show(v) {
  return JSON.stringify(v, (k, x) => {
    if (x instanceof ArrayBuffer) return 'AB[' + Array.from(new Uint8Array(x)).join(',') + ']';
    if (ArrayBuffer.isView(x)) return x.constructor.name + '[' + Array.from(x).join(',') + ']';
    return x;
  });
}

// 1. A getter that posts on the same port, and one that calls structuredClone.
const inner = { inner: true, bytes: new Uint8Array([7, 8, 9]) };
const outer = {
  before: 'b'.repeat(300),
  get nested() { port1.postMessage(inner); return structuredClone({ copy: [1, 2, 3] }); },
  after: new Uint8Array([1, 2, 3]).buffer,
};
port1.postMessage(outer);
console.log('nested:', drain().map(show).join(' | '));

// 2. A getter that posts a message which itself has a posting getter (three deep).
let depth = 0;
function deep() {
  return {
    level: ++depth,
    get next() { if (depth < 3) port1.postMessage(deep()); return 'n' + depth; },
  };
}
port1.postMessage(deep());
console.log('three deep:', drain().map(show).join(' | '));

// 3. Posts that fail after the codec handed something to C (a copied buffer, a long
// string, a large body), each followed by a good post.
const failing = [
  ['buffer then function', () => ({ buf: new Uint8Array([5, 5, 5]).buffer, f() {} })],
  ['long string then symbol', () => ({ s: 'x'.repeat(1000), sym: Symbol('no') })],
  ['large body then throwing getter', () => ({ big: 'y'.repeat(200000), get boom() { throw new Error('boom'); } })],
  ['shared memory then function', () => ({ sab: new SharedArrayBuffer(4), f: () => 1 })],
  ['port not in the transfer list', () => ({ p: new MessageChannel().port1 })],
];
for (const [what, make] of failing) {
  let error;
  try { port1.postMessage(make()); } catch (e) { error = e; }
  port1.postMessage({ after: what, n: 1 });
  const got = drain();
  console.log(what + ':', error ? error.name + (error.code ? ' ' + error.code : '') : 'no error',
    '->', got.map(show).join(' | '));
}

// 3b. The same for structuredClone, which takes the same path; and a structuredClone whose
// getter clones and posts.
for (const [what, make] of failing) {
  let error;
  try { structuredClone(make()); } catch (e) { error = e; }
  console.log('structuredClone, ' + what + ':', error ? error.name : 'no error', '->',
    show(structuredClone({ after: what, bytes: new Uint8Array([1]) })));
}
const cloned = structuredClone({
  a: 'x'.repeat(500),
  get b() { port1.postMessage({ fromGetter: structuredClone([1, { two: 2 }]) }); return structuredClone({ c: 3 }); },
  d: new Uint16Array([4, 5]),
});
console.log('structuredClone with a getter that clones and posts:', show(cloned).length, show(drain()));

// 4. Large and mixed messages through the same path, many times.
let ok = 0;
for (let i = 0; i < 200; i++) {
  const msg = { i, text: 'z'.repeat(i * 500), list: Array.from({ length: i }, (_, k) => k), view: new Int16Array([i, -i]) };
  port1.postMessage(msg);
  const [got] = drain();
  if (show(got) === show(msg)) ok++;
}
console.log('large and mixed intact:', ok, 'of 200');

// 5. A closed port drops what is posted (after cloning it: errors still throw).
port1.close();
port1.postMessage({ dropped: true });
try { port1.postMessage({ f() {} }); } catch (e) { console.log('closed port still clones:', e.name); }

// 6. The same across threads: a worker echoes what it gets, with a getter that posts.
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    if (m === 'go') {
      parentPort.postMessage({ first: 1, get second() { parentPort.postMessage('from getter'); return 2; } });
      try { parentPort.postMessage({ bad() {} }); } catch (e) { parentPort.postMessage('error ' + e.name); }
      parentPort.postMessage({ last: new Float64Array([1.5]) });
    }
  });
`, { eval: true });
const seen = [];
w.on('message', (m) => {
  seen.push(show(m));
  if (seen.length === 4) {
    console.log('worker:', seen.join(' | '));
    w.terminate();
  }
});
w.postMessage('go');
