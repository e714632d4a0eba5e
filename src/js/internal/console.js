'use strict';
// The Console class and the global console. Everything is written through the
// stream's write() (process.stdout / process.stderr for the global one), so a
// worker or a test can redirect console output by replacing the stream.
// Output format follows Node v20: format() for the arguments, group
// indentation on every line, "label: 1.234ms" timers, box-drawing tables.

const { formatWithOptions, inspect, getStringWidth } = require('internal/util/inspect');
const { kindOf } = require('internal/util/types');
const {
  codes: { ERR_INVALID_ARG_VALUE },
  makeNodeError, validateInteger, validateObject, validateArray,
} = require('internal/errors');

const kCounts = Symbol('counts');
const kTimers = Symbol('timers');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kColorMode = Symbol('kColorMode');
const kInspectOptions = Symbol('kInspectOptions');
const kMaxGroupIndentation = 1000;

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

function consoleStreamError(name) {
  const err = makeNodeError(TypeError, 'ERR_CONSOLE_WRITABLE_STREAM',
    `Console expects a writable stream instance for ${name}`);
  if (Error.captureStackTrace) Error.captureStackTrace(err, Console);
  return err;
}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) return Reflect.construct(Console, arguments);
  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout, stderr = stdout, ignoreErrors = true, colorMode = 'auto', inspectOptions, groupIndentation,
  } = options;
  if (!stdout || typeof stdout.write !== 'function') throw consoleStreamError('stdout');
  if (!stderr || typeof stderr.write !== 'function') throw consoleStreamError('stderr');
  if (typeof colorMode !== 'boolean' && colorMode !== 'auto') throw new ERR_INVALID_ARG_VALUE('colorMode', colorMode);
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw makeNodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
        'Option "options.inspectOptions.color" cannot be used in combination with option "colorMode"');
    }
  }
  // Methods are bound so that `const { log } = console` keeps working.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Console.prototype[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }
  defineState(this, stdout, stderr, ignoreErrors, colorMode, groupIndentation, inspectOptions);
}

function defineState(target, stdout, stderr, ignoreErrors, colorMode, groupIndentation = 2, inspectOptions) {
  const hidden = (value) => ({ value, writable: true, enumerable: false, configurable: true });
  Object.defineProperties(target, {
    _stdout: hidden(stdout),
    _stderr: hidden(stderr),
    _ignoreErrors: hidden(!!ignoreErrors),
    [kCounts]: hidden(new Map()),
    [kTimers]: hidden(new Map()),
    [kColorMode]: hidden(colorMode),
    [kGroupIndent]: hidden(''),
    [kGroupIndentationWidth]: hidden(groupIndentation),
    [kInspectOptions]: hidden(inspectOptions),
  });
}

function getInspectOptions(con, stream) {
  let color = con[kColorMode];
  if (color === 'auto') {
    color = !!(stream && stream.isTTY) &&
      (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  }
  const options = con[kInspectOptions];
  if (options) {
    if (options.colors === undefined) options.colors = color;
    return options;
  }
  return color ? kColorInspectOptions : kNoColorInspectOptions;
}

function write(con, useStdout, string) {
  const groupIndent = con[kGroupIndent];
  const stream = useStdout ? con._stdout : con._stderr;
  if (groupIndent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
    string = groupIndent + string;
  }
  string += '\n';
  if (con._ignoreErrors === false) return stream.write(string);
  // Like Node: errors of the stream (sync or emitted) must not crash the
  // program; a stack overflow must still surface.
  const emitter = typeof stream.once === 'function' && typeof stream.removeListener === 'function';
  try {
    if (emitter && (typeof stream.listenerCount !== 'function' || stream.listenerCount('error') === 0)) {
      stream.once('error', noop);
    }
    stream.write(string, writeErrorHandler(stream));
  } catch (e) {
    if (e instanceof RangeError && /call stack|stack size/i.test(String(e.message))) throw e;
  } finally {
    if (emitter) stream.removeListener('error', noop);
  }
}

function noop() {}
function writeErrorHandler(stream) {
  return (err) => {
    // An asynchronous write error with nobody listening is swallowed.
    if (err !== null && err !== undefined && typeof stream.once === 'function' &&
        typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0) {
      stream.once('error', noop);
    }
  };
}

const formatOut = (con, args) => formatWithOptions(getInspectOptions(con, con._stdout), ...args);
const formatErr = (con, args) => formatWithOptions(getInspectOptions(con, con._stderr), ...args);

function now() {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

function pad(value) { return `${value}`.padStart(2, '0'); }

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [s, frac] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(s)}.${frac} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(con, name, label, data) {
  const time = con[kTimers].get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const formatted = formatTime(now() - time);
  if (data === undefined) con.log('%s: %s', label, formatted);
  else con.log('%s: %s', label, formatted, ...data);
  return true;
}

// ---- console.table ----------------------------------------------------------
const tableChars = {
  middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├', topMiddle: '┬',
  bottomRight: '┘', bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤', left: '│ ', right: ' │',
  middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    out += cell + ' '.repeat(columnWidths[i] - getStringWidth(cell));
    if (i !== row.length - 1) out += tableChars.middle;
  }
  return out + tableChars.right;
}

