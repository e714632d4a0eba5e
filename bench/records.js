'use strict';
// The record of the shared suite's clone_medium benchmark (../shared/bench/clone_medium.cjs),
// for the micro-benchmarks that measure the same shape piece by piece.
const BASE_TIME = Date.UTC(2024, 0, 1);
function record(id) {
  return { id, name: 'item-' + id, tags: ['alpha', 'beta', 'tag' + (id % 7)],
    nested: { x: id * 0.5, y: -id, flag: (id & 1) === 0, label: 'n' + (id % 13) },
    date: new Date(BASE_TIME + id * 1000) };
}
module.exports = { record };
