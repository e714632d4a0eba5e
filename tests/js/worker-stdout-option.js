// stdout: true: the worker's output is read from worker.stdout instead of going to the
// process's stdout; without it, worker console output reaches stdout directly.
const { Worker } = require('worker_threads');
const plain = new Worker('console.log("straight to stdout")', { eval: true });
plain.on('exit', () => {
  const w = new Worker('console.log("captured", 1); process.stdout.write("second\\n")', { eval: true, stdout: true });
  let text = '';
  w.stdout.setEncoding('utf8');
  w.stdout.on('data', (chunk) => { text += chunk; });
  w.stdout.on('end', () => {
    console.log('parent read:', JSON.stringify(text));
    orderAroundTheEnd(); // after this worker's output: the two do not race for stdout
  });
});

// the order around the end, as in node: the worker's 'exit', then stdout's 'end' and
// 'close', then stderr's (each stream ends on a later tick than the data it carried)
function orderAroundTheEnd() {
  const w = new Worker('console.log("o"); console.error("e")', { eval: true, stdout: true, stderr: true });
  const order = [];
  for (const [name, stream] of [['stdout', w.stdout], ['stderr', w.stderr]]) {
    stream.on('data', () => order.push(name + ' data'));
    stream.on('end', () => order.push(name + ' end'));
    stream.on('close', () => order.push(name + ' close'));
  }
  w.on('exit', () => {
    order.push('exit');
    setTimeout(() => console.log(order.filter((x) => !x.endsWith('data')).join(', ')), 20);
  });
}
