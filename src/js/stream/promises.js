'use strict';
// stream/promises: pipeline() and finished() returning promises.

const { pipelineImpl } = require('internal/streams/pipeline');
const eos = require('internal/streams/end_of_stream');

function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let signal;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !require('internal/streams/utils').isNodeStream(last) &&
        typeof last[Symbol.asyncIterator] !== 'function' && typeof last[Symbol.iterator] !== 'function') {
      signal = streams.pop().signal; // the options argument (only its signal is used)
    }
    pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), { signal });
  });
}

function finished(stream, opts) {
  return eos.finished(stream, opts);
}

module.exports = { finished, pipeline };
