// As node (V8's stack trace API): while Error.prepareStackTrace is set, Error.captureStackTrace
// gives it the frames as CallSites and `stack` is what it returns; the frames above the
// function passed are cut. The pattern of depd (express, body-parser...): capture into an
// object with a prepareStackTrace that returns the CallSites, then read file, line and
// function names. (spindle gives CallSites only through captureStackTrace: README.)
const path = require('path');
const nodeDefault = Error.prepareStackTrace; // node's own function

function getStack(cut) {
  const prep = Error.prepareStackTrace;
  const obj = {};
  Error.prepareStackTrace = (err, sites) => sites;
  Error.captureStackTrace(obj, cut);
  const stack = obj.stack;
  Error.prepareStackTrace = prep;
  return stack;
}

function describe(site) {
  return [site.getFunctionName(), path.basename(String(site.getFileName())), site.getLineNumber(),
    typeof site.getColumnNumber(), typeof site.toString()].join(' ');
}

function inner() { return getStack(); }
function outer() { return inner(); }
const sites = outer();
console.log(Array.isArray(sites), sites.slice(0, 3).map(describe));

function cutHere() { return getStack(cutHere); }
function caller() { return cutHere(); }
console.log(caller().slice(0, 1).map(describe));

// the value returned is the stack, whatever it is
const obj = {};
Error.prepareStackTrace = (err, s) => `custom ${err === obj} ${s.length > 0}`;
Error.captureStackTrace(obj);
console.log(obj.stack);
Error.prepareStackTrace = () => 42;
const o2 = {};
Error.captureStackTrace(o2);
console.log(o2.stack, Object.getOwnPropertyDescriptor(o2, 'stack').enumerable);
Error.prepareStackTrace = nodeDefault;

// a throwing prepareStackTrace: the capture throws it
Error.prepareStackTrace = () => { throw new Error('from prepare'); };
try {
  const o3 = {};
  Error.captureStackTrace(o3);
  console.log('read', o3.stack);
} catch (e) {
  console.log('threw', e.message);
}
Error.prepareStackTrace = nodeDefault;

// and without it, the V8 text
const o4 = {};
(function named() { Error.captureStackTrace(o4); })();
console.log(o4.stack.split('\n').slice(0, 2).map((l) => l.replace(/:\d+\)$/, ')')));

// depd itself, written here in its shape: the caller's file and line
function callSiteLocation(site) {
  return [path.basename(site.getFileName() || '<anonymous>'), site.getLineNumber(), site.getFunctionName()];
}
function deprecate() { const stack = getStack(deprecate); return callSiteLocation(stack[0]); }
function oldApi() { return deprecate(); }
console.log(oldApi());

// node's default is a function that formats V8's text
console.log(typeof Error.prepareStackTrace, Error.prepareStackTrace.name, Error.prepareStackTrace === nodeDefault);
const defaultPrepare = Error.prepareStackTrace;
const fake = { toString() { return 'frame (file.js:1:2)'; } };
console.log(JSON.stringify(defaultPrepare(new RangeError('r'), [fake, fake])), JSON.stringify(defaultPrepare(new Error('e'), [])));

// callsites (thread libraries, import-fresh, parent-module...): `new Error().stack` with a
// prepareStackTrace that returns the CallSites, the first being the function that made it
function callsites() {
  const prep = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, stack) => stack;
  const stack = new Error().stack.slice(1);
  Error.prepareStackTrace = prep;
  return stack;
}
function whoCalls() { return callsites().slice(0, 2).map(describe); }
function theCaller() { return whoCalls(); }
console.log(theCaller());
// prepareStackTrace is called when the stack is first read, with the error made then
Error.prepareStackTrace = (err, sites) => `lazy ${err.message} ${sites[0].getFunctionName()}`;
function makes() { return new Error('m'); }
const made = makes();
console.log(made.stack, made instanceof Error, made.message);
Error.prepareStackTrace = (err) => { throw new Error(`prepare threw for ${err.message}`); };
const throwing = new Error('t');
try { console.log(throwing.stack); } catch (e) { console.log('reading threw', e.message); }
Error.prepareStackTrace = defaultPrepare;
// and everything as before once the program's function is gone
console.log(Error === Object.getPrototypeOf(TypeError), new Error('x').constructor === Error, made.constructor === Error,
  typeof new Error('x').stack, Error.prepareStackTrace === defaultPrepare);
// source-map-support's way: set for good; errors keep their constructor meanwhile
Error.prepareStackTrace = (err, sites) => `${err}\n    at ${sites[0]}`;
function named() { return new Error('kept'); }
const kept = named();
console.log(kept.constructor === Error, kept instanceof Error, kept.stack.split('\n')[0], kept.stack.includes('at named ('));
Error.prepareStackTrace = defaultPrepare;
