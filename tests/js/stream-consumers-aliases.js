// stream/consumers reads a stream to its end (bytes, strings split inside a UTF-8 character,
// object chunks as JSON text), and the deprecated _stream_* names are node's stream classes.
const { Readable } = require('stream');
const consumers = require('stream/consumers');
const euro = Buffer.from('€');
const parts = () => Readable.from([Buffer.from('{"a": "x'), euro.subarray(0, 1), euro.subarray(1), Buffer.from('"}')]);
(async () => {
  console.log(Object.keys(consumers).sort().join(' '));
  console.log(await consumers.text(parts()));
  console.log(await consumers.json(parts()));
  const b = await consumers.buffer(Readable.from(['ab', Buffer.from('cd')]));
  console.log(Buffer.isBuffer(b), b.toString());
  const ab = await consumers.arrayBuffer(Readable.from([Buffer.from('xyz')]));
  console.log(ab instanceof ArrayBuffer, ab.byteLength, Buffer.from(ab).toString());
  async function* gen() { yield 'plain '; yield 'iterable'; }
  console.log(await consumers.text(gen()));
  const stream = require('stream');
  console.log(require('_stream_readable') === stream.Readable, require('_stream_writable') === stream.Writable,
    require('_stream_duplex') === stream.Duplex, require('_stream_transform') === stream.Transform,
    require('_stream_passthrough') === stream.PassThrough, require('node:stream/consumers') === consumers);
})();
