// 'uncaughtException' receives errors from the main script, timers, immediates and ticks; the loop continues.
const seen = [];
process.on('uncaughtException', (err, origin) => {
  seen.push(`${err.message}:${origin}`);
});
setImmediate(() => {
  setTimeout(() => { throw new Error('from timeout'); }, 1);
  throw new Error('from immediate');
});
process.nextTick(() => { throw new Error('from tick'); });
setTimeout(() => {
  console.log(seen.join('\n'));
  console.log('still running');
}, 30);
throw new Error('from main');
