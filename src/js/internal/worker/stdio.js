'use strict';
// worker.stdout / worker.stderr for `new Worker(..., { stdout: true })`: what the
// worker writes arrives here instead of the process's own stdout. spindle has no
// `stream` module yet, so this is a small readable: 'data' (Buffers, or strings
// after setEncoding), 'end' when the worker exits, pipe(), async iteration.

const EventEmitter = require('events');

class WorkerReadable extends EventEmitter {
  constructor() {
    super();
    this.readable = true;
    this.readableEnded = false;
    this._encoding = null;
    this._queue = [];
    this._flowing = false;
    this.on('newListener', (name) => {
      if (name === 'data') process.nextTick(() => this.resume());
    });
  }

  setEncoding(encoding) { this._encoding = encoding; return this; }

  push(chunk) {
    if (chunk === null) {
      this._queue.push(null);
    } else {
      const { Buffer } = require('buffer');
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer || chunk,
        chunk.byteOffset || 0, chunk.byteLength);
      this._queue.push(this._encoding ? buf.toString(this._encoding) : buf);
    }
    if (this._flowing) this._drain();
  }

  resume() { this._flowing = true; this._drain(); return this; }
  pause() { this._flowing = false; return this; }

  _drain() {
    while (this._flowing && this._queue.length > 0) {
      const chunk = this._queue.shift();
      if (chunk === null) {
        // as a stream: 'end' on the next tick (a worker's 'exit' comes first), 'close' a tick later
        this.readable = false;
        process.nextTick(() => {
          this.readableEnded = true;
          this.emit('end');
          process.nextTick(() => this.emit('close'));
        });
        return;
      }
      this.emit('data', chunk);
    }
  }

  pipe(dest) {
    this.on('data', (chunk) => dest.write(chunk));
    return dest;
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

module.exports = { WorkerReadable };
