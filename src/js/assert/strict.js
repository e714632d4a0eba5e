'use strict';
// require('assert/strict'): the strict variant of assert, same object as assert.strict.
module.exports = require('assert').strict;
