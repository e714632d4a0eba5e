'use strict';
// require('constants'): node's old flat table (deprecated in its docs, still used by
// graceful-fs and others): os.constants' dlopen, errno, priority and signals, then
// fs.constants and crypto.constants, frozen.
const os = require('os');
const fs = require('fs');
const { constants: cryptoConstants } = require('crypto');

const { dlopen, errno, priority, signals } = os.constants;
module.exports = Object.freeze(Object.assign({}, dlopen, errno, priority, signals, fs.constants, cryptoConstants));
