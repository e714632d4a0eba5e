// From inside an immediate: nested immediates wait for the next loop turn, ticks do not.
const log = [];
setImmediate(() => {
  log.push('imm A');
  setImmediate(() => log.push('imm C (next turn)'));
  process.nextTick(() => log.push('tick after A'));
});
setImmediate(() => {
  log.push('imm B');
  Promise.resolve().then(() => log.push('promise after B'));
});
// printed once both of these ran, whichever comes last (a fixed delay flipped the output
// on a loaded machine, when the 10 ms timer ran late)
let pending = 2;
const done = () => { if (--pending === 0) console.log(log.join('\n')); };
setTimeout(() => {
  setImmediate(() => { log.push('imm from timer'); done(); });
  setTimeout(() => { log.push('timer 0 from timer'); done(); }, 0);
}, 10);
