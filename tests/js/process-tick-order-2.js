// nextTick args, and the order of ticks, promise jobs, queueMicrotask, timers and immediates.
const log = [];
process.nextTick((a, b, c) => log.push(`tick args ${a} ${b} ${c}`), 1, 'two', [3]);
setImmediate(() => {
  log.push('immediate1');
  process.nextTick(() => log.push('tick in immediate1'));
  Promise.resolve().then(() => log.push('promise in immediate1'));
});
setImmediate(() => {
  log.push('immediate2');
  setTimeout(fromTimeout, 1); // created here so no start-up delay can reorder it
});
queueMicrotask(() => {
  log.push('microtask1');
  process.nextTick(() => log.push('tick from microtask'));
  queueMicrotask(() => log.push('microtask from microtask'));
});
Promise.resolve().then(() => log.push('promise1'));
process.nextTick(() => {
  log.push('tick2');
  queueMicrotask(() => log.push('microtask from tick'));
  process.nextTick(() => log.push('tick from tick'));
});
(async () => {
  log.push('async start');
  await null;
  log.push('after await 1');
  await null;
  log.push('after await 2');
})();
function fromTimeout() {
  // inside a timer: the immediate of this turn comes after all ticks and promises
  setImmediate(() => { log.push('immediate from timeout'); done(); });
  setTimeout(() => { log.push('timeout from timeout'); done(); }, 0);
  process.nextTick(() => log.push('tick from timeout'));
}
// printed once the last two ran (a fixed delay could come first on a loaded machine)
let pending = 2;
function done() { if (--pending === 0) console.log(log.join('\n')); }
log.push('sync end');
