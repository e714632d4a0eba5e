// An unref'd timer (or immediate) does not keep the process alive; a ref'd one does,
// and while it does, unref'd ones due before it still run. What ran is printed sorted at
// exit: under load node runs the due timers and the immediate in either order.
const ran = [];
setTimeout(() => ran.push('unref timeout: never'), 400).unref();
setInterval(() => ran.push('unref interval: never'), 300).unref();
setImmediate(() => ran.push('unref immediate: runs, the loop is alive')).unref();
const t = setTimeout(() => ran.push('re-ref timeout fires'), 100);
t.unref();
t.ref();
const u = setTimeout(() => ran.push('unref but loop is alive: fires'), 5);
u.unref();
process.on('exit', () => console.log([...ran.sort(), 'exit'].join('\n')));
