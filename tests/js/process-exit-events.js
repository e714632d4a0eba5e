// 'beforeExit' can schedule more work, 'exit' gets the code and may change process.exitCode.
// expect-exit: 9
let rounds = 0;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code, rounds);
  if (rounds++ < 2) setTimeout(() => console.log('more work', rounds), 1);
  else process.exitCode = 4;
});
process.on('exit', (code) => {
  console.log('exit', code, process.exitCode);
  setTimeout(() => console.log('never'), 0);
  process.nextTick(() => console.log('never tick'));
  process.exitCode = 9;
});
process.on('exit', function (code) { console.log('second exit listener', code, this === process); });
console.log('main done');
