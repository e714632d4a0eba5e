// events.on(): async iteration over events, buffering, break cleanup, error rejection.
'use strict';
const EventEmitter = require('events');
const { on } = EventEmitter;

(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => {
    ee.emit('data', 1);
    ee.emit('data', 2, 'b');
    ee.emit('data', 3);
  });
  const seen = [];
  for await (const args of on(ee, 'data')) {
    seen.push(args);
    if (seen.length === 3) break;
  }
  console.log(JSON.stringify(seen));
  console.log(ee.listenerCount('data'), ee.listenerCount('error'));

  // An 'error' event makes the iteration throw.
  const ee2 = new EventEmitter();
  process.nextTick(() => {
    ee2.emit('tick', 'a');
    ee2.emit('error', new Error('stream broke'));
  });
  try {
    for await (const [v] of on(ee2, 'tick')) console.log('tick', v);
  } catch (e) {
    console.log('caught', e.message);
  }
  console.log(ee2.listenerCount('tick'), ee2.listenerCount('error'));

  // return() ends the iterator; later next() calls are done.
  const ee3 = new EventEmitter();
  const it = on(ee3, 'x');
  ee3.emit('x', 'queued');
  console.log(JSON.stringify(await it.next()));
  console.log(JSON.stringify(await it.return()));
  console.log(JSON.stringify(await it.next()));
  console.log(typeof it[Symbol.asyncIterator], it[Symbol.asyncIterator]() === it);
})();
