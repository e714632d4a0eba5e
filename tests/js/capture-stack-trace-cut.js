// Error.captureStackTrace(obj, fn) leaves out the frames above fn and fn's own, as V8: fn found
// by identity (anonymous functions too: the callsite package's arguments.callee), recursion,
// fn not on the stack (no frames), class constructors (this.constructor of a subclass), and
// without fn. Frames are printed by function name only. The cut was by name, so an anonymous
// fn cut nothing (@phenomnomnominal/worker-require then resolved paths from the wrong file).
function show(label, o) { console.log(label, JSON.stringify(String(o.stack).split('\n').slice(0, 3).map((l) => l.replace(/\(.*\)/, '').trim()))); }
const anon = function () { const o = {}; Error.captureStackTrace(o, arguments.callee); return o; };
function named() { return anon(); }
show('anonymous fn, direct caller:', named());
function a() { return b(); }
function b() { const o = {}; Error.captureStackTrace(o, a); return o; }
function top() { return a(); }
show('fn two frames up:', top());
show('fn not on the stack:', (() => { const o = {}; Error.captureStackTrace(o, function elsewhere() {}); return o; })());
show('no fn:', (function noFn() { const o = {}; Error.captureStackTrace(o); return o; })());
class MyErr extends Error { constructor(m) { super(m); Error.captureStackTrace(this, MyErr); } }
function thrower() { return new MyErr('x'); }
show('class ctor:', thrower());
function rec(n) { if (n === 0) { const o = {}; Error.captureStackTrace(o, rec); return o; } return rec(n - 1); }
show('recursive fn:', rec(3));
function captureStackTrace() { const o = {}; Error.captureStackTrace(o); return o; }
show('a caller named captureStackTrace:', captureStackTrace());
class Base extends Error { constructor(m) { super(m); Error.captureStackTrace(this, this.constructor); } }
class Derived extends Base {}
function makeDerived() { return new Derived('d'); }
show('derived via this.constructor:', makeDerived());
// the callsite package's way: CallSites of the caller's caller
const callsite = function () {
  const orig = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, stack) => stack;
  const err = new Error();
  Error.captureStackTrace(err, arguments.callee);
  const stack = err.stack;
  Error.prepareStackTrace = orig;
  return stack;
};
function whoCalledMe() { return callsite()[1].getFunctionName(); }
function theCaller() { return whoCalledMe(); }
console.log('callsite:', theCaller());
