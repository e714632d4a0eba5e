// A worker's process, as node's: what a worker cannot do (abort, chdir, the credential
// setters) throws ERR_WORKER_UNSUPPORTED_OPERATION at once from a stub marked `disabled`,
// process.title and process.debugPort cannot be changed, and its process.env (the parent's copy, or
// options.env) turns values into strings and takes only plain data properties, as the
// main thread's does.
const { Worker } = require('worker_threads');

const code = `
for (const name of ['abort', 'chdir', 'setuid', 'setgid', 'seteuid', 'setegid', 'setgroups', 'initgroups']) {
  try { process[name](0); console.log(name, 'returned'); } catch (e) {
    console.log(name, e.name, e.code, e.message, 'disabled:', process[name].disabled);
  }
}
const title = process.title, debugPort = process.debugPort;
process.title = 'changed';
process.debugPort++;
console.log('title and debugPort unchanged:', process.title === title, process.debugPort === debugPort);
process.env.NUM = 1;
process.env.U = undefined;
console.log('env values:', typeof process.env.NUM, JSON.stringify(process.env.U), 'NUM' in process.env);
for (const d of [{ value: 'a' }, { value: 'b', writable: true, enumerable: true, configurable: true },
  { get() { return 1; } }]) {
  try { Object.defineProperty(process.env, 'DEFINED', d); console.log('defined', process.env.DEFINED); }
  catch (e) { console.log(e.code, e.message); }
}
delete process.env.NUM;
console.log('deleted:', process.env.NUM, 'given:', process.env.GIVEN, Object.keys(process.env).includes('DEFINED'));
`;
new Worker(code, { eval: true }).on('exit', () => {
  new Worker(code, { eval: true, env: { GIVEN: 5 } }).on('exit', () => {
    console.log('main env untouched:', process.env.NUM, process.env.DEFINED);
  });
});
