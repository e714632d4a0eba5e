'use strict';
// PLACEHOLDER console: replaced by the full console implementation.
const { format } = require('internal/util/inspect');
const console = {
  log(...args) { process._writeStdio(1, `${format(...args)}\n`); },
  error(...args) { process._writeStdio(2, `${format(...args)}\n`); },
};
console.info = console.log;
console.warn = console.error;
module.exports = { console };
