// process.exit(code) overrides process.exitCode, and no more JS runs after it.
// expect-exit: 6
process.exitCode = 3;
process.on('exit', (c) => console.log('exit', c, process.exitCode));
Promise.resolve().then(() => console.log('microtask before exit'));
process.nextTick(() => {
  console.log('tick');
  process.exit(6);
  console.log('after exit: not reached');
});
