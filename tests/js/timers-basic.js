// setTimeout/setInterval/setImmediate with args, ordering of equal timeouts, clears.
const log = [];
setTimeout((a, b) => log.push(`t1 ${a} ${b}`), 25, 'x', 'y');
setTimeout(() => log.push('t2 same delay'), 25);
setTimeout(() => log.push('t0'), 0);
setTimeout(() => log.push('t-neg'), -10);
setTimeout(() => log.push('t-nan'), NaN);
setTimeout(() => log.push('t-str'), '12');
const cleared = setTimeout(() => log.push('cleared: never'), 1);
clearTimeout(cleared);
clearTimeout(cleared); // twice is fine
clearTimeout(undefined); clearTimeout(null); clearTimeout({}); clearTimeout(12345);
const ci = setImmediate(() => log.push('cleared immediate: never'));
clearImmediate(ci);
// The log is printed once the last interval and the innermost timer both ran (a fixed
// delay flipped the output on a loaded machine).
let n = 0, innermostDone = false;
function printWhenDone() { if (n === 3 && innermostDone) console.log(log.join('\n')); }
const iv = setInterval((tag) => {
  log.push(`interval ${++n} ${tag}`);
  if (n === 3) { clearInterval(iv); printWhenDone(); }
}, 40, 'tag');
// clearTimeout from inside another callback
const later = setTimeout(() => log.push('later: never'), 60);
setTimeout(() => clearTimeout(later), 30);
// nested timers
setTimeout(() => {
  log.push('outer');
  setTimeout(() => {
    log.push('inner');
    setTimeout(() => { log.push('innermost'); innermostDone = true; printWhenDone(); }, 0);
  }, 0);
}, 250);
try { setTimeout('code', 1); } catch (e) { console.log(e.code, e.name, e.message); }
try { setInterval(null); } catch (e) { console.log(e.code); }
try { setImmediate(); } catch (e) { console.log(e.code); }
