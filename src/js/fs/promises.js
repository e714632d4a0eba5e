'use strict';
// fs/promises: every function is async, so invalid arguments reject rather
// than throw (as in Node). The work is in internal/fs/promises.

const { impl, openHandle, FileHandle } = require('internal/fs/promises');
const { constants } = require('internal/fs/utils');

function opendir(path, options) { return require('internal/fs/dir').opendirPromise(path, options); }

// Node's key order (cp, lchmod and watch are not implemented yet).
const names = [
  'access', 'copyFile', 'open', 'opendir', 'rename', 'truncate', 'rm', 'rmdir', 'mkdir', 'readdir', 'readlink',
  'symlink', 'lstat', 'stat', 'statfs', 'link', 'unlink', 'chmod', 'lchown', 'chown', 'utimes', 'lutimes',
  'realpath', 'mkdtemp', 'writeFile', 'appendFile', 'readFile',
];

const promises = {};
for (const name of names) {
  const fn = name === 'open' ? openHandle : name === 'opendir' ? opendir : impl[name];
  promises[name] = { async [name](...args) { return fn(...args); } }[name];
}
promises.constants = constants;
Object.defineProperty(promises, 'FileHandle', { value: FileHandle, enumerable: false });

module.exports = promises;
