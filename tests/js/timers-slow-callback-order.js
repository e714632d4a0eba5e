// A timer created inside a timer callback waits for the next loop turn (after the
// immediates of this one) even when the callback runs longer than the new timer's
// delay and something refreshed the loop clock meanwhile: node runs a whole timers
// pass with the time it started with.
const log = [];
// printed once all three ran (a fixed delay could come first on a loaded machine)
let pending = 3;
const done = () => { if (--pending === 0) console.log(log.join('\n')); };
setTimeout(() => {
  setImmediate(() => { log.push('imm from timer'); done(); });
  setTimeout(() => { log.push('timer 0 from timer'); done(); }, 0);
  const t = Date.now();
  while (Date.now() - t < 5) { /* outlive the 1 ms delay */ }
  setTimeout(() => { log.push('timer 1 created later'); done(); }, 1); // refreshes the loop clock
}, 10);
