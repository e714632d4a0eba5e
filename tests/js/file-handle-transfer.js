// fs FileHandles in transfer lists, as node: the handle moves with its descriptor (the
// sender's reads -1 and its operations fail with EBADF), to a port in the same thread, to
// a worker and back from one (a worker's end does not close what it sent away: node's
// trackUnmanagedFds leaves FileHandles alone), and through structuredClone. Not listed, it
// is ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST; busy or closed, a DataCloneError.
const fsp = require('fs').promises;
const fs = require('fs');
const { MessageChannel, Worker } = require('worker_threads');
const { once } = require('events');

const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const head = (buf) => buf.toString('latin1', 0, 30);

(async () => {
  const expected = head(fs.readFileSync(__filename));
  const { port1, port2 } = new MessageChannel();

  const fh = await fsp.open(__filename);
  show('not listed:', () => port1.postMessage(fh));
  show('not listed, nested:', () => port1.postMessage({ a: [new Map([[1, fh]])] }));
  show('listed twice:', () => port1.postMessage(fh, [fh, fh]));
  const marked = await fsp.open(__filename);
  require('worker_threads').markAsUntransferable(marked);
  show('marked untransferable:', () => port1.postMessage(marked, [marked]));
  show('marked, after:', () => marked.fd > 2);
  await marked.close();
  console.log('still usable:', head(await fh.readFile()) === expected);

  const busy = await fsp.open(__filename);
  const reading = busy.readFile();
  show('reading:', () => port1.postMessage(busy, [busy]));
  await reading;
  const closing = await fsp.open(__filename);
  const closed = closing.close();
  show('closing:', () => port1.postMessage(closing, [closing]));
  await closed;
  show('closed:', () => port1.postMessage(closing, [closing]));

  // same thread: the receiver gets a FileHandle over the same file
  port1.postMessage({ fh, note: 'here' }, [fh]);
  console.log('sender fd after:', fh.fd);
  const [{ fh: fh2, note }] = await once(port2, 'message');
  console.log('received:', note, Object.getPrototypeOf(fh2) === Object.getPrototypeOf(fh), fh2.fd > 2);
  // (the file position is shared: the earlier readFile left it at the end)
  console.log('reads at 0:', head((await fh2.read(Buffer.alloc(30), 0, 30, 0)).buffer) === expected);
  await fh.readFile().then(() => console.log('sender read: ok?'), (e) => console.log('sender read:', e.code));
  await fh2.close();
  port1.close();

  // structuredClone moves it too
  const fh3 = await fsp.open(__filename);
  const copy = structuredClone({ fh3 }, { transfer: [fh3] });
  console.log('structuredClone:', fh3.fd, copy.fh3.constructor.name, head(await copy.fh3.readFile()) === expected);
  await copy.fh3.close();

  // to a worker, which reads it and sends back one of its own; the worker then exits
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    const fsp = require('fs').promises;
    parentPort.once('message', async ({ fh, file }) => {
      const { bytesRead, buffer } = await fh.read(Buffer.alloc(30), 0, 30, 0);
      await fh.close();
      const mine = await fsp.open(file);
      parentPort.postMessage({ got: [fh.constructor.name, bytesRead, buffer.toString('latin1')], mine }, [mine]);
    });
  `, { eval: true });
  const fh4 = await fsp.open(__filename);
  w.postMessage({ fh: fh4, file: __filename }, [fh4]);
  const [reply] = await once(w, 'message');
  console.log('worker read:', reply.got[0], reply.got[1], reply.got[2] === expected);
  await once(w, 'exit');
  console.log('from the exited worker:', head(await reply.mine.readFile()) === expected);
  await reply.mine.close();
})();
