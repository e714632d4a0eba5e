'use strict';
// What stream code asks of a stream-like object, and the default high-water marks.

const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');

let defaultHighWaterMark = 16 * 1024;
let defaultObjectHighWaterMark = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjectHighWaterMark : defaultHighWaterMark;
}

function setDefaultHighWaterMark(objectMode, value) {
  require('internal/errors').validateInteger(value, 'value', 0);
  if (objectMode) defaultObjectHighWaterMark = value;
  else defaultHighWaterMark = value;
}

function getHighWaterMark(state, options, duplexKey, duplex) {
  const hwm = options == null ? null : options.highWaterMark != null ? options.highWaterMark :
    duplex ? options[duplexKey] : null;
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = duplex && options.highWaterMark == null ? `options.${duplexKey}` : 'options.highWaterMark';
      throw new ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return Math.floor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

let Duplex;
function isDuplex(stream) {
  Duplex ??= require('internal/streams/duplex');
  return stream instanceof Duplex;
}

function isReadableNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}
function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState || (obj._writableState && obj._writableState.writable !== false)));
}
function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}
function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const w = stream._writableState;
  const r = stream._readableState;
  const state = w || r;
  return !!(stream.destroyed || (state && state.destroyed));
}
function isReadable(stream) {
  if (stream && stream._readableState == null && typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  const r = stream._readableState;
  if (!r) return !!stream.readable;
  return !!(stream.readable !== false && !r.endEmitted && !(r.ended && r.length === 0));
}
function isWritable(stream) {
  if (stream && stream._writableState == null && typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  const w = stream._writableState;
  if (!w) return !!stream.writable;
  return !!(stream.writable !== false && !w.ended && !w.ending);
}
function isErrored(stream) {
  return !!(stream && (stream.errored || stream.readableErrored || stream.writableErrored ||
    (stream._readableState && stream._readableState.errored) || (stream._writableState && stream._writableState.errored)));
}
function isDisturbed(stream) {
  return !!(stream && (stream.readableDidRead || stream.readableAborted ||
    (stream._readableState && (stream._readableState.dataEmitted || stream._readableState.endEmitted))));
}

module.exports = {
  getDefaultHighWaterMark, setDefaultHighWaterMark, getHighWaterMark, isDuplex, isReadableNodeStream, isWritableNodeStream,
  isNodeStream, isDestroyed, isReadable, isWritable, isErrored, isDisturbed,
};
