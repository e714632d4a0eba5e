// Timeout objects: ref/unref/hasRef/refresh/close, Symbol.toPrimitive ids, Immediate objects.
const timers = require('timers');
console.log(timers.setTimeout === setTimeout, typeof timers.clearInterval, typeof timers.setImmediate);
const late = []; // async results, printed sorted at exit so slow machines do not reorder them
process.on('exit', () => console.log(late.sort().join('\n')));
const t = setTimeout(() => late.push('t fired'), 20);
console.log(t.constructor.name, t.hasRef(), t.unref() === t, t.hasRef(), t.ref() === t, t.hasRef());
const id = +t;
console.log(typeof id, Number.isInteger(id), id > 0, `${t}` === String(id), +t === id);
const byId = setTimeout(() => console.log('by id: never'), 5);
clearTimeout(+byId);
const byStr = setTimeout(() => console.log('by string id: never'), 5);
clearTimeout(String(+byStr));
const imm = setImmediate(() => {});
console.log(imm.constructor.name, imm.hasRef(), imm.unref() === imm, imm.hasRef(), imm.ref().hasRef());
// refresh restarts the countdown
const start = Date.now();
const r = setTimeout(() => {
  const waited = Date.now() - start;
  late.push(`refreshed fired late enough ${waited >= 35}`);
}, 25);
setTimeout(() => r.refresh(), 15);
// close() is clearTimeout
const c = setTimeout(() => console.log('closed: never'), 1);
console.log(c.close() === c);
// an interval that refreshes itself does not double up
let count = 0;
const iv = setInterval(() => { if (++count === 2) { clearInterval(iv); late.push(`interval ran ${count}`); } }, 3);
// the returned object is usable in a Set / as a key (toPrimitive)
const k = setTimeout(() => {}, 1);
const o = { [k]: 'keyed' };
console.log(Object.keys(o).length === 1, o[+k]);
