// MessagePorts in one thread against node, on random programs: fixed seeds make the same
// program in both runtimes (channels made, messages posted with ports and buffers in their
// transfer lists, close(), listeners added and removed ('message', once, onmessage,
// addEventListener), start(), unref(), receiveMessageOnPort, and ticks, promise jobs and
// immediates between them, some of it from inside listeners), and every event is logged as
// it happens. In one thread all of it is deterministic in node, so the logs must be the same
// line for line: which port gets which message when, against ticks and immediates, when
// each 'close' comes and in which order, what postMessage returns and throws.
// Left out, as node's own bugs: receiveMessageOnPort on a port that was transferred away
// (node 20 crashes), removeAllListeners('message') (node's leaves the port started and
// ref'd, swallowing messages), `onmessage = null` on a port that never had a handler (node's
// then adds a listener that swallows messages), `onmessage =` after that (node's keeps the
// old handler's place, spindle's adds it at the end).
const { MessageChannel, receiveMessageOnPort, MessagePort } = require('worker_threads');

const SEEDS = 80;
const STEPS = 40;
const out = [];
const L = (...x) => out.push(x.join(' '));

let s = 1;
function rnd() { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; }
const pick = (a) => a[Math.floor(rnd() * a.length)];

function runSeed(seed, done) {
  s = seed;
  const ports = [];
  const label = new Map();
  const hasHandler = new Set();
  const noHandlerOps = new Set();
  const onFns = new Map();
  const gone = new Set();
  let nextId = 0;
  let msgNo = 0;

  function addPort(p, how) {
    const id = 'p' + (nextId++);
    label.set(p, id);
    ports.push(p);
    L('new', id, how);
    if (rnd() < 0.3) p.on('close', () => L('close', id));
    return id;
  }
  function desc(v) {
    if (v instanceof MessagePort) {
      if (!label.has(v)) addPort(v, 'arrived');
      return label.get(v);
    }
    if (v instanceof ArrayBuffer) return 'ab' + v.byteLength;
    if (v && typeof v === 'object') return '{' + Object.keys(v).map((k) => k + ':' + desc(v[k])).join(',') + '}';
    return String(v);
  }
  function makeListener(id, kind) {
    return function (m) {
      L('msg', id, kind, desc(kind === 'evt' ? m.data : m));
      if (rnd() < 0.25) step('nested');
    };
  }

  function step(where) {
    const p = ports.length ? pick(ports) : null;
    const id = p && label.get(p);
    const r = rnd();
    try {
      if (r < 0.1 || !p) {
        const ch = new MessageChannel();
        addPort(ch.port1, 'ch');
        addPort(ch.port2, 'ch');
      } else if (r < 0.38) {
        const other = pick(ports);
        const n = msgNo++;
        const value = { n };
        const transfer = [];
        if (rnd() < 0.25) { value.port = other; transfer.push(other); }
        if (rnd() < 0.15) { const ab = new ArrayBuffer(4 + (n % 3)); value.ab = ab; transfer.push(ab); }
        if (rnd() < 0.05) transfer.push(p);
        L(where, 'post', id, n, transfer.length ? 'xfer ' + transfer.map(desc).join(',') : '');
        // true or false: whether the peer is still there, which can depend on when a port was
        // collected (one moved into a message that a port started with no listener dropped:
        // both runtimes close it when its object is collected, spindle sooner under gcstress)
        const r = p.postMessage(value, transfer.length ? transfer : undefined);
        L('returned', typeof r === 'boolean' ? 'posted' : r);
        for (const t of transfer) if (t instanceof MessagePort) gone.add(t);
      } else if (r < 0.46) {
        L(where, 'close', id);
        p.close();
      } else if (r < 0.56) {
        L(where, 'on', id);
        const fn = makeListener(id, 'on');
        p.on('message', fn);
        if (!onFns.has(p)) onFns.set(p, []);
        onFns.get(p).push(fn);
      } else if (r < 0.62) {
        const fns = onFns.get(p);
        if (!fns || !fns.length) return;
        L(where, 'off', id);
        p.off('message', fns.pop());
      } else if (r < 0.68) {
        if (noHandlerOps.has(p)) return;
        L(where, 'onmessage', id);
        p.onmessage = makeListener(id, 'evt');
        hasHandler.add(p);
      } else if (r < 0.72) {
        if (!hasHandler.has(p) || noHandlerOps.has(p)) return;
        L(where, 'onmessage=null', id);
        p.onmessage = null;
        noHandlerOps.add(p);
      } else if (r < 0.8) {
        if (gone.has(p)) return;
        const got = receiveMessageOnPort(p);
        L(where, 'receive', id, got === undefined ? 'undefined' : desc(got.message));
      } else if (r < 0.84) {
        L(where, 'once', id);
        p.once('message', makeListener(id, 'once'));
      } else if (r < 0.87) {
        L(where, 'addEventListener', id);
        p.addEventListener('message', makeListener(id, 'evt'), { once: rnd() < 0.5 });
      } else if (r < 0.9) {
        L(where, 'unref', id);
        p.unref();
      } else if (r < 0.92) {
        L(where, 'start', id);
        p.start();
      } else if (r < 0.95) {
        L(where, 'nextTick');
        process.nextTick(() => { L('tick'); step('tick'); });
      } else if (r < 0.975) {
        L(where, 'promise');
        Promise.resolve().then(() => { L('job'); step('job'); });
      } else {
        L(where, 'immediate');
        setImmediate(() => { L('imm'); step('imm'); });
      }
    } catch (e) {
      L('threw', e.name, e.code, e.message);
    }
  }

  L('seed', seed);
  for (let i = 0; i < STEPS; i++) step('top');
  let rounds = 0;
  function later() {
    if (rounds++ < 6) {
      L('round', rounds);
      for (let i = 0; i < 3; i++) step('round');
      setImmediate(() => setImmediate(later));
      return;
    }
    for (const p of ports) p.close();
    // every 'close' has come after a few more loop turns
    let turns = 0;
    const wait = () => (++turns < 6 ? setImmediate(wait) : done());
    setImmediate(wait);
  }
  setImmediate(later);
}

let seed = 0;
const warnings = [];
process.removeAllListeners('warning');
process.on('warning', (w) => L('warning', w.message));
function next() {
  if (++seed > SEEDS) {
    console.log(out.join('\n'));
    return;
  }
  runSeed(seed * 7919, next);
}
next();
