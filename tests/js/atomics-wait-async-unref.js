// As in node, a pending Atomics.waitAsync does not keep the process alive: with
// nothing else to do the process exits and the promise never settles.
const ia = new Int32Array(new SharedArrayBuffer(8));
const timed = Atomics.waitAsync(ia, 0, 0, 10000); // far beyond the exit, even under TSan
console.log('pending', timed.async);
timed.value.then((v) => console.log('settled (node never gets here)', v));
process.on('exit', (code) => console.log('exit', code));
// a timer that runs first still sees it pending, and a notify still settles a waiter
const woken = Atomics.waitAsync(ia, 1, 0);
woken.value.then((v) => console.log('woken', v));
setTimeout(() => {
  console.log('notified', Atomics.notify(ia, 1));
}, 10);
