// setTimeout/setInterval/setImmediate with args, ordering of equal timeouts, clears.
const log = [];
setTimeout((a, b) => log.push(`t1 ${a} ${b}`), 5, 'x', 'y');
setTimeout(() => log.push('t2 same delay'), 5);
setTimeout(() => log.push('t0'), 0);
setTimeout(() => log.push('t-neg'), -10);
setTimeout(() => log.push('t-nan'), NaN);
setTimeout(() => log.push('t-str'), '3');
const cleared = setTimeout(() => log.push('cleared: never'), 1);
clearTimeout(cleared);
clearTimeout(cleared); // twice is fine
clearTimeout(undefined); clearTimeout(null); clearTimeout({}); clearTimeout(12345);
setImmediate((a) => log.push(`imm ${a}`), 'arg');
const ci = setImmediate(() => log.push('cleared immediate: never'));
clearImmediate(ci);
let n = 0;
const iv = setInterval((tag) => {
  log.push(`interval ${++n} ${tag}`);
  if (n === 3) clearInterval(iv);
}, 2, 'tag');
// clearTimeout from inside another callback
const later = setTimeout(() => log.push('later: never'), 30);
setTimeout(() => clearTimeout(later), 10);
// nested timers
setTimeout(() => {
  log.push('outer');
  setTimeout(() => {
    log.push('inner');
    setTimeout(() => log.push('innermost'), 0);
  }, 0);
}, 15);
setTimeout(() => console.log(log.join('\n')), 60);
try { setTimeout('code', 1); } catch (e) { console.log(e.code, e.name, e.message); }
try { setInterval(null); } catch (e) { console.log(e.code); }
try { setImmediate(); } catch (e) { console.log(e.code); }
