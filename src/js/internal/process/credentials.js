'use strict';
// process.setuid() and kin (loaded on the first call). They change the whole process's
// credentials, so, as node, only the main thread may: a worker gets
// ERR_WORKER_UNSUPPORTED_OPERATION. An id is a number or a user/group name.

const native = binding('process');
const { codes, validateArray, validateUint32 } = require('internal/errors');

function checkThread(name) {
  if (!binding('worker').isMainThread) throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
}

function validateId(id, name) {
  if (typeof id === 'number') validateUint32(id, name);
  else if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
}

function unknown(type, id) {
  return new codes.ERR_UNKNOWN_CREDENTIAL(type, id);
}

// which: the system call's index in C (setuid, setgid, seteuid, setegid)
function idSetter(name, which, type) {
  return function (id) {
    checkThread(name);
    validateId(id, 'id');
    if (native.setId(which, id) === 1) throw unknown(type, id);
  };
}

module.exports = {
  setuid: idSetter('setuid', 0, 'User'),
  setgid: idSetter('setgid', 1, 'Group'),
  seteuid: idSetter('seteuid', 2, 'User'),
  setegid: idSetter('setegid', 3, 'Group'),
  setgroups(groups) {
    checkThread('setgroups');
    validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    const unknownAt = native.setGroups(groups);
    if (unknownAt > 0) throw unknown('Group', groups[unknownAt - 1]);
  },
  initgroups(user, extraGroup) {
    checkThread('initgroups');
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    const result = native.initGroups(user, extraGroup);
    if (result === 1) throw unknown('User', user);
    if (result === 2) throw unknown('Group', extraGroup);
  },
};