function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined) rows[j] = [];
      const value = rows[j][i] = Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      columnWidths[i] = Math.max(columnWidths[i] || 0, getStringWidth(value));
    }
  }
  const divider = columnWidths.map((w) => tableChars.middleMiddle.repeat(w + 2));
  let result = `${tableChars.topLeft}${divider.join(tableChars.topMiddle)}${tableChars.topRight}\n` +
    `${renderRow(head, columnWidths)}\n` +
    `${tableChars.leftMiddle}${divider.join(tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
  for (const row of rows) result += `${renderRow(row, columnWidths)}\n`;
  result += `${tableChars.bottomLeft}${divider.join(tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  return result;
}

const consoleMethods = {
  log(...args) { write(this, true, formatOut(this, args)); },
  warn(...args) { write(this, false, formatErr(this, args)); },
  dir(object, options) {
    write(this, true, inspect(object, { customInspect: false, ...getInspectOptions(this, this._stdout), ...options }));
  },
  time(label = 'default') {
    label = `${label}`;
    if (this[kTimers].has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this[kTimers].set(label, now());
  },
  timeEnd(label = 'default') {
    label = `${label}`;
    if (timeLogImpl(this, 'timeEnd', label)) this[kTimers].delete(label);
  },
  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },
  trace: function trace(...args) {
    const err = { name: 'Trace', message: formatErr(this, args) };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },
  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },
  clear() {
    const stream = this._stdout;
    if (stream && stream.isTTY && typeof stream.write === 'function') stream.write('\x1b[1;1H\x1b[0J');
  },
  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },
  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },
  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },
  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    const final = (k, v) => this.log(renderTable(k, v));
    const inspectCell = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
      return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, ...getInspectOptions(this, this._stdout) });
    };
    const indexArray = (length) => Array.from({ length }, (_, i) => inspectCell(i));
    const kind = kindOf(tabularData);
    if (kind === 'map') {
      const keys = [];
      const values = [];
      let length = 0;
      for (const [k, v] of tabularData) {
        keys.push(inspectCell(k));
        values.push(inspectCell(v));
        length++;
      }
      return final(['(iteration index)', 'Key', 'Values'], [indexArray(length), keys, values]);
    }
    if (kind === 'set') {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(inspectCell(v));
        length++;
      }
      return final(['(iteration index)', 'Values'], [indexArray(length), values]);
    }
    const map = Object.create(null);
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);
    for (let i = 0; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = inspectCell(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          if (map[key] === undefined) map[key] = [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) map[key][i] = '';
          else map[key][i] = inspectCell(item[key]);
        }
      }
    }
    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push('Values');
      values.push(valuesKeyArray);
    }
    keys.unshift('(index)');
    values.unshift(indexKeyArray);
    return final(keys, values);
  },
};
consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key], writable: true, enumerable: true, configurable: true,
  });
}
Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) { return instance !== null && typeof instance === 'object' && kCounts in instance; },
});

// The global console: a plain object (as in Node) whose streams are looked up
// on each write, so replacing process.stdout later still works.
function createGlobalConsole() {
  const con = {};
  const order = ['log', 'warn', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert', 'clear', 'count',
    'countReset', 'group', 'groupEnd', 'table', 'debug', 'info', 'dirxml', 'error', 'groupCollapsed'];
  for (const key of order) {
    const fn = Console.prototype[key].bind(con);
    Object.defineProperty(fn, 'name', { value: key });
    con[key] = fn;
  }
  con.Console = Console;
  for (const key of ['profile', 'profileEnd', 'timeStamp']) con[key] = function () {};
  con.context = function context() { return createGlobalConsole(); };
  con.createTask = function createTask() { return { run: (fn) => fn() }; };
  defineState(con, undefined, undefined, true, 'auto');
  Object.defineProperty(con, '_stdout', {
    get() { return process.stdout; }, set(v) { Object.defineProperty(con, '_stdout', { value: v, writable: true }); },
    enumerable: false, configurable: true,
  });
  Object.defineProperty(con, '_stderr', {
    get() { return process.stderr; }, set(v) { Object.defineProperty(con, '_stderr', { value: v, writable: true }); },
    enumerable: false, configurable: true,
  });
  Object.defineProperty(con, Symbol.toStringTag, {
    value: 'console', writable: false, enumerable: false, configurable: true,
  });
  return con;
}

const console = createGlobalConsole();

module.exports = { console, Console };
