'use strict';
// What a thread makes of its process.execArgv (the CLI's options in the main thread; a
// worker's execArgv option, or its parent's execArgv by default, as node): the modules to
// preload (-r/--require) and the flags that set process properties. Loaded only when
// execArgv is not empty.

// The options that take a value (the next argument, or after '='), as node v20 parses
// them: read off node by giving each accepted option alone to a Worker.
const optionsWithValue = new Set((
  '--allow-fs-read --allow-fs-write --build-snapshot-config --conditions --cpu-prof-dir ' +
  '--cpu-prof-interval --cpu-prof-name --debug-port --diagnostic-dir --disable-warning ' +
  '--dns-result-order --env-file --env-file-if-exists --eval --experimental-default-type ' +
  '--experimental-loader --experimental-policy --heap-prof-dir --heap-prof-interval ' +
  '--heap-prof-name --heapsnapshot-near-heap-limit --heapsnapshot-signal --import --input-type ' +
  '--inspect-port --inspect-publish-uid --loader --max-http-header-size ' +
  '--network-family-autoselection-attempt-timeout --redirect-warnings --report-signal ' +
  '--require --test-concurrency --test-name-pattern --test-reporter ' +
  '--test-reporter-destination --test-shard --test-timeout --tls-keylog --trace-require-module ' +
  '--unhandled-rejections --watch --watch-path -C -e -r').split(' '));

// The process properties some flags set (node's names).
const flagProperties = {
  '--no-deprecation': 'noDeprecation',
  '--throw-deprecation': 'throwDeprecation',
  '--trace-deprecation': 'traceDeprecation',
  '--trace-warnings': 'traceProcessWarnings',
};

// { requires, flags, values, missing }: the preloads in order, the other options' names,
// their values (the last given), and the options given no value (node: "-r requires an
// argument"; as node's parser, an option that follows is no value). Options end at '--';
// an argument that is no option is skipped.
function parseExecArgv(execArgv) {
  const parsed = { requires: [], flags: new Set(), values: new Map(), missing: [] };
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    let value;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else if (optionsWithValue.has(name)) {
      if (i + 1 === execArgv.length || (execArgv[i + 1].startsWith('-') && execArgv[i + 1] !== '-')) {
        parsed.missing.push(name);
        continue;
      }
      value = execArgv[++i];
    }
    if (name === '-r' || name === '--require') {
      parsed.requires.push(value);
    } else {
      parsed.flags.add(name);
      if (value !== undefined) parsed.values.set(name, value);
    }
  }
  return parsed;
}

// Sets the flags' properties on the process object and the thread's unhandled-rejections
// mode; returns the modules to preload.
function applyExecArgv(proc, execArgv) {
  const { requires, flags, values } = parseExecArgv(execArgv);
  for (const flag of flags) {
    if (flagProperties[flag] !== undefined) proc[flagProperties[flag]] = true;
  }
  const mode = values.get('--unhandled-rejections');
  if (mode !== undefined) require('internal/process/task_queues').setUnhandledRejectionsMode(mode);
  return requires;
}

// NODE_OPTIONS split as node splits it (cli/main.c does the same for the process's): at
// spaces, except within double quotes, where a backslash takes the next character as it is;
// the options end at the first argument that is no option. null: an unterminated string.
function splitNodeOptions(text) {
  const args = [];
  let current = null;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' && !inString) {
      current = null;
      continue;
    }
    if (current === null) {
      current = args.length;
      args.push('');
    }
    if (c === '"') inString = !inString;
    else if (c === '\\' && inString && i + 1 < text.length) args[current] += text[++i];
    else args[current] += c;
  }
  if (inString) return null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') return args.slice(0, i);
    if (optionsWithValue.has(arg)) i++; // its value
  }
  return args;
}

module.exports = { parseExecArgv, applyExecArgv, splitNodeOptions };
