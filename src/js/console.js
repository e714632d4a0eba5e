'use strict';
// require('console'): the global console object (with .Console on it), as in Node.
module.exports = require('internal/console').console;
