// assert.CallTracker: counts calls, report() and verify().
'use strict';
const assert = require('assert');

const tracker = new assert.CallTracker();
function add(a, b) { return a + b; }
const tracked = tracker.calls(add, 2);
console.log(tracked(1, 2), tracked.name, tracked.length);
const calls = tracker.getCalls(tracked);
console.log(calls.length, calls[0].arguments, Object.isFrozen(calls[0]));

const report = tracker.report();
console.log(report.length, report[0].message, report[0].actual, report[0].expected, report[0].operator);
try { tracker.verify(); } catch (e) { console.log(e.name, e.code, e.message); }
tracked(3, 4);
tracker.verify();
console.log(tracker.report().length);

const noop = tracker.calls();
const twice = tracker.calls(2);
try { tracker.verify(); } catch (e) { console.log(e.message); }
noop(); twice(); twice();
tracker.verify();
tracker.reset(tracked);
console.log(tracker.getCalls(tracked).length);
try { tracker.getCalls(() => {}); } catch (e) { console.log(e.code, e.message); }
try { tracker.calls(add, 0); } catch (e) { console.log(e.code, e.message); }
