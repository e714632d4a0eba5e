// Cycles: the second module sees the first one's partial exports.
const a = require('../fixtures/modules/cycle/a');
const b = require('../fixtures/modules/cycle/b');
console.log(JSON.stringify(a));
console.log(JSON.stringify(b));
