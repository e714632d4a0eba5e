'use strict';
// date_per_message: a 'message' listener that reads a local-time field of a Date
// (getHours), per message, in one thread. JavaScriptCore drops its time-zone cache at
// every entry into the VM on Linux (it cannot tell when the zone changed), so the
// first local-time read of each callback rebuilds it (an ICU calendar); node keeps
// its cache. Prints one JSON line: ns per message with the read and without it.
const { MessageChannel } = require('worker_threads');
const N = 20000;

function run(withDate) {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    let n = 0, sum = 0, t0;
    port2.on('message', (m) => {
      if (n === 0) t0 = performance.now();
      if (withDate) sum += new Date(m).getHours();
      if (++n === N) {
        const ns = (performance.now() - t0) * 1e6 / N;
        port2.close();
        resolve(ns);
      }
    });
    for (let i = 0; i < N; i++) port1.postMessage(1.7e12 + i * 1000);
  });
}

(async () => {
  let best = [Infinity, Infinity];
  for (let r = 0; r < 3; r++) {
    best = [Math.min(best[0], await run(true)), Math.min(best[1], await run(false))];
  }
  console.log(JSON.stringify({ bench: 'date_per_message', with_gethours_ns: Math.round(best[0]), without_ns: Math.round(best[1]) }));
})();
