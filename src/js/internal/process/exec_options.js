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

// { requires, flags, missing }: the preloads in order, the other options' names, and the
// options given no value (node: "-r requires an argument"; as node's parser, an option
// that follows is no value). Options end at '--'; an argument that is no option is skipped.
function parseExecArgv(execArgv) {
  const parsed = { requires: [], flags: new Set(), missing: [] };
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
    if (name === '-r' || name === '--require') parsed.requires.push(value);
    else parsed.flags.add(name);
  }
  return parsed;
}

// Sets the flags' properties on the process object; returns the modules to preload.
function applyExecArgv(proc, execArgv) {
  const { requires, flags } = parseExecArgv(execArgv);
  for (const flag of flags) {
    if (flagProperties[flag] !== undefined) proc[flagProperties[flag]] = true;
  }
  return requires;
}

module.exports = { parseExecArgv, applyExecArgv };
