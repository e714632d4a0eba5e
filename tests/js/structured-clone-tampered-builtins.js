// A program that replaces Math.floor, Math.imul or Array does not change what values
// clone to (the codec uses copies it took when it was set up), as in node.
const v = { n: 300, big: 1e10, arr: Array.from({ length: 100 }, (_, i) => i * 1000), s: 'abcdefghijklmnop', k: { x: 1 } };
const before = JSON.stringify(structuredClone(v));
const saved = { floor: Math.floor, imul: Math.imul, Array: globalThis.Array };
Math.floor = () => 0; Math.imul = () => 0; globalThis.Array = function () { return {}; };
let after;
try { after = JSON.stringify(structuredClone(v)); } catch (e) { after = 'threw ' + e.message; }
Math.floor = saved.floor; Math.imul = saved.imul; globalThis.Array = saved.Array;
console.log(before === after ? 'same clone after replacing Math.floor, Math.imul and Array' : 'changed: ' + after.slice(0, 80));
