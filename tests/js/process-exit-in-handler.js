// process.exit() inside 'exit' and code precedence; output before exit is kept.
// expect-exit: 2
process.on('exit', (code) => {
  console.log('exit', code);
  if (code === 5) process.exit(2);
});
process.stdout.write('written before exit\n');
setTimeout(() => console.log('not reached'), 100);
process.exit(5);
