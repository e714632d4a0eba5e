'use strict';
// process.setuid() and kin (loaded on the first call). Arguments are checked and names looked
// up as node does (its ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_UNKNOWN_CREDENTIAL; in a
// worker ERR_WORKER_UNSUPPORTED_OPERATION), but the credentials are not changed: the C
// library changes them in every thread by signalling each one, and that signal breaks
// JavaScriptCore's signal-based thread suspension for its collector (measured: 3 crashes in
// 24 runs of a test that called setuid/setgid with two threads running JavaScript).
// ERR_SPINDLE_UNSUPPORTED is thrown instead, before anything changed.

const native = binding('process');
const { codes, validateArray, validateUint32 } = require('internal/errors');

function checkThread(name) {
  if (!binding('worker').isMainThread) throw new codes.ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
}

function validateId(id, name) {
  if (typeof id === 'number') validateUint32(id, name);
  else if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
}

// The numeric id of a user or group id or name; ERR_UNKNOWN_CREDENTIAL for an unknown name.
function lookup(id, group) {
  const n = native.lookupId(id, group);
  if (n === -1) throw new codes.ERR_UNKNOWN_CREDENTIAL(group ? 'Group' : 'User', id);
  return n;
}

function refuse(name) {
  throw new codes.ERR_SPINDLE_UNSUPPORTED(`process.${name}() (changing credentials in a process with several threads)`);
}

function idSetter(name, group) {
  return function (id) {
    checkThread(name);
    validateId(id, 'id');
    lookup(id, group);
    refuse(name);
  };
}

module.exports = {
  setuid: idSetter('setuid', false),
  setgid: idSetter('setgid', true),
  seteuid: idSetter('seteuid', false),
  setegid: idSetter('setegid', true),
  setgroups(groups) {
    checkThread('setgroups');
    validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    for (const group of groups) lookup(group, true);
    refuse('setgroups');
  },
  initgroups(user, extraGroup) {
    checkThread('initgroups');
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    if (typeof user === 'number' && native.userName(user) === null) throw new codes.ERR_UNKNOWN_CREDENTIAL('User', user);
    lookup(extraGroup, true);
    refuse('initgroups');
  },
};
