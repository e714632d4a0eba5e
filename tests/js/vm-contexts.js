// The vm module: scripts in this realm and in contexts (a realm whose global puts the context
// object in front): reads, assignments and declarations going to the context object, values
// crossing realms (not instanceof here, as in node), errors, compileFunction with parameters,
// a parsing context and extensions, node's argument errors, many short-lived contexts (they
// must be collected), and vm inside a worker. Engine-made error messages are printed by name
// only (the engines word them differently).
const vm = require('vm');
const { Worker } = require('worker_threads');

const attempt = (f) => { try { return f(); } catch (e) { return e.code ? `${e.name} ${e.code}: ${e.message}` : `threw ${e.name}`; } };

console.log(Object.keys(vm).sort().join(' '));
console.log(Object.keys(vm.constants).join(' '), typeof vm.constants.DONT_CONTEXTIFY);

// a context: the object in front of the global
const sb = { a: 1, out: [] };
console.log(vm.createContext(sb) === sb, vm.isContext(sb), vm.isContext({}), vm.createContext(sb) === sb);
console.log(vm.runInContext('a + 1', sb));
vm.runInContext(`
  var declared = 5; assigned = 2; function fn() { return a; }
  globalThis.viaGlobal = 3; this.viaThis = 4;
  out.push(typeof Array, typeof require, typeof process, typeof setTimeout, this === globalThis);
`, sb);
console.log(Object.keys(sb).join(), sb.declared, sb.assigned, typeof sb.fn, sb.fn(), sb.viaGlobal, sb.viaThis, sb.out.join());
console.log(vm.runInContext('declared = 6; a = 10; declared + a', sb), sb.declared, sb.a);
sb.a = 20; sb.declared = 30;
console.log(vm.runInContext('[a, declared, fn()].join()', sb));
console.log(vm.runInContext('delete assigned; typeof assigned', sb), 'assigned' in sb);
console.log(vm.runInContext('this', sb) === sb, vm.runInContext('globalThis', sb) === vm.runInContext('this', sb));
console.log(vm.runInContext('Object.keys(globalThis).includes("a")', sb));

// values cross realms as they are
const arr = vm.runInNewContext('[1, 2]');
console.log(Array.isArray(arr), arr instanceof Array, arr.length, JSON.stringify(arr));
const same = { shared: true };
console.log(vm.runInNewContext('o', { o: same }) === same);
console.log(vm.runInNewContext('x * 2', { x: 21 }), vm.runInNewContext('typeof x'));
console.log(vm.runInNewContext('var z = 9'), vm.runInNewContext('let l = 1; const k = 2; l + k'));

// a Script runs again, in any context
const counter = new vm.Script('n = (typeof n === "number" ? n : 0) + 1', { filename: 'counter.js' });
const c1 = vm.createContext({});
counter.runInContext(c1); counter.runInContext(c1);
console.log(c1.n, counter.runInNewContext({ n: 10 }), Object.keys(counter).join());
globalThis.seenByThisContext = 41;
console.log(new vm.Script('seenByThisContext + 1').runInThisContext(), vm.runInThisContext('typeof require'));
delete globalThis.seenByThisContext;

// errors: thrown values cross as they are; a syntax error is thrown by the Script constructor
try { vm.runInNewContext('throw new TypeError("inside")'); } catch (e) {
  console.log(e instanceof TypeError, e.name, e.message, Object.prototype.toString.call(e));
}
try { vm.runInNewContext('throw 5'); } catch (e) { console.log('thrown', e); }
console.log(attempt(() => new vm.Script('(', { filename: 'bad.js' })));
console.log(attempt(() => vm.runInNewContext('notDefinedAnywhere')));
try { new vm.Script('(', 'bad.js'); } catch (e) { console.log(e instanceof SyntaxError); }

// promises made in a context settle in this thread's queue
vm.runInNewContext('Promise.resolve(5).then((v) => v + 1)').then((v) => console.log('promise from a context', v));
vm.runInNewContext('report("from the context")', { report: (m) => console.log(m) });

// compileFunction
const add = vm.compileFunction('return a + b', ['a', 'b']);
console.log(add(1, 2), add.name === '', add.length);
console.log(vm.compileFunction('return x + y', [], { contextExtensions: [{ x: 7 }, { y: 1 }] })());
const parsing = vm.createContext({ q: 5 });
const inContext = vm.compileFunction('return q + x', ['x'], { parsingContext: parsing });
console.log(inContext(1), vm.compileFunction('return this', [])() === globalThis);

// the body and the parameters cannot close the wrapper and run code of their own
const guarded = vm.createContext({});
console.log(attempt(() => vm.compileFunction('}); globalThis.pwned = "yes"; (function () {', [], { parsingContext: guarded })), guarded.pwned);
console.log(attempt(() => vm.compileFunction('});\n(function () { console.log("injected") })();\n(function () {')));

// the context object itself reads as the global (ctx.window = ctx)
const windowed = vm.createContext();
windowed.window = windowed;
console.log(vm.runInContext('this === window && window === globalThis', windowed));

// a column offset moves the first line's columns
try { vm.runInThisContext('throw new Error("at column")', { filename: 'col.js', columnOffset: 100 }); } catch (e) {
  console.log('column offset', /col\.js:1:1\d\d/.test(e.stack));
}

// node's argument errors
console.log(attempt(() => vm.runInContext('', null)));
console.log(attempt(() => vm.runInNewContext('', {}, { contextName: null })));
console.log(attempt(() => vm.measureMemory({ mode: 'random' })));
console.log(attempt(() => vm.runInContext('1', {})));
console.log(attempt(() => vm.createContext(5)));
console.log(attempt(() => vm.isContext(5)));
console.log(attempt(() => new vm.Script('1', { filename: 5 })));
console.log(attempt(() => vm.compileFunction(5)));
console.log(attempt(() => vm.compileFunction('a', 'x')));
console.log(attempt(() => vm.compileFunction('a', [1])));
console.log(attempt(() => vm.runInNewContext('1', 5)));
console.log(vm.runInNewContext('1', undefined), vm.isContext(vm.createContext()));

// contexts made and dropped in a row (each holds a global object until collected; a few
// dozen: under ThreadSanitizer the collector's thread suspension can hang the engine, and
// more collections make that likelier)
let total = 0;
for (let i = 0; i < 40; i++) total += vm.runInNewContext('v * 2', { v: i });
console.log('40 contexts', total);

// an accessor defined on the context's global is called by an assignment, nothing else changes
const accessed = vm.createContext({});
const accessedGlobal = vm.runInContext('this', accessed);
const setterCalls = [];
Object.defineProperty(accessedGlobal, 'b', { configurable: true, enumerable: false, get() { return 2; }, set(v) { setterCalls.push(v); } });
accessedGlobal.b = 3;
vm.runInContext('b = 4', accessed);
console.log(setterCalls.join(), Object.keys(accessedGlobal).join(), accessedGlobal.b, vm.runInContext('b', accessed));
// a builtin's name assigned in the context lands on the context object, as node's
const builtinNames = {};
vm.runInNewContext('this.Symbol = Symbol; Math = 5', builtinNames);
console.log(typeof builtinNames.Symbol, builtinNames.Symbol === Symbol, builtinNames.Math);

// vm in a worker
new Worker(`
const vm = require('vm');
const { parentPort } = require('worker_threads');
const box = vm.createContext({ base: 40 });
vm.runInContext('var more = 2; function sum() { return base + more; }', box);
parentPort.postMessage([box.sum(), box.more, vm.runInContext('sum()', box)]);
`, { eval: true }).on('message', (m) => console.log('worker', m.join()));
