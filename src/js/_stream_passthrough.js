'use strict';
// node's deprecated alias of stream.PassThrough (old code requires it by this name)
module.exports = require('stream').PassThrough;
