'use strict';
// require('path/posix'): path.posix, as node's.
module.exports = require('path').posix;
