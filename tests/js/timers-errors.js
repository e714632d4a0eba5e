// Errors thrown in timers and immediates go to 'uncaughtException'; later timers still run.
const log = [];
process.on('uncaughtException', (e, origin) => {
  log.push(`caught ${e.message} ${origin}`);
  // the last one: print after it (a fixed delay could come first on a loaded machine)
  if (e.message === 'interval 3') setImmediate(() => console.log(log.join('\n')));
});
setTimeout(() => { throw new Error('t1'); }, 1);
setTimeout(() => log.push('t2 after t1 threw'), 1);
let n = 0;
const iv = setInterval(() => {
  n++;
  if (n === 3) clearInterval(iv);
  throw new Error(`interval ${n}`);
}, 2);
