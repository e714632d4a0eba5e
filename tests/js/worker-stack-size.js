// resourceLimits.stackSizeMb bounds how deep a worker can recurse, whatever ran before it:
// spindle's threads took the C library's cached stacks, of up to 4x the size asked (a 0.5 MB
// worker after a 1 MB one recursed as deep as that one). Depths are the engine's own, so
// what is printed is how they compare.
const { Worker } = require('worker_threads');

function depth(stackSizeMb) {
  return new Promise((resolve) => {
    const d = new Uint32Array(new SharedArrayBuffer(4));
    const w = new Worker(`const { workerData: { d } } = require('worker_threads');
      function f() { d[0]++; f(); } f();`,
    { eval: true, workerData: { d }, resourceLimits: stackSizeMb ? { stackSizeMb } : undefined });
    w.on('error', (e) => { if (!(e instanceof RangeError)) console.log('unexpected', e); });
    w.on('exit', () => resolve(d[0]));
  });
}

(async () => {
  const one = await depth(1);
  const dflt = await depth(undefined);
  const oneAgain = await depth(1);
  const half = await depth(0.5);
  const two = await depth(2);
  const near = (a, b) => Math.abs(a - b) / b < 0.15;
  console.log('1 MB after a default-size worker as deep as before:', near(oneAgain, one));
  console.log('0.5 MB about half as deep as 1 MB:', half < one * 0.7 && half > one * 0.25);
  console.log('2 MB about twice as deep as 1 MB:', two > one * 1.5 && two < one * 2.6);
  console.log('the default (4 MB) deeper than 2 MB:', dflt > two * 1.2); // (a sanitizer's TLS takes its share)
})();
