'use strict';
// node's deprecated alias of stream.Duplex (old code requires it by this name)
module.exports = require('stream').Duplex;
