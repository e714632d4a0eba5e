'use strict';
// WebAssembly as spindle gives it to programs, installed on the first read of the global
// (internal/bootstrap). Its async compiles complete on the thread's GLib context, which the
// loop drives but cannot count: the loop is held open while one is pending, as node does.
// And a module keeps a copy of the bytes it was compiled from (taken when the compile is
// asked for, as the engine's own), which is what postMessage and structuredClone send of it
// (src/jsc/clone.c): node shares compiled modules between threads, JavaScriptCore cannot.
function install(WebAssembly) {
  const processBinding = binding('process');
  const cloneBinding = binding('clone');
  const NativeModule = WebAssembly.Module;
  // a copy of a source's bytes, or undefined for what is no source (the engine reports it)
  const sourceBytes = (source) => {
    try {
      const view = ArrayBuffer.isView(source) ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
        : new Uint8Array(source);
      const copy = new ArrayBuffer(view.byteLength);
      new Uint8Array(copy).set(view);
      return copy;
    } catch {
      return undefined;
    }
  };
  const record = (module, bytes) => { if (bytes !== undefined) cloneBinding.recordWasmModule(module, bytes); };
  for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    const wrapped = {
      [name](...args) {
        const source = args[0];
        const bytes = (name === 'compile' || name === 'instantiate') && !(source instanceof NativeModule) ?
          sourceBytes(source) : undefined;
        let promise = Reflect.apply(original, this, args);
        if (bytes !== undefined) {
          promise = promise.then((result) => {
            record(name === 'compile' ? result : result.module, bytes);
            return result;
          });
        }
        processBinding.holdLoop(true);
        const release = () => processBinding.holdLoop(false);
        promise.then(release, release);
        return promise;
      },
    }[name];
    Object.defineProperty(WebAssembly, name, { value: wrapped, writable: true, configurable: true });
  }
  // new WebAssembly.Module(bytes): the real constructor behind a proxy that records
  const ModuleProxy = new Proxy(NativeModule, {
    construct(target, args, newTarget) {
      const module = Reflect.construct(target, args, newTarget === ModuleProxy ? target : newTarget);
      record(module, sourceBytes(args[0]));
      return module;
    },
  });
  Object.defineProperty(WebAssembly, 'Module', { value: ModuleProxy, writable: true, configurable: true });
  Object.defineProperty(NativeModule.prototype, 'constructor', { value: ModuleProxy, writable: true, configurable: true });
}

module.exports = { install };
