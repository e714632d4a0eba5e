'use strict';
// v8: what of node's module means something on JavaScriptCore. The heap figures are the
// engine's (one heap, no spaces: the space list is empty), the heap limit is the thread's
// (a worker's resourceLimits, else node's default), and flags change nothing. What needs
// V8 itself (heap snapshots, coverage, promise hooks) throws ERR_SPINDLE_UNSUPPORTED rather
// than doing something else. The serializer is V8's wire format, written in JavaScript
// (internal/v8/serdes).

const { codes, validateString } = require('internal/errors');

const MB = 1024 * 1024;

// The thread's heap limit as node reports it: the old and young generations' sizes (a
// worker's resourceLimits, else the defaults a worker reports).
function heapSizeLimit() {
  let limits = require('worker_threads').resourceLimits;
  if (limits.maxOldGenerationSizeMb === undefined) limits = require('internal/worker/child_state').effectiveLimits({});
  return (limits.maxOldGenerationSizeMb + limits.maxYoungGenerationSizeMb) * MB;
}

function getHeapStatistics() {
  const { heapTotal, heapUsed, external } = process.memoryUsage();
  const limit = heapSizeLimit();
  return {
    total_heap_size: heapTotal,
    total_heap_size_executable: 0,
    total_physical_size: heapTotal,
    total_available_size: Math.max(0, limit - heapUsed),
    used_heap_size: heapUsed,
    heap_size_limit: limit,
    malloced_memory: 0,
    peak_malloced_memory: 0,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: external,
  };
}

function getHeapSpaceStatistics() { return []; }

function getHeapCodeStatistics() {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 };
}

// A number that changes when cached code of another engine version could not be used.
function cachedDataVersionTag() {
  let h = 0;
  for (const c of `${process.versions.javascriptcore}`) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h;
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

function unsupported(what) {
  return function() { throw new codes.ERR_SPINDLE_UNSUPPORTED(what); };
}

class GCProfiler { constructor() { throw new codes.ERR_SPINDLE_UNSUPPORTED('v8.GCProfiler'); } }

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot: unsupported('v8.getHeapSnapshot()'),
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer: undefined, // these six: see the end
  Deserializer: undefined,
  DefaultSerializer: undefined,
  DefaultDeserializer: undefined,
  deserialize: undefined,
  takeCoverage() {},
  stopCoverage() {},
  serialize: undefined,
  writeHeapSnapshot: unsupported('v8.writeHeapSnapshot()'),
  promiseHooks: {
    onInit: unsupported('v8.promiseHooks'),
    onSettled: unsupported('v8.promiseHooks'),
    onBefore: unsupported('v8.promiseHooks'),
    onAfter: unsupported('v8.promiseHooks'),
    createHook: unsupported('v8.promiseHooks'),
  },
  queryObjects: unsupported('v8.queryObjects()'),
  startupSnapshot: {
    addSerializeCallback: unsupported('v8.startupSnapshot'),
    addDeserializeCallback: unsupported('v8.startupSnapshot'),
    setDeserializeMainFunction: unsupported('v8.startupSnapshot'),
    isBuildingSnapshot() { return 0; }, // node's is a number too
  },
  setHeapSnapshotNearHeapLimit() {},
  GCProfiler,
};

// The serializer's module (~1,000 lines, ~9 ms to load in a fresh thread) loads when one of its
// names is first read: a library that requires v8 for its heap figures does not pay for it.
const { defineOnFirstUse } = require('internal/builtin_loader');
for (const name of ['Serializer', 'Deserializer', 'DefaultSerializer', 'DefaultDeserializer', 'deserialize', 'serialize']) {
  defineOnFirstUse(module.exports, name, true, () => require('internal/v8/serdes')[name]);
}
