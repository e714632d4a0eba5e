// process.getuid/geteuid/getgid/getegid/getgroups, resourceUsage, constrainedMemory,
// availableMemory and getBuiltinModule, in the main thread and in a worker.
const { Worker, isMainThread, parentPort } = require('worker_threads');
const os = require('os');

function report() {
  const lines = [];
  const ids = ['getuid', 'geteuid', 'getgid', 'getegid'].map((n) => process[n]());
  lines.push(`ids are integers: ${ids.every((x) => Number.isInteger(x) && x >= 0)}`);
  const groups = process.getgroups();
  lines.push(`groups: array of integers ${Array.isArray(groups) && groups.every(Number.isInteger)}, ` +
    `has the effective group ${groups.includes(process.getegid())}`);
  const ru = process.resourceUsage();
  lines.push(`resourceUsage keys: ${Object.keys(ru).join(',')}`);
  lines.push(`resourceUsage numbers: ${Object.values(ru).every((v) => typeof v === 'number' && v >= 0)}`);
  lines.push(`cpu time counted: ${ru.userCPUTime + ru.systemCPUTime > 0}, maxRSS in KB: ${ru.maxRSS > 1024}`);
  const limit = process.constrainedMemory();
  // the cgroup's limit (2 ** 64 when it sets none), read as node's libuv reads it
  lines.push(`constrainedMemory: ${limit}`);
  const avail = process.availableMemory();
  lines.push(`availableMemory within bounds: ${avail > 0 && avail <= os.totalmem() && (limit === 0 || avail <= limit)}`);
  const bm = process.getBuiltinModule;
  lines.push(`getBuiltinModule: ${bm('path') === require('path')} ${bm('node:events') === require('events')} ` +
    `${bm('no-such-module')} ${bm('node:no-such-module')} ${bm('./path')}`);
  try {
    bm(42);
  } catch (e) {
    lines.push(`${e.name} ${e.code}: ${e.message}`);
  }
  return lines.join('\n');
}

if (isMainThread) {
  console.log(report());
  const mainIds = [process.getuid(), process.getgid()].join(',');
  const w = new Worker(__filename);
  w.on('message', ({ text, ids }) => {
    console.log('-- worker');
    console.log(text);
    console.log(`same ids as the main thread: ${ids === mainIds}`);
  });
} else {
  parentPort.postMessage({ text: report(), ids: [process.getuid(), process.getgid()].join(',') });
}
