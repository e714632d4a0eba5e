// As node: a WebAssembly.Module crosses structuredClone and postMessage (to a worker and back)
// however it was made (new WebAssembly.Module, compile, instantiate), keeps its identity within
// a message, and the copy instantiates; the other WebAssembly objects throw DataCloneError (a
// module was silently cloned into an empty object before). Its exports' reflection is left out:
// JavaScriptCore adds a `type` (the type-reflection proposal).
const { Worker } = require('worker_threads');
// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const addBytes = () => new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3,
  97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11]);
const bytes = addBytes();
const add = (m, a, b) => new WebAssembly.Instance(m).exports.add(a, b);
const mod = new WebAssembly.Module(bytes);
bytes.fill(0); // the module's bytes were taken when it was made
const copy = structuredClone(mod);
console.log(copy !== mod, copy instanceof WebAssembly.Module, copy.constructor === WebAssembly.Module,
  mod.constructor === WebAssembly.Module, add(copy, 2, 3), WebAssembly.Module.exports(copy).map((e) => e.name + ':' + e.kind));
const pair = structuredClone({ a: mod, b: [mod] });
console.log(pair.a === pair.b[0], add(structuredClone(structuredClone(mod)), 1, 1));

const inst = new WebAssembly.Instance(mod);
for (const [name, value] of Object.entries({ inst, mem: new WebAssembly.Memory({ initial: 1 }),
  table: new WebAssembly.Table({ initial: 1, element: 'anyfunc' }), global: new WebAssembly.Global({ value: 'i32', mutable: true }, 7),
  fake: { [Symbol.toStringTag]: 'WebAssembly.Module' } })) {
  try {
    const c = structuredClone(value);
    console.log(name, 'cloned', Object.prototype.toString.call(c), Object.keys(c));
  } catch (e) {
    console.log(name, e.name, e.message);
  }
}
try { structuredClone(mod, { transfer: [mod] }); } catch (e) { console.log('in a transfer list:', e.name, e.message); }
class MyModule extends WebAssembly.Module {}
const mine = new MyModule(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])); // an empty module
console.log(mine instanceof MyModule, structuredClone(mine) instanceof WebAssembly.Module);

(async () => {
  const source = addBytes();
  const compiling = WebAssembly.compile(source);
  source.fill(0); // taken when the compile was asked for
  const compiled = await compiling;
  const { module: instantiated } = await WebAssembly.instantiate(addBytes().buffer);
  console.log('async', add(structuredClone(compiled), 3, 4), add(structuredClone(instantiated), 5, 6));
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.on('message', ({ module, a, b }) => {
      const sum = new WebAssembly.Instance(module).exports.add(a, b);
      parentPort.postMessage({ sum, back: module }); // and back again
    });`, { eval: true });
  w.postMessage({ module: compiled, a: 20, b: 22 });
  w.once('message', ({ sum, back }) => {
    console.log('worker', sum, back instanceof WebAssembly.Module, add(back, 1, 2));
    w.terminate();
  });
})();
