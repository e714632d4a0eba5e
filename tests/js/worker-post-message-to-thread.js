// postMessageToThread (node v20.20) between any two threads, and process 'workerMessage':
// main -> worker, worker -> main, worker -> sibling worker, a transfer list, the
// errors (same thread, no such thread, no listener, a listener that throws, timeout,
// bad timeout) and a thread that has exited.
const { Worker, postMessageToThread, threadId } = require('worker_threads');

const log = [];
const show = (what) => (e) => log.push(`${what}: ${e.name} ${e.code} ${e.message}`);

process.on('workerMessage', (value, source) => {
  log.push(`main got ${JSON.stringify(value)} from ${source === w1.threadId ? 'w1' : source === w2.threadId ? 'w2' : source}`);
  if (value && value.buffer) log.push(`  with a buffer of ${value.buffer.byteLength} bytes`);
});

// w1 listens and answers through parentPort; w2 has no 'workerMessage' listener at first
const w1 = new Worker(`
  const { parentPort, postMessageToThread } = require('worker_threads');
  process.on('workerMessage', (value, source) => {
    if (value === 'throw') throw new Error('listener failed');
    parentPort.postMessage(['w1 got', value, typeof source]);
  });
  parentPort.on('message', async (m) => {
    if (m.to === undefined) return;
    const r = await postMessageToThread(m.to, m.value).then(() => 'delivered', (e) => e.code);
    parentPort.postMessage(['w1 sent', m.value, r]);
  });
`, { eval: true });
const w2 = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    if (m === 'listen') {
      process.on('workerMessage', (value) => parentPort.postMessage(['w2 got', value]));
      parentPort.postMessage('listening');
    }
  });
`, { eval: true });

const next = (w) => new Promise((resolve) => w.once('message', resolve));
const online = (w) => new Promise((resolve) => w.once('online', resolve));

(async () => {
  await Promise.all([online(w1), online(w2)]);
  log.push('threadId of main: ' + threadId);

  await postMessageToThread(threadId, 'me').catch(show('to itself'));
  await postMessageToThread(123456, 'nobody').catch(show('to no such thread'));
  await postMessageToThread('x', 'nobody').catch(show('to a string id'));
  await postMessageToThread(w1.threadId, 1, [], -1).catch(show('negative timeout'));
  await postMessageToThread(w1.threadId, 1, 'soon').catch(show('timeout not a number'));

  let got = next(w1);
  await postMessageToThread(w1.threadId, { hello: 'w1' });
  log.push('main -> w1 delivered; ' + JSON.stringify(await got));

  await postMessageToThread(w1.threadId, 'throw').catch(show('w1 listener threw'));
  await postMessageToThread(w2.threadId, 'no listener yet').catch(show('w2 without listener'));

  // a transfer list: the buffer moves to w1
  const buffer = new ArrayBuffer(16);
  got = next(w1);
  await postMessageToThread(w1.threadId, { buffer }, [buffer], 5000);
  log.push(`transferred: ${buffer.byteLength} left here; ${JSON.stringify((await got)[0])}`);

  // worker -> main, and worker -> sibling
  w1.postMessage({ to: 0, value: 'from w1 to main' });
  log.push(JSON.stringify(await next(w1)));
  w1.postMessage({ to: w2.threadId, value: 'from w1 to w2' });
  log.push(JSON.stringify(await next(w1)));
  w2.postMessage('listen');
  await next(w2);
  const both = Promise.all([next(w1), next(w2)]);
  w1.postMessage({ to: w2.threadId, value: 'from w1 to w2, listened' });
  const [sent, received] = await both;
  log.push(JSON.stringify(received) + ' ' + JSON.stringify(sent));

  // a thread that has exited is no longer found
  const id2 = w2.threadId;
  await w2.terminate();
  await postMessageToThread(id2, 'gone').catch(show('to an exited thread'));
  await w1.terminate();
  console.log(log.join('\n'));
})();
