// os.constants: signals, errno, priority, dlopen, with Node's values and key order.
const os = require('os');
const c = os.constants;
console.log(Object.keys(c));
console.log(c.signals);
console.log(Object.keys(c.errno).join(' '));
console.log(c.errno.ENOENT, c.errno.EACCES, c.errno.EEXIST, c.errno.EWOULDBLOCK);
console.log(c.priority, c.dlopen, c.UV_UDP_REUSEADDR);
console.log(Object.isFrozen(c.signals), Object.getPrototypeOf(c.signals));
