'use strict';
// require('sys'): util under its old name, with node's deprecation warning (DEP0025).
process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');
module.exports = require('util');
