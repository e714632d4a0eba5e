// The seed example (examples/ping-pong.js), run verbatim: prints { pong: 'ping' } and exits 0.
require('../../examples/ping-pong.js');
