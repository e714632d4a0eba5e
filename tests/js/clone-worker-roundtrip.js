// Values cross to a worker's VM and back through the wire format: rich data keeps
// its shape (cycles, shared views, Map/Set/Date/RegExp/Error/BigInt), transferred
// ArrayBuffers detach on the sender and arrive intact, a transferred MessagePort works.
const { Worker, MessageChannel } = require('worker_threads');
const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    if (m.port) { m.port.postMessage('via port ' + m.n); m.port.close(); return; }
    if (m.buf) { new Uint8Array(m.buf)[0]++; parentPort.postMessage(m, [m.buf]); return; }
    parentPort.postMessage(m);
  });
`, { eval: true });

function describe(v) {
  const b = v.views;
  return [
    v.self === v, v.list[0] === v, v.map.get('k') === v.list,
    v.set.has(v.s), v.date.toISOString(), String(v.re), v.re.lastIndex,
    v.err instanceof RangeError, v.err.message, v.err.cause.deep,
    v.big, Object.is(v.negz, -0), v.str.length, v.str.charCodeAt(1),
    b.u8.buffer === b.f64.buffer, b.u8[9], b.f64.length, b.dv.getInt16(0), v.holes.length, 1 in v.holes,
  ].join(' ');
}

const v = { s: { x: 1 } };
v.self = v;
v.list = [v, 'a'];
v.map = new Map([['k', v.list]]);
v.set = new Set([v.s]);
v.date = new Date(86400000);
v.re = /x+/g; v.re.lastIndex = 2;
v.err = new RangeError('r', { cause: { deep: 'yes' } });
v.big = 2n ** 70n;
v.negz = -0;
v.str = 'a\ud800b\u00e9\u2603';
const ab = new ArrayBuffer(16);
v.views = { u8: new Uint8Array(ab), f64: new Float64Array(ab, 8, 1), dv: new DataView(ab, 0, 2) };
v.views.u8[9] = 7; v.views.dv.setInt16(0, -2);
v.holes = [1, , 3];
console.log('sent    ', describe(v));

const steps = [];
w.on('message', (m) => {
  if (steps.length === 0) {
    steps.push(1);
    console.log('echoed  ', describe(m));
    const buf = new ArrayBuffer(1 << 20);
    new Uint8Array(buf)[0] = 41;
    w.postMessage({ buf }, [buf]);
    console.log('sender buffer after transfer', buf.byteLength);
  } else if (steps.length === 1) {
    steps.push(2);
    console.log('buffer back', m.buf.byteLength, new Uint8Array(m.buf)[0]);
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (t) => { console.log(t); port1.close(); w.terminate(); });
    w.postMessage({ port: port2, n: 3 }, [port2]);
  }
});
w.postMessage(v);
