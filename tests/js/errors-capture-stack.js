// Error.captureStackTrace: V8 shape, the constructorOpt argument hides frames, stackTraceLimit.
function check(cond, what) { console.log(cond ? 'ok' : 'FAIL', what); }
function a() { return b(); }
function b() { const o = {}; Error.captureStackTrace(o); return o; }
const o = a();
const lines = o.stack.split('\n');
check(lines[0] === 'Error', `header is "Error" (${lines[0]})`);
check(/^    at b \(.*errors-capture-stack\.js:\d+:\d+\)$/.test(lines[1]), 'first frame is b in V8 shape');
check(/^    at a \(/.test(lines[2]), 'then a');
check(Object.getOwnPropertyDescriptor(o, 'stack').enumerable === false, 'stack is not enumerable');

function hidden() { const e = new Error('msg'); Error.captureStackTrace(e, hidden); return e; }
function caller() { return hidden(); }
const e = caller();
const el = e.stack.split('\n');
check(el[0] === 'Error: msg', 'header keeps the message');
check(/^    at caller \(/.test(el[1]), 'frames above constructorOpt are hidden');

class MyError extends Error {
  constructor(m) { super(m); this.name = 'MyError'; Error.captureStackTrace(this, MyError); }
}
function thrower() { throw new MyError('custom'); }
try { thrower(); } catch (err) {
  check(err.stack.startsWith('MyError: custom\n    at thrower ('), 'subclass header and first frame');
  check(err instanceof MyError && err instanceof Error, 'instanceof');
}

check(Error.stackTraceLimit === 10, `default stackTraceLimit is 10 (${Error.stackTraceLimit})`);
function deep(n) { if (n === 0) { const x = {}; Error.captureStackTrace(x); return x; } return deep(n - 1); }
const d = deep(30);
check(d.stack.split('\n').length === 11, `limit 10 gives 10 frames (${d.stack.split('\n').length - 1})`);
Error.stackTraceLimit = 3;
check(deep(30).stack.split('\n').length === 4, 'limit 3 gives 3 frames');
Error.stackTraceLimit = 0;
const z = {}; Error.captureStackTrace(z);
check(z.stack === 'Error', `limit 0 gives only the header (${JSON.stringify(z.stack)})`);
Error.stackTraceLimit = 10;

try { Error.captureStackTrace(1); } catch (err) { console.log(err.code, err.message); }
const withMsg = { message: 'm', name: 'N' };
Error.captureStackTrace(withMsg);
check(withMsg.stack.startsWith('N: m\n'), `uses the object's name and message (${withMsg.stack.split('\n')[0]})`);
