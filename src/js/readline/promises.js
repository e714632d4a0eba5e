'use strict';
// readline/promises: the same Interface, with question() returning a promise.

const readline = require('readline');
const { codes } = require('internal/errors');

class Interface extends readline.InterfaceBase {
  question(query, options) {
    if (this.closed) return Promise.reject(new codes.ERR_USE_AFTER_CLOSE('readline'));
    const signal = options !== null && typeof options === 'object' ? options.signal : undefined;
    if (signal !== undefined) require('internal/errors').validateAbortSignal(signal, 'options.signal');
    if (signal !== undefined && signal.aborted) {
      const { AbortError } = require('internal/errors');
      return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
    }
    return new Promise((resolve) => super.question(query, resolve));
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, createInterface };
