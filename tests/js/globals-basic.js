// The runtime's globals: what exists, enumerability, and that they can be replaced.
const names = ['global', 'process', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
  'setImmediate', 'clearImmediate', 'queueMicrotask', 'console'];
for (const n of names) {
  const d = Object.getOwnPropertyDescriptor(globalThis, n);
  console.log(n, typeof globalThis[n], d ? d.enumerable : 'missing');
}
console.log(global === globalThis, typeof require, typeof module, typeof exports, typeof __filename);
console.log(Object.keys(globalThis).filter((k) => names.includes(k)).length);
// overwriting a global works, and the old function keeps working
const orig = setTimeout;
globalThis.setTimeout = 'replaced';
console.log(typeof setTimeout);
globalThis.setTimeout = orig;
try { queueMicrotask(5); } catch (e) { console.log(e.code, e.message); }
queueMicrotask(() => console.log('microtask ran'));
// a throwing microtask is an uncaught exception
process.on('uncaughtException', (e) => console.log('uncaught from microtask:', e.message));
queueMicrotask(() => { throw new Error('mt'); });
