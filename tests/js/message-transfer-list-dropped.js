// The transfer list is read before the message is walked, and what it names moves once the
// walk is done. User code runs in between (a getter in the message): if it empties the list
// array and nothing else holds the buffer or port, the engine may collect them meanwhile.
// They must still be transferred (spindle kept them only as pointers: the collector freed
// them and the transfer then used freed objects: bogus errors or a crash).
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
let sink = 0;
function churn() {
  for (let round = 0; round < 30; round++) {
    const junk = [];
    for (let i = 0; i < 20000; i++) junk.push({ list: [i], label: 'junk ' + i });
    sink += junk.length;
  }
}

const results = [];
for (let k = 0; k < 20; k++) {
  const list = [new ArrayBuffer(64 + k), new MessageChannel().port1];
  const message = {
    first: k,
    get dropper() {
      list.length = 0;
      churn();
      return 'dropped';
    },
    last: 'end',
  };
  try {
    port1.postMessage(message, list);
  } catch (e) {
    results.push(`${k}: threw ${e.name}: ${e.message}`);
    continue;
  }
  const got = receiveMessageOnPort(port2).message;
  results.push(`${k}: ${got.first} ${got.dropper} ${got.last}`);
}
churn();
console.log(results.join('\n'));
console.log('allocated:', sink);
port1.close();
