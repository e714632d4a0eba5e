'use strict';
// A Worker's execArgv, checked as node v20 checks it: the options a worker may have are
// node's per-environment and per-isolate ones; per-process options (--title, --version,
// --icu-data-dir, ...), V8's (--max-old-space-size, --expose-gc, --stack-size, ...) and
// unknown ones throw ERR_WORKER_INVALID_EXEC_ARGV. Arguments that are no option (a value,
// or anything after `--`) are not checked, nor are the options' values. Loaded only for a
// Worker given execArgv. The list was read off node v20.20.2: every option of `node --help`
// and of process.allowedNodeEnvironmentFlags, tried in a Worker's execArgv.

const accepted = new Set((
  '--addons --allow-addons --allow-child-process --allow-fs-read --allow-fs-write --allow-wasi ' +
  '--allow-worker --build-snapshot --build-snapshot-config --check --conditions --cpu-prof ' +
  '--cpu-prof-dir --cpu-prof-interval --cpu-prof-name --debug-port --deprecation ' +
  '--diagnostic-dir --disable-warning --dns-result-order --enable-network-family-autoselection ' +
  '--enable-source-maps --env-file --env-file-if-exists --es-module-specifier-resolution --eval ' +
  '--experimental-abortcontroller --experimental-default-type --experimental-detect-module ' +
  '--experimental-eventsource --experimental-fetch --experimental-global-customevent ' +
  '--experimental-global-webcrypto --experimental-import-meta-resolve ' +
  '--experimental-json-modules --experimental-loader --experimental-modules ' +
  '--experimental-network-imports --experimental-network-inspection --experimental-permission ' +
  '--experimental-policy --experimental-print-required-tla --experimental-repl-await ' +
  '--experimental-report --experimental-require-module --experimental-specifier-resolution ' +
  '--experimental-test-coverage --experimental-test-module-mocks --experimental-top-level-await ' +
  '--experimental-vm-modules --experimental-wasi-unstable-preview1 --experimental-wasm-modules ' +
  '--experimental-websocket --experimental-worker --extra-info-on-fatal-exception ' +
  '--force-async-hooks-checks --force-context-aware --force-node-api-uncaught-exceptions-policy ' +
  '--frozen-intrinsics --global-search-paths --heap-prof --heap-prof-dir --heap-prof-interval ' +
  '--heap-prof-name --heapsnapshot-near-heap-limit --heapsnapshot-signal --http-parser --import ' +
  '--input-type --insecure-http-parser --inspect --inspect-brk --inspect-port ' +
  '--inspect-publish-uid --inspect-wait --interactive --loader --max-http-header-size ' +
  '--napi-modules --network-family-autoselection --network-family-autoselection-attempt-timeout ' +
  '--no-addons --no-allow-addons --no-allow-child-process --no-allow-wasi --no-allow-worker ' +
  '--no-deprecation --no-enable-source-maps --no-experimental-detect-module ' +
  '--no-experimental-eventsource --no-experimental-fetch --no-experimental-global-customevent ' +
  '--no-experimental-global-webcrypto --no-experimental-import-meta-resolve ' +
  '--no-experimental-network-imports --no-experimental-permission ' +
  '--no-experimental-print-required-tla --no-experimental-repl-await ' +
  '--no-experimental-require-module --no-experimental-shadow-realm --no-experimental-vm-modules ' +
  '--no-experimental-wasm-modules --no-experimental-websocket ' +
  '--no-extra-info-on-fatal-exception --no-force-async-hooks-checks --no-force-context-aware ' +
  '--no-force-node-api-uncaught-exceptions-policy --no-frozen-intrinsics ' +
  '--no-global-search-paths --no-heap-prof --no-insecure-http-parser --no-inspect ' +
  '--no-inspect-brk --no-inspect-wait --no-network-family-autoselection ' +
  '--no-pending-deprecation --no-preserve-symlinks --no-preserve-symlinks-main ' +
  '--no-report-exclude-network --no-report-on-signal --no-report-uncaught-exception ' +
  '--no-test-only --no-throw-deprecation --no-tls-max-v1.2 --no-tls-max-v1.3 --no-tls-min-v1.0 ' +
  '--no-tls-min-v1.1 --no-tls-min-v1.2 --no-tls-min-v1.3 --no-trace-atomics-wait ' +
  '--no-trace-deprecation --no-trace-exit --no-trace-promises --no-trace-sync-io --no-trace-tls ' +
  '--no-trace-uncaught --no-trace-warnings --no-track-heap-objects --no-verify-base-objects ' +
  '--no-warnings --no-watch --no-watch-preserve-output --pending-deprecation ' +
  '--preserve-symlinks --preserve-symlinks-main --print --prof-process --redirect-warnings ' +
  '--report-exclude-network --report-on-signal --report-signal --report-uncaught-exception ' +
  '--require --test --test-concurrency --test-force-exit --test-name-pattern --test-only ' +
  '--test-reporter --test-reporter-destination --test-shard --test-timeout --throw-deprecation ' +
  '--tls-keylog --tls-max-v1.2 --tls-max-v1.3 --tls-min-v1.0 --tls-min-v1.1 --tls-min-v1.2 ' +
  '--tls-min-v1.3 --trace-atomics-wait --trace-deprecation --trace-exit --trace-promises ' +
  '--trace-require-module --trace-sync-io --trace-tls --trace-uncaught --trace-warnings ' +
  '--track-heap-objects --unhandled-rejections --verify-base-objects --warnings --watch ' +
  '--watch-path --watch-preserve-output -C -c -e -i -p -r ' +
  '').trim().split(' '));

// The options node would refuse, as written (`--title=x` stays `--title=x`); when an
// option lacks its value, node reports only the first such ("-r requires an argument").
function invalidExecArgv(execArgv) {
  const { missing } = require('internal/process/exec_options').parseExecArgv(execArgv);
  if (missing.length > 0) {
    return [`${missing[0]} ${missing[0] === '--watch' ? 'requires specifying a file' : 'requires an argument'}`];
  }
  const invalid = [];
  for (const arg of execArgv) {
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!accepted.has(name)) invalid.push(arg);
  }
  return invalid;
}

module.exports = { invalidExecArgv };
