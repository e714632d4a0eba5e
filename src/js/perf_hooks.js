'use strict';
// perf_hooks: the User Timing subset Node offers (performance.now/mark/measure,
// the entry buffer, PerformanceObserver for 'mark' and 'measure'), timerify, and
// simple histograms, event-loop utilization. Time zero is the process's start in
// every thread, as in node (a worker's performance.now() and timeOrigin are the
// process's).

const perf = binding('perf');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_OUT_OF_RANGE, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_VALUE },
  validateFunction, validateObject, validateString,
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
class Histogram {
  #values = [];
  #exceeds = 0;

  get count() { return this.#values.length; }
  get min() { return this.#values.length ? Math.min(...this.#values) : 9223372036854776000; }
  get max() { return this.#values.length ? Math.max(...this.#values) : 0; }
  get mean() {
    if (!this.#values.length) return NaN;
    return this.#values.reduce((a, b) => a + b, 0) / this.#values.length;
  }
  get stddev() {
    if (!this.#values.length) return NaN;
    const m = this.mean;
    return Math.sqrt(this.#values.reduce((a, v) => a + (v - m) ** 2, 0) / this.#values.length);
  }
  get exceeds() { return this.#exceeds; }
  percentile(p) {
    if (typeof p !== 'number') throw new ERR_INVALID_ARG_TYPE('percentile', 'number', p);
    if (!(p > 0 && p <= 100)) throw new ERR_OUT_OF_RANGE('percentile', '> 0 && <= 100', p);
    if (!this.#values.length) return 0;
    const sorted = this.#values.slice().sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }
  get percentiles() {
    const m = new Map();
    if (!this.#values.length) { m.set(100, 0); return m; }
    for (const p of [0, 50, 75, 87.5, 100]) m.set(p, p === 0 ? this.min : this.percentile(p));
    return m;
  }
  reset() { this.#values = []; this.#exceeds = 0; }
  record(val) {
    if (typeof val === 'bigint') val = Number(val);
    if (typeof val !== 'number') throw new ERR_INVALID_ARG_TYPE('val', ['number', 'bigint'], val);
    if (val < 1) throw new ERR_INVALID_ARG_VALUE('val', val, 'must be >= 1');
    this.#values.push(val);
  }
  recordDelta() {}
  enable() { return false; }
  disable() { return false; }
  toJSON() {
    return { count: this.count, min: this.min, max: this.max, mean: this.mean, exceeds: this.exceeds,
      stddev: this.stddev, percentiles: Object.fromEntries(this.percentiles) };
  }
}

function createHistogram() { return new Histogram(); }
function monitorEventLoopDelay() { return new Histogram(); }

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
