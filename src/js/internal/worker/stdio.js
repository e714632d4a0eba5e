'use strict';
// A worker's stdio streams, named as node's: worker.stdout / worker.stderr for
// `new Worker(..., { stdout: true })` (what the worker writes arrives here instead of
// the process's own stdout) and a worker's process.stdin are ReadableWorkerStdio;
// worker.stdin for `{ stdin: true }` is a WritableWorkerStdio whose chunks become the
// worker's process.stdin. They predate spindle's `stream` module and stay small:
// 'data' (Buffers, or strings after setEncoding), 'end', pipe(), async iteration;
// write()/end() with 'finish' and 'close'.

const EventEmitter = require('events');

class ReadableWorkerStdio extends EventEmitter {
  // onFlow(true) when data is wanted (the stream flows and has not ended), onFlow(false)
  // when that stops: a worker reading its stdin stays alive until the parent ends it.
  constructor(onFlow) {
    super();
    this._onFlow = onFlow;
    this._waiting = false;
    this.readable = true;
    this.readableEnded = false;
    this._encoding = null;
    this._queue = [];
    this._flowing = false;
    this._readableMode = false;  // a 'readable' listener came: the reader pulls with read()
    this._readableScheduled = false;
    this._endScheduled = false;
    this.on('newListener', (name) => {
      if (name === 'data' && !this._readableMode) process.nextTick(() => this.resume());
      if (name === 'readable') this._enterReadableMode();
    });
  }

  // As node's paused mode: data is buffered and announced by 'readable'; read() takes it.
  _enterReadableMode() {
    if (this._readableMode) return;
    this._readableMode = true;
    this._flowing = false;
    this._wantData(this.readable);
    this._scheduleReadable();
  }

  _scheduleReadable() {
    if (this._readableScheduled || this.destroyed) return;
    this._readableScheduled = true;
    process.nextTick(() => {
      this._readableScheduled = false;
      if (this._queue.length === 0) return;
      this.emit('readable');
      // at the end with nothing left to read: 'end' after this 'readable'
      if (this._queue.length === 1 && this._queue[0] === null) this._scheduleEnd();
    });
  }

  // As a stream: 'end' on the next tick (a worker's 'exit' comes first), 'close' a tick later.
  _scheduleEnd() {
    if (this._endScheduled) return;
    this._endScheduled = true;
    this._queue = [];
    this.readable = false;
    this._wantData(false);
    process.nextTick(() => {
      this.readableEnded = true;
      this.emit('end');
      process.nextTick(() => this.emit('close'));
    });
  }

  // Ended before anyone looked: a worker's piped output stream first touched after the worker
  // exited. As node's, which flowed into the parent's stream and ended then: no 'end' now.
  _markEnded() {
    this._endScheduled = true;
    this._queue = [];
    this.readable = false;
    this.readableEnded = true;
  }

  // n bytes (characters after setEncoding), or all that waits without n; null when that
  // much is not there yet (at the end: what is left, then null).
  read(n) {
    const ended = this._queue.length > 0 && this._queue[this._queue.length - 1] === null;
    const available = this.readableLength;
    if (available === 0 || (n !== undefined && n > available && !ended)) {
      if (available === 0 && ended) this._scheduleEnd();
      return null;
    }
    if (n === 0) return null;
    const want = n === undefined || n > available ? available : n;
    const parts = [];
    let taken = 0;
    while (taken < want) {
      const chunk = this._queue[0];
      if (chunk.length <= want - taken) {
        parts.push(this._queue.shift());
        taken += chunk.length;
      } else {
        parts.push(chunk.slice(0, want - taken));
        this._queue[0] = chunk.slice(want - taken);
        taken = want;
      }
    }
    let out;
    if (this._encoding) out = parts.join('');
    else out = parts.length === 1 ? parts[0] : require('buffer').Buffer.concat(parts);
    if (this.listenerCount('data') > 0) this.emit('data', out);
    return out;
  }

  setEncoding(encoding) { this._encoding = encoding; return this; }

