// As node: random calls of the ports' API with random arguments (postMessage and its
// transfer options, structuredClone, receiveMessageOnPort, BroadcastChannel, environment
// data, markAsUntransferable, MessagePort methods on other receivers, MessageChannel and
// MessageEvent constructors, listeners of every kind) return or throw the same. Seeded: the
// same calls in both runtimes. Errors without a code show only their name (the engine's
// wording). Left out: a Proxy (spindle clones through it: README), a bare ArrayBuffer as
// postMessage's options (node 20's V8 has no ArrayBuffer.prototype.transfer, so node reads
// no transfer list from it), a port given to moveMessagePortToContext (vm is not there). The
// ports given in transfer lists are fresh ones: one moved into a clone that is dropped is
// closed by spindle at once, by node when it is collected (postMessage on its peer then
// returns false, or true until node collects it).
const wt = require('worker_threads');
const { MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort } = wt;
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const keep = [];
const chan = () => { const c = new MessageChannel(); keep.push(c); return c; };
const c1 = chan(), c2 = chan();
const values = () => [undefined, null, true, 0, -1, 1.5, NaN, 'str', '', [], [1, 2], {}, { a: 1 }, () => {}, Symbol('s'), 10n,
  new Map([[1, 2]]), new Uint8Array(2), new SharedArrayBuffer(4), chan().port1, c1.port2, new Date(0), /x/g,
  new Error('e'), { transfer: [new ArrayBuffer(1)] }, { transfer: 'x' }, { transfer: [chan().port1] }, [new ArrayBuffer(2)],
  { transfer: null }, new Set([1]), Object.create(null), new WeakMap(), Promise.resolve()];
function show(v) {
  if (typeof v === 'symbol') return 'Symbol';
  if (typeof v === 'bigint') return v + 'n';
  if (typeof v === 'function') return 'fn';
  if (Array.isArray(v)) return '[' + v.map(show).join(';') + ']';
  if (v && typeof v === 'object') { try { return Object.prototype.toString.call(v).slice(8, -1) + (v.constructor === Object && 'transfer' in v ? '{transfer:' + show(v.transfer) + '}' : ''); } catch { return 'obj'; } }
  return String(v);
}
function describe(r) {
  if (r && r.threw) { const e = r.e; return 'throws ' + (e && e.code !== undefined ? `${e.name}|${e.code}|${String(e.message).split('\n')[0]}` : `${e && e.name}`); }
  const v = r.v;
  return 'returns ' + (v === undefined ? 'undefined' : typeof v === 'object' && v !== null ? Object.prototype.toString.call(v) + JSON.stringify(Object.keys(v)) : show(v));
}
const ops = [
  ['port.postMessage', (a, b) => pick([c1.port1, c2.port2]).postMessage(a, b)],
  ['structuredClone', (a, b) => structuredClone(a, b)],
  ['receiveMessageOnPort', (a) => receiveMessageOnPort(a)],
  ['receive c1.port2', () => receiveMessageOnPort(c1.port2)],
  ['new BroadcastChannel', (a) => { const b = new BroadcastChannel(a); b.close(); return b.name; }],
  ['bc.postMessage', (a) => { const b = new BroadcastChannel('x'); try { return b.postMessage(a); } finally { b.close(); } }],
  ['setEnvironmentData', (a, b) => wt.setEnvironmentData(a, b)],
  ['getEnvironmentData', (a) => wt.getEnvironmentData(a)],
  ['markAsUntransferable', (a) => wt.markAsUntransferable(a)],
  ['postMessage.call', (a, b) => MessagePort.prototype.postMessage.call(a, b)],
  ['start.call', (a) => MessagePort.prototype.start.call(a)],
  ['close.call', (a) => MessagePort.prototype.close.call(a)],
  ['ref.call', (a) => MessagePort.prototype.ref.call(a)],
  ['hasRef.call', (a) => MessagePort.prototype.hasRef.call(a)],
  ['new MessageChannel', (a) => new MessageChannel(a) && 'ok'],
  ['new MessageEvent', (a, b) => { const e = new MessageEvent(a, b); return [e.type, typeof e.data, e.ports.length].join(','); }],
  ['addEventListener', (a, b) => { const p = chan().port1; p.addEventListener(a, b); p.close(); }],
  ['port.on', (a, b) => { const p = chan().port1; p.on(a, b); p.close(); }],
  ['moveMessagePortToContext', (a) => (a instanceof MessagePort ? 'skipped' : wt.moveMessagePortToContext(a, {}))],
];
const out = [];
for (const s of [1, 2, 3, 4]) {
  seed = s;
  for (let i = 0; i < 150; i++) {
    const [name, f] = pick(ops);
    const a = pick(values()), b = pick(values());
    let r;
    try { r = { v: f(a, b) }; } catch (e) { r = { threw: true, e }; }
    out.push(`${s}.${i} ${name}(${show(a)}, ${show(b)}) ${describe(r)}`);
  }
}
console.log(out.join('\n'));
for (const c of keep) { c.port1.close(); }
