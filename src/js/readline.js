'use strict';
// readline for input read as a plain stream: lines from anything with on('data'/'end') and
// pause()/resume() (process.stdin, a worker's stdin, an emitter), questions and prompts
// written to an output stream. A terminal is read the same way: no line editing, history,
// completion or keypress events yet (README).

const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const { codes } = require('internal/errors');

const kLineEnd = /\r\n|\n|\r/;

// The shared base of readline.Interface and readline/promises' Interface (which node does
// not make one of the other).
class InterfaceBase extends EventEmitter {
  constructor(input, output, completer, terminal) {
    super();
    let prompt = '> ';
    let crlfDelay = 100;
    if (input !== null && typeof input === 'object' && input.input !== undefined && typeof input.on !== 'function') {
      const options = input;
      ({ input, output, completer } = options); // (options.terminal: see this.terminal)
      if (options.prompt !== undefined) prompt = options.prompt;
      if (options.crlfDelay !== undefined) crlfDelay = Math.max(100, Number(options.crlfDelay));
    }
    if (completer !== undefined && typeof completer !== 'function') {
      throw new codes.ERR_INVALID_ARG_VALUE('completer', completer);
    }
    this.input = input;
    this.output = output;
    this.terminal = false; // read as a stream even on a terminal (see the top)
    this.line = '';
    this.cursor = 0;
    this.history = [];
    this.crlfDelay = crlfDelay;
    this.paused = false;
    this._prompt = prompt;
    this._pending = '';        // a line that has not ended yet
    this._sawReturnAt = 0;     // a chunk ended with \r: a \n opening the next is its pair
    this._question = null;     // [callback, the prompt to restore]
    this._decoder = new StringDecoder('utf8');
    const onData = (data) => this._write(data);
    const onEnd = () => {
      const rest = this._pending + this._decoder.end();
      this._pending = '';
      if (rest.length > 0) this._onLine(rest);
      this.close();
    };
    input.on('data', onData);
    input.on('end', onEnd);
    this.once('close', () => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
    });
    input.resume();
  }

  _write(data) {
    let text = this._decoder.write(data);
    if (this._sawReturnAt !== 0 && Date.now() - this._sawReturnAt <= this.crlfDelay && text.charCodeAt(0) === 10) {
      text = text.slice(1);
    }
    this._sawReturnAt = 0;
    if (!kLineEnd.test(text)) {
      this._pending += text;
      return;
    }
    if (text.endsWith('\r')) this._sawReturnAt = Date.now();
    const lines = (this._pending + text).split(kLineEnd);
    this._pending = lines.pop();
    for (let i = 0; i < lines.length; i++) this._onLine(lines[i]); // node goes on after a close() here
  }

  _onLine(line) {
    if (this._question !== null) {
      const [callback, oldPrompt] = this._question;
      this._question = null;
      this._prompt = oldPrompt;
      callback(line);
    } else {
      this.emit('line', line);
    }
  }

  _writeToOutput(text) {
    if (this.output !== null && this.output !== undefined) this.output.write(text);
  }

  setPrompt(prompt) { this._prompt = prompt; }
  getPrompt() { return this._prompt; }

  prompt() {
    if (this.paused) this.resume();
    this._writeToOutput(this._prompt);
  }

  question(query, options, callback) {
    if (typeof options === 'function') callback = options;
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (typeof callback !== 'function') return;
    if (this._question !== null) {
      this.prompt();
      return;
    }
    this._question = [callback, this._prompt];
    this._prompt = query;
    this.prompt();
  }

  // As if typed: the text goes through the same line splitting as the input's.
  write(data) {
    if (this.paused) this.resume();
    this._write(data);
  }

  pause() {
    if (this.paused) return this;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (!this.paused) return this;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  close() {
    if (this.closed) return;
    this.pause();
    this.closed = true;
    this.emit('close');
  }

  getCursorPos() { return { rows: 0, cols: this.cursor }; }

  // The lines from now on; ends with 'close' (leaving the loop early stops listening, as
  // node 20's: it does not close the interface).
  [Symbol.asyncIterator]() {
    if (this._lines === undefined) this._lines = lineIterator(this);
    return this._lines;
  }
}

function lineIterator(rl) {
  const queued = [];
  const waiting = [];
  let done = rl.closed === true;
  const onLine = (line) => {
    if (waiting.length > 0) waiting.shift()({ value: line, done: false });
    else queued.push(line);
  };
  const onClose = () => {
    done = true;
    while (waiting.length > 0) waiting.shift()({ value: undefined, done: true });
  };
  const finish = () => {
    queued.length = 0;
    rl.removeListener('line', onLine);
    rl.removeListener('close', onClose);
    onClose();
  };
  rl.on('line', onLine);
  rl.on('close', onClose);
  return {
    next() {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift(), done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    [Symbol.asyncIterator]() { return this; },
  };
}

class Interface extends InterfaceBase {}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// The terminal controls as node writes them (ANSI escapes); cb runs once written.
function writeControl(stream, data, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  return writeControl(stream, dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K', callback);
}

function clearScreenDown(stream, callback) {
  return writeControl(stream, '\x1b[0J', callback);
}

function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new codes.ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new codes.ERR_INVALID_ARG_VALUE('y', y);
  if (stream === null || stream === undefined || typeof x !== 'number') return writeControl(null, '', callback);
  return writeControl(stream, typeof y !== 'number' ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`, callback);
}

function moveCursor(stream, dx, dy, callback) {
  let data = '';
  if (dx < 0) data += `\x1b[${-dx}D`;
  else if (dx > 0) data += `\x1b[${dx}C`;
  if (dy < 0) data += `\x1b[${-dy}A`;
  else if (dy > 0) data += `\x1b[${dy}B`;
  return writeControl(data === '' ? null : stream, data, callback);
}

// Keypress events need a terminal reader, which spindle has not: nothing to set up.
function emitKeypressEvents() {}

module.exports = {
  Interface, createInterface, clearLine, clearScreenDown, cursorTo, moveCursor, emitKeypressEvents,
};
Object.defineProperty(module.exports, 'InterfaceBase', { value: InterfaceBase, enumerable: false }); // for readline/promises
Object.defineProperty(module.exports, 'promises', {
  get() { return require('readline/promises'); }, enumerable: true, configurable: true,
});
