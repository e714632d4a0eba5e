'use strict';
// The task piscina runs in its workers: tiny, so the pool's own costs dominate.
module.exports = ({ a, b }) => a + b;
