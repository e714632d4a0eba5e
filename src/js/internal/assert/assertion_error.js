'use strict';
// AssertionError and the messages it generates. The texts and the line diff
// (`+ actual - expected`) follow Node v20's output, so tests that compare
// messages pass under both runtimes; the values are rendered by util.inspect.

const { validateObject } = require('internal/errors');

const headers = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Two short primitives are shown as `a !== b` rather than as a diff.
const kMaxShortLength = 12;
// Long renderings are cut to this many lines (the 47th becomes "...").
const kMaxLines = 50;

function inspectModule() { return require('internal/util/inspect'); }

// Colours only when stderr is a colour terminal, checked per error as Node does.
function palette() {
  const err = process.stderr;
  let on = false;
  try { on = Boolean(err && err.isTTY && typeof err.hasColors === 'function' && err.hasColors()); } catch { on = false; }
  return on ?
    { blue: '\u001b[34m', green: '\u001b[32m', white: '\u001b[39m', red: '\u001b[31m' } :
    { blue: '', green: '', white: '', red: '' };
}

function inspectValue(value) {
  return inspectModule().inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

const stripColors = (s) => s.replace(/\u001b\[\d\d?m/g, '');

function truncateLines(lines, c) {
  if (lines.length > kMaxLines) {
    lines.length = 47;
    lines[46] = `${c.blue}...${c.white}`;
  }
  return lines;
}

const isObj = (v) => typeof v === 'object' && v !== null;

// Line diff of the two renderings. Common trailing lines are folded into a short
// tail, runs of more than four common lines are elided, and consecutive changed
// lines are grouped as "+++ / ---" rather than interleaved.
function createErrDiff(actual, expected, operator, header, c) {
  const actualText = inspectValue(actual);
  const actualLines = actualText.split('\n');
  const expectedLines = inspectValue(expected).split('\n');
  let indicator = '';
  let common = 0; // counts shared trailing lines below, reused as loop index later

  if (operator === 'strictEqual' &&
      ((isObj(actual) && isObj(expected)) || (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const title = header || headers[operator];

  if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
    const colors = inspectModule().inspect.defaultOptions?.colors;
    const rawA = colors ? stripColors(actualLines[0]) : actualLines[0];
    const rawE = colors ? stripColors(expectedLines[0]) : expectedLines[0];
    const total = rawA.length + rawE.length;
    if (total <= kMaxShortLength) {
      if (!isObj(actual) && !isObj(expected) && (actual !== 0 || expected !== 0)) {
        return `${title}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      const width = process.stderr && process.stderr.isTTY ? process.stderr.columns : 80;
      if (total < width) {
        let i = 0;
        while (rawA[i] === rawE[i]) i++;
        // A caret under the first difference, unless it is right at the start.
        if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
      }
    }
  }

  // Fold identical trailing lines: up to three are kept, the rest summarised.
  let tail = '';
  let lastElided = '';
  let a = actualLines[actualLines.length - 1];
  let b = expectedLines[expectedLines.length - 1];
  while (a === b) {
    if (common++ < 3) tail = `\n  ${a}${tail}`;
    else lastElided = a;
    actualLines.pop();
    expectedLines.pop();
    if (actualLines.length === 0 || expectedLines.length === 0) break;
    a = actualLines[actualLines.length - 1];
    b = expectedLines[expectedLines.length - 1];
  }

  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    // Same rendering, different identity (e.g. two distinct Symbol() values).
    const lines = truncateLines(actualText.split('\n'), c);
    return `${headers.notIdentical}\n\n${lines.join('\n')}\n`;
  }

  let skipped = false;
  if (common >= 5) {
    tail = `\n${c.blue}...${c.white}${tail}`;
    skipped = true;
  }
  if (lastElided !== '') tail = `\n  ${lastElided}${tail}`;

  const head = `${title}\n${c.green}+ actual${c.white} ${c.red}- expected${c.white}`;
  const skippedNote = ` ${c.blue}...${c.white} Lines skipped`;

  let out = '';
  let pending = ''; // expected-side lines, flushed when the lines agree again
  let printed = 0;
  let identical = 0;

  // Re-print up to the last two (or, for exactly five, three) identical lines
  // before a change; longer runs show "..." in between.
  const flushIdentical = (lines, i) => {
    if (identical > 2) {
      if (identical > 3) {
        if (identical > 4) {
          if (identical === 5) {
            out += `\n  ${lines[i - 3]}`;
            printed++;
          } else {
            out += `\n${c.blue}...${c.white}`;
            skipped = true;
          }
        }
        out += `\n  ${lines[i - 2]}`;
        printed++;
      }
      out += `\n  ${lines[i - 1]}`;
      printed++;
    }
    identical = 0;
  };

  let longer = actualLines;
  let longerSign = `${c.green}+${c.white}`;
  let shorterLength = expectedLines.length;
  if (actualLines.length < maxLines) {
    longer = expectedLines;
    longerSign = `${c.red}-${c.white}`;
    shorterLength = actualLines.length;
  }

  for (let i = 0; i < maxLines; i++) {
    if (shorterLength < i + 1) {
      // Only the longer side has lines left.
      flushIdentical(longer, i);
      if (longer === actualLines) out += `\n${longerSign} ${longer[i]}`;
      else pending += `\n${longerSign} ${longer[i]}`;
      printed++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      // "x," against "x" only differs by the comma of a following entry.
      let differ = actualLine !== expectedLine &&
        (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
      if (differ && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
        differ = false;
        actualLine += ',';
      }
      if (differ) {
        flushIdentical(actualLines, i);
        out += `\n${c.green}+${c.white} ${actualLine}`;
        pending += `\n${c.red}-${c.white} ${expectedLine}`;
        printed += 2;
      } else {
        out += pending;
        pending = '';
        identical++;
        if (identical <= 2) {
          out += `\n  ${actualLine}`;
          printed++;
        }
      }
    }
    if (printed > kMaxLines && i < maxLines - 2) {
      return `${head}${skippedNote}\n${out}\n${c.blue}...${c.white}${pending}\n${c.blue}...${c.white}`;
    }
  }
  return `${head}${skipped ? skippedNote : ''}\n${out}${pending}${tail}${indicator}`;
}

// Errors are rendered without their stacks so that the diff shows what matters.
function withoutStack(err) {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(err)), err);
  Object.defineProperty(copy, 'message', { value: err.message });
  return copy;
}

function generatedMessage(actual, expected, operator, c) {
  if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
    return createErrDiff(actual, expected, operator, undefined, c);
  }
  if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
    let title = headers[operator];
    if (operator === 'notStrictEqual' && (isObj(actual) || typeof actual === 'function')) {
      title = headers.notStrictEqualObject;
    }
    const lines = truncateLines(inspectValue(actual).split('\n'), c);
    if (lines.length === 1) return `${title}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
    return `${title}\n\n${lines.join('\n')}\n`;
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const title = headers[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${title}\n\n${res}`;
    return res.length > 1024 ? `${res.slice(0, 1021)}...` : res;
  }
  if (res.length > 512) res = `${res.slice(0, 509)}...`;
  if (other.length > 512) other = `${other.slice(0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${title}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else if (headers[`${operator}Unequal`]) {
    res = `${headers[`${operator}Unequal`]}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
  } else {
    other = ` ${operator} ${other}`;
  }
  return `${res}${other}`;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    const c = palette();
    let text;
    if (message != null && (operator === 'deepStrictEqual' || operator === 'strictEqual')) {
      // Node keeps the diff under a custom message for these two.
      text = createErrDiff(actual, expected, operator, message ? String(message) : undefined, c);
    } else if (message != null) {
      text = String(message);
    } else {
      if (isObj(actual) && isObj(expected) && actual instanceof Error && expected instanceof Error &&
          'stack' in actual && 'stack' in expected) {
        actual = withoutStack(actual);
        expected = withoutStack(expected);
      }
      text = generatedMessage(actual, expected, operator, c);
    }
    super(text);

    this.generatedMessage = !message;
    // The code shows in the stack header; the name is reset after capturing it.
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStartFn || AssertionError);
    }
    void this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // actual/expected are already in the message: inspect them at depth 0, long strings cut.
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    const { inspect } = inspectModule();
    const savedActual = this.actual;
    const savedExpected = this.expected;
    const shorten = (s) => (s.length > 512 ? `${s.slice(0, 509)}...` : s);
    if (typeof this.actual === 'string') this.actual = shorten(this.actual);
    if (typeof this.expected === 'string') this.expected = shorten(this.expected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = savedActual;
      this.expected = savedExpected;
    }
  }
}

module.exports = { AssertionError, inspectValue };
