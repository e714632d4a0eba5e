// perf_hooks: now/timeOrigin, marks and measures, observers, timerify.
'use strict';
const { performance, PerformanceObserver, PerformanceMark, PerformanceEntry } = require('perf_hooks');
const t0 = performance.now();
const t1 = performance.now();
console.log(typeof t0, t1 >= t0, t0 >= 0, t0 < 10000, performance === globalThis.performance);
console.log(Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 50);
const obs = new PerformanceObserver((list, observer) => {
  console.log('observed', list.getEntries().map((e) => `${e.entryType}:${e.name}`), observer === obs);
  observer.disconnect();
});
obs.observe({ entryTypes: ['mark', 'measure'] });
const m = performance.mark('a', { detail: { x: 1 } });
console.log(m instanceof PerformanceMark, m instanceof PerformanceEntry, m.name, m.entryType, m.duration, m.detail, typeof m.startTime);
performance.mark('b', { startTime: 5 });
const me = performance.measure('m', 'a');
console.log(me.entryType, me.name, me.duration >= 0, me.detail);
console.log(performance.measure('z', { start: 1, end: 5 }).duration, performance.measure('y', { start: 2, duration: 3 }).startTime,
  performance.measure('w', 'b', 'a').startTime);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name, e.message, e.code); }
console.log(performance.getEntries().map((e) => e.name), performance.getEntriesByType('mark').length,
  performance.getEntriesByName('m').length);
performance.clearMarks('a');
console.log(performance.getEntriesByType('mark').map((e) => e.name));
performance.clearMarks();
performance.clearMeasures();
console.log(performance.getEntries().length);
console.log(performance.eventLoopUtilization(), Object.keys(performance.toJSON()), typeof performance.timeOrigin);
const t = performance.timerify(function foo(a, b) { return a + b; });
console.log(t(1, 2), t.name, t.length);
try { new PerformanceMark(); } catch (e) { console.log(e.name, e.message); }
console.log(new PerformanceMark('q', { startTime: 5 }).startTime, Object.prototype.toString.call(performance));
