'use strict';
// require('process'): the process object itself, as node's.
module.exports = process;
