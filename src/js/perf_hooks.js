'use strict';
// perf_hooks: the User Timing subset Node offers (performance.now/mark/measure,
// the entry buffer, PerformanceObserver for 'mark' and 'measure'), timerify, and
// simple histograms, event-loop utilization. Time zero is the process's start in
// every thread, as in node (a worker's performance.now() and timeOrigin are the
// process's).

const perf = binding('perf');
const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
  },
  validateFunction, validateObject, validateString, validateInteger, makeNativeError,
} = require('internal/errors');
const { EventTarget } = require('internal/event_target');

const customInspect = Symbol.for('nodejs.util.inspect.custom');

const now = perf.now;
const timeOrigin = perf.timeOrigin;

let DOMException;
function domException(message, name) {
  DOMException ??= require('internal/domexception').DOMException;
  return new DOMException(message, name);
}

function inspectWith(self, depth, options, shown) {
  if (depth < 0) return self;
  const { inspect } = require('internal/util/inspect');
  return `${self.constructor.name} ${inspect(shown, { ...options, depth: options?.depth == null ? options?.depth : options.depth - 1 })}`;
}

const kSkipCheck = Symbol('kSkipCheck');

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  #detail;

  constructor(skip, name, type, start, duration, detail) {
    if (skip !== kSkipCheck) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }

  get name() { return this.#name; }
  get entryType() { return this.#type; }
  get startTime() { return this.#start; }
  get duration() { return this.#duration; }
  get detail() { return this.#detail; }

  toJSON() {
    return {
      name: this.#name, entryType: this.#type, startTime: this.#start, duration: this.#duration,
      detail: this.#detail,
    };
  }

  [customInspect](depth, options) {
    return inspectWith(this, depth, options, this.toJSON());
  }
}

function cloneDetail(detail) {
  if (detail == null) return null;
  return typeof structuredClone === 'function' ? structuredClone(detail) : detail;
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    if (options != null) validateObject(options, 'options');
    let startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') throw new ERR_INVALID_ARG_TYPE('options.startTime', 'number', startTime);
    if (startTime < 0) throw domException(`${name} cannot have a negative start time.`, 'SyntaxError');
    super(kSkipCheck, name, 'mark', startTime, 0, cloneDetail(options?.detail));
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(skip, name, start, duration, detail) {
    if (skip !== kSkipCheck) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipCheck, name, 'measure', start, duration, detail);
  }
}

for (const C of [PerformanceMark, PerformanceMeasure]) { // PerformanceEntry has none in node
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
}

// ---- the entry buffer and observers ------------------------------------------
const buffers = { mark: [], measure: [] };
const observers = new Set();

function enqueue(entry) {
  for (const obs of observers) obs._push(entry);
  const list = buffers[entry.entryType];
  if (list) list.push(entry);
}

function markTime(name) {
  if (typeof name === 'number') {
    if (name < 0) throw new ERR_INVALID_ARG_VALUE('name', name, 'must be a positive number');
    return name;
  }
  name = `${name}`;
  for (let i = buffers.mark.length - 1; i >= 0; i--) {
    if (buffers.mark[i].name === name) return buffers.mark[i].startTime;
  }
  throw domException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

class PerformanceObserverEntryList {
  #entries;
  constructor(skip, entries) {
    if (skip !== kSkipCheck) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this.#entries = entries.sort((a, b) => a.startTime - b.startTime);
  }

  getEntries() { return this.#entries.slice(); }
  getEntriesByType(type) { type = `${type}`; return this.#entries.filter((e) => e.entryType === type); }
  getEntriesByName(name, type) {
    name = `${name}`;
    return this.#entries.filter((e) => e.name === name && (type === undefined || e.entryType === `${type}`));
  }
}

class PerformanceObserver {
  #callback;
  #types = new Set();
  #queue = [];
  #scheduled = false;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  static get supportedEntryTypes() { return ['mark', 'measure']; }

  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    this.#types.clear();
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes)) throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      for (const t of entryTypes) if (buffers[t]) this.#types.add(t);
    } else {
      validateString(type, 'options.type');
      if (buffers[type]) this.#types.add(type);
      if (buffered && buffers[type]) for (const e of buffers[type]) this._push(e);
    }
    if (this.#types.size) observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    observers.delete(this);
    this.#queue = [];
  }

  takeRecords() {
    const list = this.#queue;
    this.#queue = [];
    return list;
  }

  _push(entry) {
    if (!this.#types.has(entry.entryType)) return;
    this.#queue.push(entry);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => {
        this.#scheduled = false;
        if (this.#queue.length === 0) return;
        const list = new PerformanceObserverEntryList(kSkipCheck, this.takeRecords());
        this.#callback.call(this, list, this);
      });
    }
  }
}
Object.defineProperty(PerformanceObserver.prototype, '_push', { enumerable: false });

// ---- performance ---------------------------------------------------------------
function eventLoopUtilization(util1, util2) {
  return require('internal/perf/event_loop_utilization')
    .eventLoopUtilization(perf.loopStart(), perf.loopIdleTime(), util1, util2);
}

function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  function timerified(...args) {
    return new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
  }
  Object.defineProperties(timerified, {
    length: { configurable: true, enumerable: false, value: fn.length },
    name: { configurable: true, enumerable: false, value: `timerified ${fn.name}` },
  });
  return timerified;
}

class Performance extends EventTarget {
  constructor(skip) {
    if (skip !== kSkipCheck) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super();
  }

  now() { return now(); }
  get timeOrigin() { return timeOrigin; }

  mark(name, options) {
    const mark = new PerformanceMark(name, options);
    enqueue(mark);
    return mark;
  }

  measure(name, startOrOptions, endMark) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    name = `${name}`;
    let start, end, duration, detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      ({ start, end, duration, detail } = startOrOptions);
      detail = cloneDetail(detail);
    } else {
      start = startOrOptions;
    }
    if (endMark !== undefined) end = endMark;
    let endTime;
    if (end !== undefined) endTime = markTime(end);
    else if (duration !== undefined && start !== undefined) endTime = markTime(start) + duration;
    else endTime = now();
    let startTime;
    if (start !== undefined) startTime = markTime(start);
    else if (duration !== undefined && end !== undefined) startTime = endTime - duration;
    else startTime = 0;
    const measure = new PerformanceMeasure(kSkipCheck, name, startTime, endTime - startTime, detail);
    enqueue(measure);
    return measure;
  }

  clearMarks(name) { clearBuffer('mark', name); }
  clearMeasures(name) { clearBuffer('measure', name); }
  clearResourceTimings() {}
  setResourceTimingBufferSize() {}
  markResourceTiming() {}

  getEntries() {
    return [...buffers.mark, ...buffers.measure].sort((a, b) => a.startTime - b.startTime);
  }

  getEntriesByName(name, type) {
    name = `${name}`;
    return this.getEntries().filter((e) => e.name === name && (type === undefined || e.entryType === `${type}`));
  }

  getEntriesByType(type) {
    type = `${type}`;
    return buffers[type] ? buffers[type].slice() : [];
  }

  get nodeTiming() { return nodeTiming; }

  get eventLoopUtilization() { return eventLoopUtilization; }
  get timerify() { return timerify; }

  toJSON() {
    return { nodeTiming: this.nodeTiming, timeOrigin, eventLoopUtilization: eventLoopUtilization() };
  }

  [customInspect](depth, options) {
    return inspectWith(this, depth, options, { nodeTiming: this.nodeTiming, timeOrigin, eventLoopUtilization: eventLoopUtilization() });
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });
Performance.prototype.onresourcetimingbufferfull = null;

