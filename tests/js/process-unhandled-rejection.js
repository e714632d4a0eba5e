// 'unhandledRejection' gets (reason, promise); a handled-in-time rejection is not reported.
const seen = [];
process.on('unhandledRejection', (reason, promise) => {
  seen.push(`${reason instanceof Error ? reason.message : reason} ${promise instanceof Promise}`);
});
Promise.reject(new Error('one'));
Promise.reject(2);
const p = Promise.reject(new Error('handled'));
p.catch(() => {});
(async () => { throw new Error('async fn'); })();
// printed a while after the last rejection, not at a fixed time from the start (a late
// timer on a loaded machine could have come after it)
new Promise((_, rej) => setTimeout(() => {
  rej(new Error('later'));
  setTimeout(() => console.log(seen.join('\n')), 20);
}, 1));
