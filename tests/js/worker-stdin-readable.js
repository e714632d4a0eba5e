// A worker's process.stdin read in paused mode ('readable' and read()), the parent writing
// the next chunk only once the worker has read the first.
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename, { stdin: true });
  let wrote = false;
  w.on('message', (m) => {
    console.log('worker:', m);
    if (!wrote) {
      wrote = true;
      w.stdin.write('second');
      w.stdin.end();
    }
  });
  w.stdin.write('first ');
} else {
  let got = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('readable', () => {
    let c;
    let reads = 0;
    while ((c = process.stdin.read()) !== null) {
      got += c;
      reads++;
    }
    if (reads > 0) parentPort.postMessage(`read ${JSON.stringify(got)}`);
  });
  process.stdin.on('end', () => parentPort.postMessage(`end ${JSON.stringify(got)}`));
}
