// Details of the worker_threads API that node's own tests check (each failed before):
// port.close(callback) calls it on 'close'; terminate() of an unref()'d worker still
// settles; process emits 'worker' with each new Worker right after it is made;
// worker.stdout.pipe(dest) ends dest; receiveMessageOnPort takes a BroadcastChannel; a
// BroadcastChannel closed by its own listener gets none of what was already queued for it;
// a MessageEvent lists the ports its message carried (MessageEvent.ports); another event
// emitted on a port reaches addEventListener as a CustomEvent; a port closed for good (or
// transferred away) inspects as active: false; an anonymous function in an argument error
// reads "Received function ".
const { Worker, MessageChannel, BroadcastChannel, receiveMessageOnPort } = require('worker_threads');
const { Writable } = require('stream');

const steps = [
  function closeCallback(next) {
    const { port1 } = new MessageChannel();
    port1.close(() => { console.log('close callback called'); next(); });
  },
  function terminateUnrefed(next) {
    const w = new Worker('setInterval(() => {}, 1000);', { eval: true });
    w.once('online', () => {
      w.unref();
      w.terminate().then((code) => { console.log('terminate() of an unref()d worker gave', code); next(); });
    });
  },
  function workerEvent(next) {
    let made;
    process.once('worker', (w) => console.log("'worker' event, the same Worker:", w === made));
    made = new Worker('', { eval: true });
    console.log('constructor returned');
    made.on('exit', () => next());
  },
  function stdoutPipe(next) {
    const w = new Worker("console.log('from the worker')", { eval: true, stdout: true });
    let got = '';
    const sink = new Writable({ write(chunk, encoding, cb) { got += chunk; cb(); } });
    w.stdout.pipe(sink);
    sink.on('finish', () => { console.log('sink finished with', JSON.stringify(got)); next(); });
  },
  function broadcastReceive(next) {
    const a = new BroadcastChannel('details'), b = new BroadcastChannel('details');
    a.postMessage('some data');
    console.log('receiveMessageOnPort(channel):', receiveMessageOnPort(b), receiveMessageOnPort(b));
    a.close();
    b.close();
    next();
  },
  function broadcastCloseInListener(next) {
    const c1 = new BroadcastChannel('x').unref(), c2 = new BroadcastChannel('x'), c3 = new BroadcastChannel('x');
    c2.onmessage = (e) => { console.log('c2 got', e.data); c2.close(); };
    c3.onmessage = (e) => {
      console.log('c3 got', e.data);
      if (e.data === 'done') { c3.close(); c1.close(); next(); }
    };
    c1.postMessage('first');
    c1.postMessage('done');
  },
  function eventPorts(next) {
    // the web's idiom: the ports a message carries, also those its value does not hold
    const { port1, port2 } = new MessageChannel();
    const a = new MessageChannel(), b = new MessageChannel();
    port2.onmessage = (ev) => {
      console.log('MessageEvent.ports:', ev.ports.length, ev.data && ev.data.p === ev.ports[0]);
      if (ev.ports.length < 2) return;
      ev.ports[1].once('message', (m) => {
        console.log('the port only in the list works:', m);
        for (const p of [...ev.ports, port1, port2]) p.close();
        next();
      });
      b.port2.postMessage('hello');
    };
    port1.postMessage('no ports');
    port1.postMessage({ p: a.port1 }, [a.port1, b.port1]);
  },
  function emitOtherEvents(next) {
    const { port1 } = new MessageChannel();
    port1.addEventListener('foo', (e) => console.log('addEventListener got a', e.constructor.name, e.type, e.detail));
    port1.on('foo', (value) => console.log('on got', value));
    port1.emit('foo', 'bar');
    port1.close();
    next();
  },
  function closedForGood(next) {
    const util = require('util');
    const { port1, port2 } = new MessageChannel();
    const a = new MessageChannel();
    port1.postMessage(null, [a.port1]);
    const active = (p) => /active: (true|false)/.exec(util.inspect(p))[1];
    console.log('open:', port1.hasRef(), active(port1));
    port1.close();
    let turns = 0;
    (function later() {
      if (++turns < 5) return setImmediate(later);
      console.log('closed, its peer, transferred away:', port1.hasRef(), port2.hasRef(), a.port1.hasRef(),
        active(port1), active(port2), active(a.port1));
      a.port2.close();
      next();
    })();
  },
  function anonymousFunctionInError(next) {
    try { new Worker(() => {}); } catch (e) { console.log(e.code, e.message); }
    next();
  },
];

(function run() {
  const step = steps.shift();
  if (step) { console.log(`-- ${step.name}`); step(run); }
})();
