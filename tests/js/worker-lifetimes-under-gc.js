// Workers and ports whose JS objects nobody holds (only their listeners do), with plenty of
// allocation in between so that the engine collects while they live and after they end: every
// worker still delivers all its messages and its 'exit' with the right code, and ports dropped
// on both sides (one end moved into the worker and left there unstarted) cause no trouble when
// the other end closes: each kept end emits one 'close' (when its worker ends if nothing waits
// on it, else when it is closed here: node's order). The crash class this guards against: C
// using a JS object the collector had already found dead (see port-collected-peer-close).
const { Worker, MessageChannel } = require('worker_threads');

let sink = 0;
function churn(rounds) {
  for (let r = 0; r < rounds; r++) {
    const junk = [];
    for (let i = 0; i < 20000; i++) junk.push({ list: [i], label: 'junk ' + i });
    sink += junk.length;
  }
}

const WORKERS = 24;
let exits = 0, messages = 0, closed = 0;
const codes = {};
const keptEnds = [];

function spawn(i) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('worker_threads');
    parentPort.once('message', (m) => { m.port.postMessage('from the worker'); /* then left unstarted */ });
    setTimeout(() => {
      for (let k = 0; k < 50; k++) parentPort.postMessage({ k, s: 'q'.repeat(200) });
      if (workerData % 3 === 0) process.exit(3);
    }, workerData % 7);
    if (workerData % 3 !== 0) setTimeout(() => {}, 20);
  `, { eval: true, workerData: i });
  worker.extra = { i, nested: [i] };
  worker.on('message', () => { messages++; });
  worker.on('exit', (code) => {
    exits++;
    codes[code] = (codes[code] || 0) + 1;
  });
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ port: port2 }, [port2]);
  port1.on('close', () => { closed++; });
  port1.unref();
  keptEnds.push(port1);
}

for (let i = 0; i < WORKERS; i++) {
  spawn(i);
  if (i % 4 === 0) churn(3);
}
// Waits (with allocation) for every 'exit', closes the kept ends, waits for every 'close';
// a deadline far beyond any machine's prints what arrived by then instead.
function report() {
  console.log('exits:', exits, 'codes:', JSON.stringify(codes), 'messages:', messages);
  console.log('kept ends closed:', closed, 'allocated:', sink > 0);
  process.exit(0);
}
setTimeout(report, 60000).unref();
let closing = false;
const timer = setInterval(() => {
  churn(2);
  if (exits !== WORKERS) return;
  if (!closing) {
    closing = true;
    for (const port of keptEnds) port.close();
    return;
  }
  if (closed !== WORKERS) return;
  clearInterval(timer);
  churn(5);
  setTimeout(report, 20);
}, 5);