function clearBuffer(type, name) {
  if (name === undefined) buffers[type] = [];
  else {
    name = `${name}`;
    buffers[type] = buffers[type].filter((e) => e.name !== name);
  }
}

// performance.nodeTiming: one object whose fields are live getters, as in node. The
// process's clock starts with its first engine, so nodeStart and v8Start are 0;
// environment and bootstrapComplete are this thread's realm's (a worker's: its start).
// Not there: uvMetricsInfo (libuv 1.45's uv_metrics_info; Debian 12 has 1.44).
function milestone(i) { return () => perf.milestones()[i]; }
class PerformanceNodeTiming {
  constructor(skip) {
    if (skip !== kSkipCheck) throw new ERR_ILLEGAL_CONSTRUCTOR();
    const value = (v) => ({ enumerable: true, configurable: true, value: v });
    const getter = (get) => ({ enumerable: true, configurable: true, get });
    Object.defineProperties(this, {
      name: value('node'), entryType: value('node'), startTime: value(0), duration: getter(now),
      nodeStart: getter(() => 0), v8Start: getter(() => 0), environment: getter(milestone(0)),
      loopStart: getter(perf.loopStart), loopExit: getter(() => -1), bootstrapComplete: getter(milestone(1)),
      idleTime: getter(perf.loopIdleTime),
    });
  }

