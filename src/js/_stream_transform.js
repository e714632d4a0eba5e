'use strict';
// node's deprecated alias of stream.Transform (old code requires it by this name)
module.exports = require('stream').Transform;
