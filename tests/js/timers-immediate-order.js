// Immediates run in creation order with their args; ones added while running wait a turn.
const log = [];
for (let i = 0; i < 3; i++) setImmediate((x) => {
  log.push(`imm ${x}`);
  if (x === 1) setImmediate(() => log.push('added by 1'));
}, i);
const second = setImmediate(() => log.push('created before its clearer: runs'));
setImmediate(() => clearImmediate(second));
setImmediate(() => setImmediate(() => setImmediate(() => console.log(log.join('\n')))));
