'use strict';
// node's deprecated alias of stream.Readable (old code requires it by this name)
module.exports = require('stream').Readable;
