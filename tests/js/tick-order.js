// process.nextTick runs before promise jobs; both before timers; immediates after I/O-less timers are unordered, so not tested here.
const order = [];
setTimeout(() => {
  order.push('timeout1');
  process.nextTick(() => order.push('tick-in-timeout1'));
  Promise.resolve().then(() => order.push('promise-in-timeout1'));
}, 0);
setTimeout(() => order.push('timeout2'), 0);
Promise.resolve().then(() => {
  order.push('promise1');
  process.nextTick(() => order.push('tick-from-promise'));
}).then(() => order.push('promise2'));
process.nextTick(() => {
  order.push('tick1');
  Promise.resolve().then(() => order.push('promise-from-tick'));
  process.nextTick(() => order.push('tick2'));
});
queueMicrotask(() => order.push('microtask'));
setTimeout(() => console.log(order.join('\n')), 20);