  toJSON() {
    return {
      name: 'node', entryType: 'node', startTime: this.startTime, duration: this.duration,
      nodeStart: this.nodeStart, v8Start: this.v8Start, bootstrapComplete: this.bootstrapComplete,
      environment: this.environment, loopStart: this.loopStart, loopExit: this.loopExit, idleTime: this.idleTime,
    };
  }

  [customInspect](depth, options) {
    return inspectWith(this, depth, options, this.toJSON());
  }
}
Object.setPrototypeOf(PerformanceNodeTiming.prototype, PerformanceEntry.prototype);
const nodeTiming = new PerformanceNodeTiming(kSkipCheck);

const performance = new Performance(kSkipCheck);

// ---- histograms ------------------------------------------------------------------
// node's: an HDR histogram in C (core/hdr.c) with node's counters, so that min, max,
// mean, stddev and the percentiles are node's to the unit. createHistogram() makes a
// RecordableHistogram; monitorEventLoopDelay() an ELDHistogram, which records the time
// between ticks of an unreferenced interval timer (ns) while enabled.
const kHandle = Symbol('kHandle');
const kMap = Symbol('kMap');
const kRecordable = Symbol('kRecordable');
const kEnabled = Symbol('kEnabled');
const ONE_HOUR_NS = 3600 * 1e9; // the event-loop delay histogram's range, as node's

class SafeMap extends Map {}

