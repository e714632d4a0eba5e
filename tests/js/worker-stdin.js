// A worker's process.stdin: empty without the `stdin` option; with `stdin: true`,
// worker.stdin is a writable whose chunks (strings in any encoding, buffers) the worker
// reads from process.stdin until the parent ends it. A worker reading its stdin stays
// alive until then; one that never reads it exits when its script is done.
const { Worker } = require('worker_threads');

function run(name, code, options, feed) {
  return new Promise((resolve) => {
    const w = new Worker(code, Object.assign({ eval: true }, options));
    console.log(name, 'worker.stdin:', w.stdin === null ? null : w.stdin.constructor.name,
      w.stdin && [w.stdin.writable, w.stdin.writableEnded]);
    w.on('message', (m) => console.log(name, 'worker says', JSON.stringify(m)));
    w.on('error', (e) => console.log(name, 'error', e.message));
    w.on('exit', (code) => { console.log(name, 'exit', code); resolve(); });
    if (feed) feed(w);
  });
}

const reader = `
const { parentPort } = require('worker_threads');
const s = process.stdin;
parentPort.postMessage([s.constructor.name, s.readable]);
const chunks = [];
s.on('data', (d) => chunks.push(typeof d === 'string' ? d : d.toString('hex')));
s.on('end', () => parentPort.postMessage(['end', chunks.join('|'), s.readable]));
`;

(async () => {
  await run('no option', reader, {});
  await run('stdin false', reader, { stdin: false });
  // the parent's side, printed at the end: its callbacks race with the worker's messages
  const parentSide = [];
  await run('strings and buffers', reader, { stdin: true }, (w) => {
    parentSide.push(['write returns', w.stdin.write('ab')]);
    w.stdin.write(Buffer.from([1, 2, 255]));
    w.stdin.write(new Uint8Array([7]));
    w.stdin.write('68656c6c6f', 'hex', (err) => parentSide.push(['write callback', err]));
    w.stdin.on('finish', () => parentSide.push(['finish', w.stdin.writableFinished]));
    w.stdin.end('zz', () => parentSide.push(['end callback']));
    parentSide.push(['after end', w.stdin.writable, w.stdin.writableEnded]);
  });
  console.log(JSON.stringify(parentSide));
  await run('encoding set in the worker', `
    process.stdin.setEncoding('utf8');
    let text = '';
    process.stdin.on('data', (d) => { text += d; });
    process.stdin.on('end', () => require('worker_threads').parentPort.postMessage(text));
  `, { stdin: true }, (w) => { w.stdin.write('h\u00e9'); w.stdin.end(Buffer.from('llo')); });
  // the worker waits for its stdin while the parent is slow to write
  await run('late data keeps the reader alive', reader, { stdin: true }, (w) => {
    setTimeout(() => w.stdin.write('late'), 30);
    setTimeout(() => w.stdin.end(), 60);
  });
  await run('async iteration', `
    (async () => {
      const got = [];
      for await (const chunk of process.stdin) got.push(String(chunk));
      require('worker_threads').parentPort.postMessage(got.join(','));
    })();
  `, { stdin: true }, (w) => { w.stdin.write('1'); setTimeout(() => w.stdin.end('2'), 20); });
  // stdin that is never read does not keep the worker alive
  await run('never read', `require('worker_threads').parentPort.postMessage('done')`, { stdin: true });
  await run('bad chunks', '', { stdin: true }, (w) => {
    for (const bad of [5, {}, null]) {
      try { w.stdin.write(bad); } catch (e) { console.log('write', bad, '->', e.name, e.code, e.message); }
    }
    w.stdin.end();
  });
})();
