// Non-function listeners are rejected with ERR_INVALID_ARG_TYPE.
'use strict';
const EventEmitter = require('events');

const ee = new EventEmitter();
for (const method of ['on', 'addListener', 'once', 'prependListener', 'prependOnceListener', 'removeListener', 'off']) {
  for (const bad of [null, 1, 'str', {}]) {
    try {
      ee[method]('x', bad);
      console.log(method, 'accepted', bad);
    } catch (e) {
      console.log(method, e.name, e.code, e.message);
    }
  }
}
