'use strict';
// stream: node's stream classes (Readable, Writable, Duplex, Transform, PassThrough), their
// helpers (finished, pipeline, addAbortSignal, destroy, isReadable ...) and stream/promises.
// The module itself is the old Stream constructor, as node's. Not there: compose(),
// duplexPair(), the Readable iterator helpers (map, filter, toArray ...), web streams.

const { Stream } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const Duplex = require('internal/streams/duplex');
const { Transform, PassThrough } = require('internal/streams/transform');
const eos = require('internal/streams/end_of_stream');
const { pipeline } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add_abort_signal');
const { destroyer } = require('internal/streams/destroy');
const utils = require('internal/streams/utils');
const { Buffer } = require('buffer');

Stream.isDestroyed = utils.isDestroyed;
Stream.isDisturbed = utils.isDisturbed;
Stream.isErrored = utils.isErrored;
Stream.isReadable = utils.isReadable;
Stream.isWritable = utils.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.setDefaultHighWaterMark = utils.setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = utils.getDefaultHighWaterMark;
Object.defineProperty(Stream, 'promises', {
  configurable: true, enumerable: true,
  get() { return require('stream/promises'); },
});
Object.defineProperty(pipeline, require('util').promisify.custom, {
  enumerable: true,
  get() { return require('stream/promises').pipeline; },
});
Object.defineProperty(eos, require('util').promisify.custom, {
  enumerable: true,
  get() { return require('stream/promises').finished; },
});
Stream.Stream = Stream;
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._isUint8Array = (value) => value instanceof Uint8Array;
Stream._uint8ArrayToBuffer = (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

module.exports = Stream;
