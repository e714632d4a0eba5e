// require('constants'): os.constants' dlopen/errno/priority/signals and fs.constants in one
// frozen table, values as node's (crypto.constants are OpenSSL's, which spindle has not).
'use strict';
const c = require('constants');
const cryptoKeys = new Set(Object.keys(require('crypto').constants));
const os = require('os');
const fs = require('fs');
const own = Object.keys(c).filter((k) => !cryptoKeys.has(k) && !/^(SSL_|OPENSSL_|RSA_|POINT_|ENGINE_|TLS1_|DH_|defaultC)/.test(k));
console.log(own.length, own.slice(0, 5), Object.isFrozen(c));
console.log(c.O_RDONLY, c.O_CREAT, c.S_IFMT, c.ENOENT, c.SIGTERM, c.PRIORITY_LOW, c.RTLD_NOW, c.COPYFILE_EXCL, c.UV_FS_O_FILEMAP);
console.log(own.every((k) => [os.constants.dlopen, os.constants.errno, os.constants.priority, os.constants.signals, fs.constants]
  .some((t) => t[k] === c[k])));
console.log(JSON.stringify(own.map((k) => [k, c[k]])));
