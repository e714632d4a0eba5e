'use strict';
// node's deprecated alias of stream.Writable (old code requires it by this name)
module.exports = require('stream').Writable;
