// Buffer's custom inspect: hex bytes, the 50-byte cut, extra properties.
'use strict';
const util = require('util');
console.log(Buffer.from('hello'));
console.log(Buffer.alloc(0));
console.log(Buffer.alloc(51, 1));
console.log(Buffer.alloc(60));
const b = Buffer.from('ab');
b.extra = 1;
console.log(b);
console.log([Buffer.from([1, 2])], { buf: Buffer.from('x') });
console.log(util.inspect(Buffer.from('xyz')), `${util.format('%o', Buffer.from('a'))}`.length > 0);
require('buffer').INSPECT_MAX_BYTES = 2;
console.log(Buffer.from('abcd'));
