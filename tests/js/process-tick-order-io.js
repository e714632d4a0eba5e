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
setTimeout(() => {
  setImmediate(() => log.push('imm from timer'));
  setTimeout(() => log.push('timer 0 from timer'), 0);
}, 10);
setTimeout(() => console.log(log.join('\n')), 40);
