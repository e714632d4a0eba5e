// process.setuid/setgid/seteuid/setegid/setgroups/initgroups: argument checks, names that
// do not exist, and ERR_WORKER_UNSUPPORTED_OPERATION in a worker (all before any change,
// where spindle and node agree; spindle then refuses to change credentials: see
// internal/process/credentials). Nothing here needs root.
const { Worker, isMainThread, parentPort } = require('worker_threads');
const out = isMainThread ? console.log : (s) => parentPort.postMessage(s);
const me = require('os').userInfo().username;
const calls = [
  ['setuid', 'no-such-user-spindle'], ['seteuid', 'no-such-user-spindle'],
  ['setgid', 'no-such-group-spindle'], ['setegid', 'no-such-group-spindle'],
  ['setuid', -1], ['setgid', 1.5], ['seteuid', 2 ** 32], ['setegid', {}], ['setuid'],
  ['setgroups', 'x'], ['setgroups', [-1]], ['setgroups', [0, 'no-such-group-spindle']], ['setgroups', [null]],
  ['initgroups', me, 'no-such-group-spindle'], ['initgroups', {}, 0], ['initgroups', me, 1.5],
];
for (const [name, ...args] of calls) {
  const shown = `${name}(${args.map((a) => JSON.stringify(a === me ? '<me>' : a)).join(', ')})`;
  try {
    const r = process[name](...args);
    out(`${shown} -> ${r}`);
  } catch (e) {
    out(`${shown} ${e.name} ${e.code}: ${e.message.split(me).join('<me>')}`);
  }
}
if (isMainThread) {
  console.log('still', process.getuid() === require('os').userInfo().uid);
  new Worker(__filename).on('message', (m) => console.log('worker:', m));
}
