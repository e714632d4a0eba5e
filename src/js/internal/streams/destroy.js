'use strict';
// destroy() and error handling shared by every stream class: destroy once, remember the
// first error on both halves' states, then 'error' (once) and 'close' on later ticks.

function checkError(err, w, r) {
  if (!err) return;
  err.stack; // eslint-disable-line no-unused-expressions -- captured now, as node's
  if (w && !w.errored) w.errored = err;
  if (r && !r.errored) r.errored = err;
}

function destroy(err, cb) {
  const r = this._readableState;
  const w = this._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) {
    if (typeof cb === 'function') cb();
    return this;
  }
  checkError(err, w, r);
  if (w) w.destroyed = true;
  if (r) r.destroyed = true;
  runDestroy(this, err, cb);
  return this;
}

function runDestroy(self, err, cb) {
  let called = false;
  function onDestroy(error) {
    if (called) return;
    called = true;
    const r = self._readableState;
    const w = self._writableState;
    checkError(error, w, r);
    if (w) w.closed = true;
    if (r) r.closed = true;
    if (typeof cb === 'function') cb(error);
    if (error) process.nextTick(emitErrorCloseNT, self, error);
    else process.nextTick(emitCloseNT, self);
  }
  try {
    self._destroy(err || null, onDestroy);
  } catch (e) {
    onDestroy(e);
  }
}

function emitErrorCloseNT(self, err) {
  emitErrorNT(self, err);
  emitCloseNT(self);
}

function emitCloseNT(self) {
  const r = self._readableState;
  const w = self._writableState;
  if (w) w.closeEmitted = true;
  if (r) r.closeEmitted = true;
  if ((w && w.emitClose) || (r && r.emitClose)) self.emit('close');
}

function emitErrorNT(self, err) {
  const r = self._readableState;
  const w = self._writableState;
  if ((w && w.errorEmitted) || (r && r.errorEmitted)) return;
  if (w) w.errorEmitted = true;
  if (r) r.errorEmitted = true;
  self.emit('error', err);
}

function undestroy() {
  const r = this._readableState;
  const w = this._writableState;
  if (r) {
    r.constructed = true; r.closed = false; r.closeEmitted = false; r.destroyed = false; r.errored = null;
    r.errorEmitted = false; r.reading = false; r.ended = r.readable === false; r.endEmitted = r.readable === false;
  }
  if (w) {
    w.constructed = true; w.destroyed = false; w.closed = false; w.closeEmitted = false; w.errored = null;
    w.errorEmitted = false; w.finalCalled = false; w.prefinished = false; w.ended = w.writable === false;
    w.ending = w.writable === false; w.finished = w.writable === false;
  }
}

// An error inside a stream: destroy it when it destroys itself on errors (the default),
// else only mark and emit.
function errorOrDestroy(stream, err, sync) {
  const r = stream._readableState;
  const w = stream._writableState;
  if ((w && w.destroyed) || (r && r.destroyed)) return;
  if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
    stream.destroy(err);
  } else if (err) {
    checkError(err, w, r);
    if (sync) process.nextTick(emitErrorNT, stream, err);
    else emitErrorNT(stream, err);
  }
}

// Destroys anything stream-like (node's destroyer): a stream, or an object with destroy/close.
function destroyer(stream, err) {
  if (!stream || stream.destroyed) return;
  if (typeof stream.destroy === 'function') stream.destroy(err);
  else if (typeof stream.close === 'function') stream.close();
}

// _construct(cb): nothing is read, written or destroyed until it calls back; then each
// half's `then` runs (the readable one reads ahead, the writable one writes what waited).
// Each half's constructor registers its own; _construct runs once, a tick later, when a
// Duplex has registered both.
const constructing = new WeakMap(); // stream -> the halves' callbacks, until _construct runs

function construct(stream, then) {
  const r = stream._readableState;
  const w = stream._writableState;
  if (r) r.constructed = false;
  if (w) w.constructed = false;
  const pending = constructing.get(stream);
  if (pending !== undefined) {
    pending.push(then);
    return;
  }
  constructing.set(stream, [then]);
  process.nextTick(constructNT, stream);
}

function constructNT(stream) {
  const callbacks = constructing.get(stream);
  constructing.delete(stream);
  let called = false;
  const done = (err) => {
    if (called) return;
    called = true;
    const r = stream._readableState;
    const w = stream._writableState;
    if (r) r.constructed = true;
    if (w) w.constructed = true;
    if (err) {
      errorOrDestroy(stream, err, true);
      return;
    }
    for (const then of callbacks) then();
  };
  try {
    stream._construct(done);
  } catch (err) {
    done(err);
  }
}

module.exports = { destroy, undestroy, errorOrDestroy, destroyer, construct };
