// A timer created inside a timer callback waits for the next loop turn (after the
// immediates of this one) even when the callback runs longer than the new timer's
// delay and something refreshed the loop clock meanwhile: node runs a whole timers
// pass with the time it started with.
const log = [];
setTimeout(() => {
  setImmediate(() => log.push('imm from timer'));
  setTimeout(() => log.push('timer 0 from timer'), 0);
  const t = Date.now();
  while (Date.now() - t < 5) { /* outlive the 1 ms delay */ }
  setTimeout(() => log.push('timer 1 created later'), 1); // refreshes the loop clock
}, 10);
setTimeout(() => console.log(log.join('\n')), 60);
