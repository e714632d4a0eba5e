// As node: what a worker's uncaught throw or unhandled rejection of any kind of value
// becomes in the parent's 'error' event (the value itself, or an error of the same class,
// name, message, cause and own properties), the exit code (an 'exit' listener's exitCode
// wins), and the message of the UnhandledPromiseRejection wrapping a rejection that is no
// error, which names the reason as V8 does without running its code ("#<Object>",
// "[object Array]", a function's source, a bigint without its n...).
const { Worker } = require('worker_threads');
const cases = [
  'throw "a string"', 'throw 42', 'throw null', 'throw undefined', 'throw Symbol("s")', 'throw { a: 1, b: [2] }',
  'throw new TypeError("te")', 'class MyErr extends Error { constructor(m) { super(m); this.name = "MyErr"; this.extra = 5; } }; throw new MyErr("mine")',
  'const e = new Error("with code"); e.code = "E_X"; e.info = { deep: true }; throw e', 'throw new RangeError("r", { cause: new Error("c") })',
  'throw Object.create(null)', 'throw [1, 2, 3]', 'throw 10n', 'throw () => 1', 'Promise.reject(new Error("rejected"))',
  'Promise.reject("rejected string")', 'Promise.reject(undefined)', 'throw new AggregateError([new Error("x")], "agg")',
  'const e = new Error("no stack"); delete e.stack; throw e', 'const e = new Error("msg"); e.name = 5; throw e',
  'throw Object.assign(new Error("frozen"), { f: 1 }); ', 'const e = new Error("getter"); Object.defineProperty(e, "g", { get() { throw new Error("no") }, enumerable: true }); throw e',
  'throw new DOMException("dom", "AbortError")', 'process.exitCode = 4; throw new Error("with exitCode")',
  'process.on("exit", () => { process.exitCode = 6 }); throw new Error("exit handler")',
];
const reasons = ['"s"', '42', 'null', 'undefined', 'Symbol("q")', '({a:1})', '[1,[2,3]]', '() => 1', '10n', 'Object.create(null)', 'new Map([[1,2]])', '"with \\"quote\\""', 'new Date(0)', '/re/g', 'true', '({ toString() { return "custom" } })', '({ [Symbol.toPrimitive]() { return "prim" } })', 'Object.assign(Object.create(null), { toString: () => "nullproto" })', 'new Proxy({}, {})', 'new (class Foo {})()'];
(async () => {
  for (const r of reasons) {
    await new Promise((res) => {
      const w = new Worker(`Promise.reject(${r})`, { eval: true });
      w.on('error', (e) => console.log(r.padEnd(30), Object.keys(e).join('+'), JSON.stringify(e.message.slice(e.message.indexOf('reason')))));
      w.on('exit', res);
    });
  }
  for (const code of cases) {
    await new Promise((resolve) => {
      const w = new Worker(code, { eval: true, stderr: true });
      const out = [];
      w.on('error', (e) => {
        let d;
        if (e instanceof Error) {
          const keys = Object.keys(e).sort();
          d = `Error-like ${Object.prototype.toString.call(e)} ctor=${e.constructor && e.constructor.name} name=${String(e.name)} msg=${JSON.stringify(e.message)} keys=${keys.join('+')} code=${e.code} cause=${e.cause && e.cause.message} errors=${e.errors && e.errors.length} extra=${e.extra} info=${JSON.stringify(e.info)}`;
        } else d = `value ${typeof e} ${typeof e === 'symbol' ? 'sym' : (typeof e === "bigint" ? e + "n" : JSON.stringify(e))}`;
        out.push(d);
      });
      w.on('exit', (c) => { console.log(code.slice(0, 40).padEnd(40), '|', out.join(' ; '), '| exit', c); resolve(); });
    });
  }
})();