  push(chunk, encoding) {
    if (chunk === null) {
      this._queue.push(null);
    } else {
      const { Buffer } = require('buffer');
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer || chunk,
        chunk.byteOffset || 0, chunk.byteLength);
      this._queue.push(this._encoding ? buf.toString(this._encoding) : buf);
    }
    if (this._flowing) this._drain();
    else if (this._readableMode) this._scheduleReadable();
  }

  resume() {
    this._flowing = !this._readableMode; // as node's: with a 'readable' listener, read() pulls
    this._wantData(this.readable);
    this._drain();
    return this;
  }

  pause() {
    this._flowing = false;
    this._wantData(false);
    return this;
  }

  _wantData(on) {
    if (this._onFlow === undefined || on === this._waiting) return;
    this._waiting = on;
    this._onFlow(on);
  }

  _drain() {
    while (this._flowing && this._queue.length > 0) {
      const chunk = this._queue.shift();
      if (chunk === null) {
        this._scheduleEnd();
        return;
      }
      this.emit('data', chunk);
    }
  }

  // As stream.Readable's: dest ends with this one (unless { end: false }, or it is the
  // process's stdout or stderr).
  pipe(dest, options) {
    this.on('data', (chunk) => dest.write(chunk));
    const end = !(options && options.end === false) && dest !== process.stdout && dest !== process.stderr;
    if (end) this.once('end', () => dest.end());
    return dest;
  }

  // What waits to be read (bytes, or characters after setEncoding).
  get readableLength() {
    let n = 0;
    for (const chunk of this._queue) if (chunk !== null) n += chunk.length;
    return n;
  }

  // No more data, no 'end'; 'close' on the next tick.
  destroy() {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.readable = false;
    this._queue = [];
    this._flowing = false;
    this._wantData(false);
    process.nextTick(() => this.emit('close'));
    return this;
  }

  async *[Symbol.asyncIterator]() {
    const chunks = [];
    let wake = null;
    let ended = false;
    this.on('data', (c) => { chunks.push(c); if (wake) wake(); });
    this.on('end', () => { ended = true; if (wake) wake(); });
    for (;;) {
      while (chunks.length > 0) yield chunks.shift();
      if (ended) return;
      await new Promise((resolve) => { wake = resolve; });
      wake = null;
    }
  }
}

class WritableWorkerStdio extends EventEmitter {
  // send(chunk, encoding) carries a chunk to the worker; null ends its stdin.
  constructor(send) {
    super();
    this._send = send;
    this.writable = true;
    this.writableEnded = false;
    this.writableFinished = false;
    this.destroyed = false;
  }

  // As a stream's: no more writes, the other side reads the end (a child's stdin pipe is
  // closed), then 'error' (with err) and 'close', after the callbacks of writes refused
  // meanwhile (node's pipe closes its handle first).
  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.writable = false;
    if (!this.writableEnded) this._send(null);
    process.nextTick(() => process.nextTick(() => {
      if (err) this.emit('error', err);
      this.emit('close');
    }));
    return this;
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    checkChunk(chunk);
    if (this.writableEnded || this.destroyed) {
      const { codes } = require('internal/errors');
      const err = this.destroyed ? new codes.ERR_STREAM_DESTROYED('write') : new codes.ERR_STREAM_WRITE_AFTER_END();
      process.nextTick(() => {
        if (typeof callback === 'function') callback(err);
        if (!this.destroyed) this.emit('error', err); // a destroyed stream reports no more errors
      });
      return false;
    }
    this._send(chunk, typeof encoding === 'string' ? encoding : 'utf8');
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (this.writableEnded) {
      if (typeof callback === 'function') process.nextTick(callback, null);
      return this;
    }
    this.writableEnded = true;
    this.writable = false;
    this._send(null);
    process.nextTick(() => {
      this.writableFinished = true;
      if (typeof callback === 'function') callback(null);
      this.emit('finish');
      process.nextTick(() => this.emit('close'));
    });
    return this;
  }
}

function checkChunk(chunk) {
  const { codes } = require('internal/errors');
  if (chunk === null) throw new codes.ERR_STREAM_NULL_VALUES();
  if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) {
    throw new codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
  }
}

module.exports = { ReadableWorkerStdio, WritableWorkerStdio };
