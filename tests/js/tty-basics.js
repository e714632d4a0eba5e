// tty without a terminal (the runner's stdio are files and /dev/null): isatty(), the
// stream classes' argument checks and node's SystemError, the prototypes, and
// getColorDepth()/hasColors() over node's environment rules (they read only the env
// they are given). tests/cli/cli-tty.sh covers a real terminal.
'use strict';
const tty = require('tty');
const fs = require('fs');
const os = require('os');
const path = require('path');

console.log(Object.keys(tty), tty.isatty(0), tty.isatty(1), tty.isatty(-1), tty.isatty(1.5), tty.isatty('1'),
  tty.isatty(99), tty.isatty(2 ** 31));
console.log(process.stdout.isTTY, process.stdin.isTTY, process.stdout instanceof tty.WriteStream);
for (const fd of [1, 0, -1, 1.5, '1', 99]) {
  try {
    new tty.WriteStream(fd);
    console.log('made', fd);
  } catch (e) {
    console.log(e.name, e.code, e.message, Object.keys(e), e.info, e.errno, e.syscall, String(e));
  }
}
try { tty.ReadStream(0); } catch (e) { console.log('ReadStream', e.name, e.code); }


const W = tty.WriteStream.prototype;
console.log(Object.getOwnPropertyNames(W), Object.getOwnPropertyNames(tty.ReadStream.prototype), W.isTTY);
const envs = [{}, { TERM: 'xterm-256color' }, { TERM: 'xterm' }, { TERM: 'dumb' }, { TERM: 'screen' }, { TERM: 'linux' },
  { TERM: 'vt100' }, { TERM: 'xterm-kitty' }, { TERM: 'KONSOLE' }, { COLORTERM: 'truecolor' }, { COLORTERM: 'yes' },
  { TMUX: '1' }, { CI: '1' }, { CI: '1', GITHUB_ACTIONS: '1' }, { CI: '1', CI_NAME: 'codeship' }, { CI: '1', TRAVIS: '1' },
  { TEAMCITY_VERSION: '9.1.0' }, { TEAMCITY_VERSION: '8.0' }, { TERM_PROGRAM: 'iTerm.app' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1' }, { TERM_PROGRAM: 'Apple_Terminal' },
  { TERM_PROGRAM: 'HyperTerm' }, { FORCE_COLOR: '' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: 'true' }, { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: 'false' }, { NO_COLOR: '1', TERM: 'xterm' },
  { NODE_DISABLE_COLORS: '1' }, { TERM: 'con132x43' }, { TERM: 'rxvt-unicode' }, { TERM: 'rxvt-unicode-24bit' },
  { TERM: 'ansi' }, { TERM: 'mosh' }, { TERM: 'putty' }, { TERM: 'cygwin' }, { TERM: 'unknown' }];
console.log(envs.map((e) => W.getColorDepth.call({}, e)).join(' '));
console.log(envs.map((e) => [W.hasColors.call({}, e), W.hasColors.call({}, 256, e), W.hasColors.call({}, 2 ** 24, e)]
  .map(Number).join('')).join(' '));
for (const c of [1, 1.5, '16', -1, null]) {
  try { console.log('hasColors', W.hasColors.call({}, c, {})); } catch (e) { console.log(e.name, e.code, e.message); }
}
