'use strict';
// stream/consumers: a stream (or any async iterable of strings and bytes) read to its end
// as one Buffer, ArrayBuffer, string or JSON value.

const { codes } = require('internal/errors');

async function buffer(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

async function arrayBuffer(stream) {
  const bytes = await buffer(stream);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function text(stream) {
  const decoder = new TextDecoder();
  let out = '';
  for await (const chunk of stream) out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

// spindle has no Blob yet
async function blob() {
  throw new codes.ERR_SPINDLE_UNSUPPORTED('stream/consumers blob() (Blob)');
}

module.exports = { arrayBuffer, blob, buffer, text, json };
