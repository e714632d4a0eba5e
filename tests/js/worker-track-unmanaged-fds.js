// What a worker opened with fs (openSync, open) and did not close is closed when it ends, as
// node's trackUnmanagedFds (on by default) does; with trackUnmanagedFds: false it stays open.
// What it closed itself is not touched again.
const { Worker } = require('worker_threads');
const fs = require('fs');

function run(options, label) {
  return new Promise((resolve) => {
    const w = new Worker(`const fs = require('fs'); const { parentPort } = require('worker_threads');
      const a = fs.openSync(${JSON.stringify(__filename)});
      const b = fs.openSync(${JSON.stringify(__filename)});
      fs.closeSync(b);
      fs.open(${JSON.stringify(__filename)}, (err, c) => { parentPort.postMessage([a, c]); });`, { eval: true, ...options });
    let fds;
    w.on('message', (m) => { fds = m; });
    w.on('exit', () => {
      const open = fds.map((fd) => { try { fs.fstatSync(fd); return 'open'; } catch (e) { return e.code; } });
      console.log(label, open.join(', '));
      for (const [i, fd] of fds.entries()) if (open[i] === 'open') fs.closeSync(fd);
      resolve();
    });
  });
}

run({}, 'by default:').then(() => run({ trackUnmanagedFds: false }, 'trackUnmanagedFds: false:'));
