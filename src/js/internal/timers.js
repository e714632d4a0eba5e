'use strict';
// Timers as in node: Timeout objects in one binary heap ordered by
// (expiry, creation order) behind a single libuv timer, and an immediate
// queue run from a libuv check handle. C calls processTimers/processImmediates
// repeatedly; each call runs at most one callback, so nextTicks and promise
// jobs run between callbacks exactly as node runs them.

const native = binding('timers');
const immediateInfo = binding.immediateInfo;
const kCount = 0;
const kRefCount = 1;
const TIMEOUT_MAX = 2 ** 31 - 1;

let nextId = 1;
const heap = [];          // Timeout objects
let refedTimers = 0;      // ref'ed timers still in the heap
let scheduledAt = 0;      // expiry the libuv timer is armed for (0 = none)
let timerRefed = false;

function less(a, b) { return a._idleStart + a._idleTimeout < b._idleStart + b._idleTimeout ||
  (a._idleStart + a._idleTimeout === b._idleStart + b._idleTimeout && a._id < b._id); }

function heapPush(t) {
  t._heapIndex = heap.length;
  heap.push(t);
  siftUp(t._heapIndex);
}

function siftDown(i) {
  for (;;) {
    const l = 2 * i + 1, r = l + 1;
    let m = i;
    if (l < heap.length && less(heap[l], heap[m])) m = l;
    if (r < heap.length && less(heap[r], heap[m])) m = r;
    if (m === i) return;
    [heap[i], heap[m]] = [heap[m], heap[i]];
    heap[i]._heapIndex = i; heap[m]._heapIndex = m;
    i = m;
  }
}

function siftUp(i) {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(heap[i], heap[p])) break;
    [heap[i], heap[p]] = [heap[p], heap[i]];
    heap[i]._heapIndex = i; heap[p]._heapIndex = p;
    i = p;
  }
}

function heapRemove(t) {
  const i = t._heapIndex;
  if (i < 0 || heap[i] !== t) return false;
  const last = heap.pop();
  t._heapIndex = -1;
  if (i < heap.length) {
    heap[i] = last;
    last._heapIndex = i;
    siftDown(i);
    siftUp(last._heapIndex);
  }
  return true;
}

function updateRef() {
  const want = refedTimers > 0;
  if (want !== timerRefed) {
    timerRefed = want;
    native.toggleTimerRef(want);
  }
}

function arm() {
  if (heap.length === 0) return;
  const expiry = heap[0]._idleStart + heap[0]._idleTimeout;
  if (scheduledAt !== 0 && scheduledAt <= expiry) return;
  scheduledAt = expiry;
  native.scheduleTimer(Math.max(1, expiry - native.getLibuvNow()));
}

class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.` +
          '\nTimeout duration was set to 1.', 'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idleStart = 0;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this._id = 0;
    this._heapIndex = -1;
    this[kRefed] = isRefed;
    insert(this);
  }

  refresh() {
    if (this._heapIndex >= 0) {
      heapRemove(this);
      if (this[kRefed]) refedTimers--;
    }
    if (!this._destroyed) insert(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (this._heapIndex >= 0) { refedTimers--; updateRef(); }
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (this._heapIndex >= 0) { refedTimers++; updateRef(); }
    }
    return this;
  }

  hasRef() { return this[kRefed]; }
  close() { clearTimeout(this); return this; }
  [Symbol.toPrimitive]() { return this._id; }
}
const kRefed = Symbol('refed');
const knownTimersById = new Map();

function insert(t) {
  t._idleStart = native.getLibuvNow();
  t._id = nextId++;
  heapPush(t);
  if (t[kRefed]) refedTimers++;
  updateRef();
  arm();
}

function unenroll(t) {
  if (t === null || t === undefined) return;
  if (typeof t === 'number' || typeof t === 'string') {
    const found = knownTimersById.get(+t);
    if (found === undefined) return;
    t = found;
  }
  if (!(t instanceof Timeout)) return;
  t._destroyed = true;
  if (t._knownById) { knownTimersById.delete(t._id); t._knownById = false; }
  if (heapRemove(t)) {
    if (t[kRefed]) refedTimers--;
    updateRef();
  }
}

// Runs the first expired timer and returns true, or returns the next expiry
// (negative when only unref'd timers remain, 0 when none), as node's C++ expects.
function processTimers(now) {
  scheduledAt = 0;
  if (heap.length > 0) {
    const t = heap[0];
    if (t._idleStart + t._idleTimeout <= now) {
      heapRemove(t);
      if (t[kRefed]) refedTimers--;
      const args = t._timerArgs;
      let threw = true;
      try {
        if (args === undefined) t._onTimeout();
        else t._onTimeout(...args);
        threw = false;
      } finally {
        if (t._repeat !== null && !t._destroyed && (t._heapIndex < 0)) {
          t._idleTimeout = t._repeat;
          insert(t);
        } else if (t._heapIndex < 0) {
          t._destroyed = true;
          if (t._knownById) { knownTimersById.delete(t._id); t._knownById = false; }
        }
        updateRef();
        if (threw) arm();
      }
      return true;
    }
  }
  if (heap.length === 0) return 0;
  const expiry = heap[0]._idleStart + heap[0]._idleTimeout;
  scheduledAt = expiry;
  return refedTimers > 0 ? expiry : -expiry;
}

// ---- immediates
class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    this._queued = true;
    immediateQueue.push(this);
    immediateInfo[kCount]++;
    if (immediateInfo[kRefCount]++ === 0) native.toggleImmediateRef(true);
  }
  ref() {
    if (!this[kRefed] && !this._destroyed) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) native.toggleImmediateRef(true);
    }
    return this;
  }
  unref() {
    if (this[kRefed] && !this._destroyed) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) native.toggleImmediateRef(false);
    }
    return this;
  }
  hasRef() { return !!this[kRefed]; }
}

let immediateQueue = [];
let running = [];
let runningIndex = 0;

function dequeueImmediate(im) {
  im._destroyed = true;
  immediateInfo[kCount]--;
  if (im[kRefed] && --immediateInfo[kRefCount] === 0) native.toggleImmediateRef(false);
  im[kRefed] = false;
}

// Runs one immediate of this round; returns true while more of the round remain.
function processImmediates(first) {
  if (first) {
    running = immediateQueue;
    runningIndex = 0;
    immediateQueue = [];
  }
  while (runningIndex < running.length) {
    const im = running[runningIndex];
    running[runningIndex++] = undefined;
    if (im._destroyed) continue;
    dequeueImmediate(im);
    const args = im._argv;
    try {
      if (args === undefined) im._onImmediate();
      else im._onImmediate(...args);
    } finally {
      if (runningIndex >= running.length) { running = []; runningIndex = 0; }
    }
    return runningIndex < running.length;
  }
  return false;
}

function clearImmediate(im) {
  if (!im || !(im instanceof Immediate) || im._destroyed) return;
  dequeueImmediate(im);
  im._onImmediate = null;
}

module.exports = {
  Timeout, Immediate, unenroll, processTimers, processImmediates, clearImmediate, knownTimersById,
  TIMEOUT_MAX,
};
