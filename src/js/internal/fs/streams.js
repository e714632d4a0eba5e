'use strict';
// fs.ReadStream / fs.WriteStream (createReadStream, createWriteStream): a file read or
// written through fs.open/read/write/close on libuv's pool, as streams. As node's: the
// file opens in _construct ('open' with the fd, then 'ready'), start/end select a byte
// range (end inclusive), 64 KiB reads by default, and the fd is closed when the stream is
// destroyed (autoClose) — after a read or write still in flight has finished.

const fs = require('fs');
const { Buffer } = require('buffer');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const eos = require('internal/streams/end_of_stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
  validateInteger,
} = require('internal/errors');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');

function copyOptions(options, defaults) {
  if (options == null) return { ...defaults };
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  return { ...defaults, ...options };
}

function pathOf(path, options) {
  if (options.fd != null) return null;
  if (path instanceof URL) return require('url').fileURLToPath(path);
  if (typeof path === 'string' || Buffer.isBuffer(path)) return Buffer.isBuffer(path) ? path.toString() : path;
  throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], path);
}

// the shared half: opening in _construct, closing in _destroy
function openFile(stream, cb) {
  if (typeof stream.fd === 'number') {
    cb();
    return;
  }
  fs.open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) {
      cb(err);
      return;
    }
    stream.fd = fd;
    cb();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function closeFile(stream, err, cb) {
  if (typeof stream.fd !== 'number' || !stream.autoClose) {
    cb(err);
    return;
  }
  const fd = stream.fd;
  stream.fd = null;
  fs.close(fd, (er) => cb(er || err));
}

function destroyFile(err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => closeFile(this, err || er, cb));
  else closeFile(this, err, cb);
}

function checkRange(options) {
  let start = options.start;
  let end = options.end;
  if (start !== undefined) validateInteger(start, 'start', 0);
  if (end !== undefined && end !== Infinity) validateInteger(end, 'end', 0);
  if (end === undefined) end = Infinity;
  if (start !== undefined && start > end) {
    throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${end})`, start);
  }
  return [start, end];
}

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyOptions(options, { highWaterMark: 64 * 1024 });
  this.path = pathOf(path, options);
  this.fd = options.fd == null ? null : options.fd;
  this.flags = options.flags === undefined ? 'r' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  [this.start, this.end] = checkRange(options);
  this.pos = this.start;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
  Readable.call(this, { ...options, construct: undefined, read: undefined, destroy: undefined });
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  get() { return this.fd === null; }, configurable: true,
});

ReadStream.prototype._construct = function _construct(cb) { openFile(this, cb); };

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  fs.read(this.fd, buf, 0, n, this.pos === undefined ? null : this.pos, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead === buf.length ? buf : Buffer.from(buf.subarray(0, bytesRead)));
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroyFile;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') eos(this, cb);
  this.destroy();
};

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyOptions(options, {});
  options.decodeStrings = true;
  this.path = pathOf(path, options);
  this.fd = options.fd == null ? null : options.fd;
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.mode = options.mode === undefined ? 0o666 : options.mode;
  if (options.start !== undefined) validateInteger(options.start, 'start', 0);
  this.start = options.start;
  this.pos = this.start;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
  Writable.call(this, { ...options, construct: undefined, write: undefined, writev: undefined, destroy: undefined, final: undefined });
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  get() { return this.fd === null; }, configurable: true,
});

WriteStream.prototype._construct = function _construct(cb) { openFile(this, cb); };

WriteStream.prototype._write = function _write(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  fs.write(this.fd, data, 0, data.length, this.pos === undefined ? null : this.pos, (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      cb(er);
      return;
    }
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function _writev(chunks, cb) {
  this._write(Buffer.concat(chunks.map((c) => c.chunk)), 'buffer', cb);
};

WriteStream.prototype._destroy = destroyFile;

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = {
  ReadStream, WriteStream,
  createReadStream: (path, options) => new ReadStream(path, options),
  createWriteStream: (path, options) => new WriteStream(path, options),
};
