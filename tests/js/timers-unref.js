// An unref'd timer (or immediate) does not keep the process alive; a ref'd one does.
setTimeout(() => console.log('unref timeout: never'), 200).unref();
setInterval(() => console.log('unref interval: never'), 50).unref();
setImmediate(() => console.log('unref immediate: never')).unref();
const t = setTimeout(() => console.log('re-ref timeout fires'), 10);
t.unref();
t.ref();
const u = setTimeout(() => console.log('unref but loop is alive: fires'), 5);
u.unref();
process.on('exit', () => console.log('exit'));
