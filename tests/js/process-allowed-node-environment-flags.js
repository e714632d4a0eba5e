// process.allowedNodeEnvironmentFlags as node's: a frozen Set of NODE_OPTIONS' flags; has()
// takes them without dashes, with underscores or a value; add/delete/clear do nothing
// (mocha and other CLIs ask it which of their arguments are node's).
const flags = process.allowedNodeEnvironmentFlags;
for (const key of ['r', 'require', '--r', '---require', 'no-warnings', '--no_warnings=1', '-C', 'C', '--title',
  'title=x', '--Title', '', 1, undefined, '--expose_gc', 'expose_gc', '--harmony', '--inspect=9229', '-r=x',
  '--require x', '--max-old-space-size=4096', '--stack-trace-limit', '--trace-warnings', '--no-such-flag']) {
  console.log(JSON.stringify(key), flags.has(key));
}
console.log(flags instanceof Set, Object.isFrozen(flags), flags.constructor.name, flags === process.allowedNodeEnvironmentFlags);
flags.add('--made-up');
flags.delete('--no-warnings');
flags.clear();
console.log(flags.has('--made-up'), flags.has('--no-warnings'), flags.size > 200, [...flags].length > 200,
  [...flags].every((f) => f.startsWith('-')));
console.log(Object.keys(process).includes('allowedNodeEnvironmentFlags'));
process.allowedNodeEnvironmentFlags = 'replaced';
console.log(process.allowedNodeEnvironmentFlags);
