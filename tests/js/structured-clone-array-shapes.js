// Arrays of every shape keep their elements, holes, length and extra named
// properties through structuredClone (the codec's dense-array shortcut must only
// apply when the keys really are 0..length-1).
const cases = {
  dense: [1, 2, 3],
  hole: [1, , 3],
  named: Object.assign([1, 2, 3], { x: 1 }),
  holeAndNamed: Object.assign([1, , 3], { x: 1 }), // as many keys as length, not all indices
  onlyNamed: Object.assign([], { a: 1 }),
  sparseTail: (() => { const a = [1, 2]; a[5] = 6; a.y = 2; return a; })(),
  allHoles: new Array(5),
  undefinedValues: [undefined, undefined],
  big: Array.from({ length: 3000 }, (_, i) => i * 2),
  bigWithNamed: Object.assign(Array.from({ length: 3000 }, (_, i) => i), { tail: 'x' }),
};
for (const [name, value] of Object.entries(cases)) {
  const copy = structuredClone(value);
  const keys = Object.keys(copy);
  console.log(name, copy.length, keys.length, JSON.stringify(keys.slice(-3)),
    JSON.stringify(Object.entries(copy).slice(0, 4)), Object.keys(copy).every((k) => Object.is(copy[k], value[k])));
}
