// util.types checks (and require('util/types')).
const util = require('util');
const types = require('util/types');
const p = (...a) => console.log(...a);
p(types === util.types);
const samples = {
  date: new Date(), regexp: /x/, map: new Map(), set: new Set(), weakmap: new WeakMap(), weakset: new WeakSet(),
  promise: Promise.resolve(), thenable: { then() {} }, u8: new Uint8Array(1), f64: new Float64Array(1),
  big64: new BigInt64Array(1), ab: new ArrayBuffer(1), dv: new DataView(new ArrayBuffer(1)),
  num: new Number(1), str: new String('s'), bool: new Boolean(true), sym: Object(Symbol('s')), bigint: Object(1n),
  err: new TypeError('t'), fakeErr: Object.create(Error.prototype), args: (function () { return arguments; })(),
  asyncFn: async () => {}, genFn: function* () {}, asyncGen: async function* () {}, fn: function () {},
  gen: (function* () {})(), mapIter: new Map().keys(), setIter: new Set().values(),
  plain: {}, arr: [], nul: null, prim: 1, fakeDate: Object.create(Date.prototype),
  taggedMap: { [Symbol.toStringTag]: 'Map' }, weakref: new WeakRef({}),
};
const checks = Object.keys(types).filter((k) => k.startsWith('is') && !['isExternal', 'isKeyObject', 'isCryptoKey', 'isModuleNamespaceObject', 'isFloat16Array'].includes(k)).sort();
for (const check of checks) {
  const hits = Object.keys(samples).filter((k) => types[check](samples[k]));
  p(check.padEnd(22), hits.join(' '));
}
p(util.isArray([]), util.isArray({}), util.types.isDate(new (class extends Date {})()));
