'use strict';
// finished(stream[, options], callback): calls back once the stream is done with (ended,
// finished, or closed), with its error or ERR_STREAM_PREMATURE_CLOSE when it closed
// before that; returns a function that removes its listeners.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_STREAM_PREMATURE_CLOSE },
  validateFunction, validateObject,
} = require('internal/errors');
const { isReadableNodeStream, isWritableNodeStream, isNodeStream } = require('internal/streams/utils');

function nop() {}

function isReadableFinished(stream, strict) {
  const r = stream._readableState;
  if (!r || r.errored) return false;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}
function isWritableFinished(stream, strict) {
  const w = stream._writableState;
  if (!w || w.errored) return false;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  if (!isNodeStream(stream)) throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  let called = false;
  const original = callback;
  callback = function(...args) {
    if (called) return;
    called = true;
    original.apply(this, args);
  };
  const readable = options.readable != null ? options.readable : isReadableNodeStream(stream);
  const writable = options.writable != null ? options.writable : isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;
  const willEmitClose = () => !!((wState && wState.autoDestroy && wState.emitClose && wState.closed === false) ||
    (rState && rState.autoDestroy && rState.emitClose && rState.closed === false));
  let closeComing = willEmitClose() && isReadableNodeStream(stream) === readable && isWritableNodeStream(stream) === writable;

  let writableFinished = isWritableFinished(stream, false);
  let readableFinished = isReadableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) closeComing = false;
    if (closeComing && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) closeComing = false;
    if (closeComing && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };
  const onerror = (err) => callback.call(stream, err);
  const onclose = () => {
    const errored = (wState && wState.errored) || (rState && rState.errored);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    if (readable && !readableFinished && isReadableNodeStream(stream) && !isReadableFinished(stream, false)) {
      return callback.call(stream, new ERR_STREAM_PREMATURE_CLOSE());
    }
    if (writable && !writableFinished && !isWritableFinished(stream, false)) {
      return callback.call(stream, new ERR_STREAM_PREMATURE_CLOSE());
    }
    callback.call(stream);
  };
  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);
  const closed = (wState && wState.closed) || (rState && rState.closed);
  if (closed) {
    process.nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!closeComing) process.nextTick(onclose);
  } else if (!readable && (!closeComing || stream.readable) && (writableFinished || stream.writable === false)) {
    process.nextTick(onclose);
  } else if (!writable && (!closeComing || stream.writable) && (readableFinished || stream.readable === false)) {
    process.nextTick(onclose);
  }
  const cleanup = () => {
    callback = nop;
    stream.removeListener('end', onend);
    stream.removeListener('finish', onfinish);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };
  if (options.signal && !closed) {
    const abort = () => {
      const endCallback = callback;
      cleanup();
      const { AbortError } = require('internal/errors');
      endCallback.call(stream, new AbortError(undefined, { cause: options.signal.reason }));
    };
    if (options.signal.aborted) process.nextTick(abort);
    else {
      options.signal.addEventListener('abort', abort, { once: true });
      const originalCallback = callback;
      callback = function(...args) {
        options.signal.removeEventListener('abort', abort);
        originalCallback.apply(stream, args);
      };
    }
  }
  return cleanup;
}

function finishedPromise(stream, opts) {
  return new Promise((resolve, reject) => {
    eos(stream, opts, (err) => (err ? reject(err) : resolve()));
  });
}

eos.finished = finishedPromise;
module.exports = eos;
