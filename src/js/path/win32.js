'use strict';
// require('path/win32'): path.win32, as node's.
module.exports = require('path').win32;
