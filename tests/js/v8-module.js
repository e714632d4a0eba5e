// The v8 module's shape and what it can tell on JavaScriptCore (libraries require it for heap
// figures): the same exports as node's, heap statistics with node's keys and sane numbers, a
// worker's heap limit from its resourceLimits, flags checked as node checks them (and
// otherwise ignored), no snapshot being built. (What needs V8 itself, heap snapshots, throws
// ERR_SPINDLE_UNSUPPORTED in spindle: not printed here; the serializer has its own test,
// v8-serialize-differential.)
const v8 = require('v8');
const { Worker } = require('worker_threads');
console.log(Object.keys(v8).sort().join(' '));
const s = v8.getHeapStatistics();
console.log(Object.keys(s).join(' '));
console.log(s.used_heap_size > 0, s.total_heap_size >= s.used_heap_size, s.heap_size_limit > s.used_heap_size,
  s.heap_size_limit >= 256 * 1024 * 1024, Object.values(s).every((v) => typeof v === 'number'));
console.log(Array.isArray(v8.getHeapSpaceStatistics()), Object.keys(v8.getHeapCodeStatistics()).join(' '),
  typeof v8.cachedDataVersionTag(), v8.cachedDataVersionTag() === v8.cachedDataVersionTag());
console.log(v8.setFlagsFromString('--no-such-flag-here'), v8.startupSnapshot.isBuildingSnapshot());
try { v8.setFlagsFromString(5); } catch (e) { console.log(e.code, e.message); }
new Worker(`const s = require('v8').getHeapStatistics(); require('worker_threads').parentPort.postMessage([s.heap_size_limit > 64 * 1048576, s.heap_size_limit < 128 * 1048576]);`,
  { eval: true, resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } })
  .on('message', (m) => console.log('worker limit between 64 and 128 MB:', m.join(' ')));
