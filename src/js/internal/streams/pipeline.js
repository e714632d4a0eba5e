'use strict';
// pipeline(source, ...transforms, destination, callback): pipes each stream into the next,
// destroys them all on the first error, and calls back once the last one is done. A
// source may also be an iterable or async iterable (read through Readable.from), and a
// transform or the destination an async generator function taking the previous stage.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, ERR_STREAM_DESTROYED, ERR_INVALID_RETURN_VALUE },
  validateFunction,
} = require('internal/errors');
const eos = require('internal/streams/end_of_stream');
const { isNodeStream, isReadableNodeStream } = require('internal/streams/utils');
const { destroyer } = require('internal/streams/destroy');

function isIterable(obj) {
  return obj != null && (typeof obj[Symbol.asyncIterator] === 'function' || typeof obj[Symbol.iterator] === 'function');
}

function popCallback(streams) {
  const cb = streams[streams.length - 1];
  validateFunction(cb, 'streams[stream.length - 1]');
  return streams.pop();
}

function pipeline(...streams) {
  return pipelineImpl(streams, popCallback(streams));
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new ERR_MISSING_ARGS('streams');
  const Readable = require('internal/streams/readable');
  let error;
  let value;
  let finishCount = 0;
  const destroys = [];
  let called = false;

  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (final && !called) {
      called = true;
      process.nextTick(callback, error, value);
    }
  }
  function finish(err) { finishImpl(err, --finishCount === 0); }

  // each stream, done with or destroyed on error
  function track(stream, reading, writing) {
    let finished = false;
    finishCount++;
    eos(stream, { readable: reading, writable: writing }, (err) => {
      finished = !err;
      finish(err);
    });
    destroys.push((err) => {
      if (finished) return;
      finished = true;
      destroyer(stream, err || new ERR_STREAM_DESTROYED('pipe'));
    });
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal: opts && opts.signal });
        if (!isIterable(ret) && !isNodeStream(ret)) throw new ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or Stream', 'source', ret);
      } else if (isNodeStream(stream)) {
        ret = stream;
      } else if (isIterable(stream)) {
        ret = stream;
      } else {
        throw new ERR_INVALID_ARG_TYPE('source', ['Stream', 'Iterable', 'AsyncIterable', 'Function'], stream);
      }
      if (!isNodeStream(ret)) ret = Readable.from(ret, { objectMode: true });
      track(ret, reading, writing);
      continue;
    }
    if (typeof stream === 'function') {
      // an async generator stage: it reads the previous stage and yields what goes on
      const out = stream(ret, { signal: opts && opts.signal });
      if (!isIterable(out) && !(out && typeof out.then === 'function')) {
        throw new ERR_INVALID_RETURN_VALUE('AsyncIterable or Promise', 'destination', out);
      }
      if (reading) {
        ret = Readable.from(out, { objectMode: true });
        track(ret, true, false);
      } else {
        // the last stage: its value is the pipeline's
        finishCount++;
        Promise.resolve(isIterable(out) ? drain(out) : out).then((v) => { value = v; finish(null); }, finish);
      }
      continue;
    }
    if (!isNodeStream(stream)) throw new ERR_INVALID_ARG_TYPE(`streams[${i}]`, ['Stream', 'Function'], stream);
    if (isReadableNodeStream(ret)) {
      ret.pipe(stream, { end: true });
      // a source's error reaches the pipeline through its eos; the pipe itself must not re-throw it
    } else if (isIterable(ret)) {
      pump(ret, stream, finish);
    }
    track(stream, reading, writing);
    ret = stream;
  }
  return ret;
}

async function drain(iterable) {
  let last;
  for await (const v of iterable) last = v;
  return last;
}

async function pump(iterable, writable, finish) {
  try {
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await new Promise((resolve) => writable.once('drain', resolve));
    }
    writable.end();
  } catch (err) {
    finish(err);
  }
}

module.exports = { pipeline, pipelineImpl };