function handleOf(h) {
  if (h === null || typeof h !== 'object' || h[kHandle] === undefined) throw new ERR_INVALID_THIS('Histogram');
  return h[kHandle];
}
function checkPercentile(p) {
  if (typeof p !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', p);
  if (!(p > 0 && p <= 100)) throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', p);
}
function percentilesOf(h, asBigInt) {
  const map = new SafeMap();
  perf.percentiles(handleOf(h), map, Map.prototype.set, asBigInt);
  return map;
}

class Histogram {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
  get count() { return perf.stat(handleOf(this), 0, false); }
  get countBigInt() { return perf.stat(handleOf(this), 0, true); }
  get min() { return perf.stat(handleOf(this), 1, false); }
  get minBigInt() { return perf.stat(handleOf(this), 1, true); }
  get max() { return perf.stat(handleOf(this), 2, false); }
  get maxBigInt() { return perf.stat(handleOf(this), 2, true); }
  get mean() { return perf.stat(handleOf(this), 4); }
  get exceeds() { return perf.stat(handleOf(this), 3, false); }
  get exceedsBigInt() { return perf.stat(handleOf(this), 3, true); }
  get stddev() { return perf.stat(handleOf(this), 5); }
  percentile(percentile) {
    checkPercentile(percentile);
    return perf.percentile(handleOf(this), percentile, false);
  }
  percentileBigInt(percentile) {
    checkPercentile(percentile);
    return perf.percentile(handleOf(this), percentile, true);
  }
  get percentiles() { return percentilesOf(this, false); }
  get percentilesBigInt() { return percentilesOf(this, true); }
  reset() { perf.reset(handleOf(this)); }
  toJSON() {
    return {
      count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, percentiles: Object.fromEntries(this.percentiles.entries()),
    };
  }
  [customInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const shown = {
      min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds, stddev: this.stddev,
      count: this.count, percentiles: this.percentiles,
    };
    return `Histogram ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

class RecordableHistogram extends Histogram {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
  record(val) {
    if (this === null || typeof this !== 'object' || this[kRecordable] === undefined) {
      throw new ERR_INVALID_THIS('RecordableHistogram');
    }
    if (typeof val === 'bigint') {
      if (val < 1n || BigInt.asIntN(64, val) !== val) {
        throw makeNativeError(RangeError, 'ERR_OUT_OF_RANGE', 'value is out of range');
      }
    } else {
      validateInteger(val, 'val', 1);
    }
    perf.record(this[kHandle], val);
  }
  recordDelta() {
    if (this === null || typeof this !== 'object' || this[kRecordable] === undefined) {
      throw new ERR_INVALID_THIS('RecordableHistogram');
    }
    perf.recordDelta(this[kHandle]);
  }
  add(other) {
    if (this === null || typeof this !== 'object' || this[kRecordable] === undefined) {
      throw new ERR_INVALID_THIS('RecordableHistogram');
    }
    if (other === null || typeof other !== 'object' || other[kRecordable] === undefined) {
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    }
    perf.add(this[kHandle], other[kHandle]);
  }
}

function createHistogram(options = {}) {
  validateObject(options, 'options');
  const { lowest = 1, highest = Number.MAX_SAFE_INTEGER, figures = 3 } = options;
  if (typeof lowest !== 'bigint') validateInteger(lowest, 'options.lowest', 1, Number.MAX_SAFE_INTEGER);
  if (typeof highest !== 'bigint') {
    validateInteger(highest, 'options.highest', 2 * lowest, Number.MAX_SAFE_INTEGER);
  } else if (highest < 2n * lowest) {
    throw new ERR_INVALID_ARG_VALUE('options.highest', highest);
  }
  validateInteger(figures, 'options.figures', 1, 5);
  const handle = perf.histogram(lowest, highest, figures);
  return Reflect.construct(function RecordableHistogram() {
    // node's instances carry an own `constructor` (from their transfer set-up)
    Object.defineProperty(this, 'constructor', {
      value: RecordableHistogramClass, writable: true, enumerable: true, configurable: true,
    });
    this[kRecordable] = true;
    this[kMap] = new SafeMap();
    this[kHandle] = handle;
  }, [], RecordableHistogram);
}
const RecordableHistogramClass = RecordableHistogram;

// An ELDHistogram's timer: { resolution, timer } (not a property: node's instances have none)
const eldTimers = new WeakMap();

class ELDHistogram extends Histogram {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
  // As node's: the first tick after enable() only starts the clock; a re-enabled monitor's
  // first tick measures from its last tick before disable().
  enable() {
    const handle = handleOf(this);
    if (this[kEnabled]) return false;
    this[kEnabled] = true;
    const state = eldTimers.get(this);
    state.timer = setInterval(() => perf.recordDelta(handle), state.resolution);
    state.timer.unref();
    return true;
  }
  disable() {
    handleOf(this);
    if (!this[kEnabled]) return false;
    this[kEnabled] = false;
    const state = eldTimers.get(this);
    clearInterval(state.timer);
    state.timer = null;
    return true;
  }
}

function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  const handle = perf.histogram(1, ONE_HOUR_NS, 3);
  const eld = Reflect.construct(function ELDHistogram() {
    this[kEnabled] = false;
    this[kHandle] = handle;
    this[kMap] = new SafeMap();
  }, [], ELDHistogram);
  eldTimers.set(eld, { resolution, timer: null });
  return eld;
}

const constants = {
  NODE_PERFORMANCE_GC_MAJOR: 4, NODE_PERFORMANCE_GC_MINOR: 1, NODE_PERFORMANCE_GC_INCREMENTAL: 8,
  NODE_PERFORMANCE_GC_WEAKCB: 16, NODE_PERFORMANCE_GC_FLAGS_NO: 0, NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
  NODE_PERFORMANCE_GC_FLAGS_FORCED: 4, NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
  NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16, NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
  NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
};

class PerformanceResourceTiming extends PerformanceEntry {
  constructor() { throw new ERR_ILLEGAL_CONSTRUCTOR(); }
}

module.exports = {
  Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
  PerformanceObserverEntryList, PerformanceResourceTiming, monitorEventLoopDelay, createHistogram,
  performance, constants,
};
