// As node: querystring's parse, stringify, escape, unescape and unescapeBuffer give the same
// results for random inputs: query strings over an alphabet of separators, '=', '+', good and
// malformed escapes, non-ASCII and lone surrogates; separators and '=' of several characters
// (also overlapping ones, which node matches naively); maxKeys; custom decoders and encoders
// (some of them throwing); objects of every kind of value. Seeded: the same in both runtimes.
const qs = require('querystring');
let seed = 1;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const pieces = ['a', 'b', 'ab', '&', '=', '+', '%', '%41', '%4', '%zz', '%E2%82%AC', '%E2%82', '€', ';', ':', 'aa', '==',
  '&&', ' ', '%2B', '%26', '\uD800', '\uD83D\uDE00', 'x y', '%%', '0', '%c3%a9', '~', '*'];
const seps = [undefined, '', '&', ';', '&&', 'aa', 'ab', '==', 5, null];
const eqs = [undefined, '', '=', ':', '==', 'ab', 'a', null];
const text = (n) => { let s = ''; for (let i = 0; i < n; i++) s += pick(pieces); return s; };
const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x));
const out = [];
function attempt(label, f) {
  try { out.push(`${label} ${show(f())}`); } catch (e) { out.push(`${label} throws ${e.name} ${e.code}`); }
}
const decoders = [undefined, (s) => s.toUpperCase(), (s) => { if (s.includes('a')) throw new Error('no'); return `<${s}>`; }, decodeURIComponent];
const encoders = [undefined, (s) => `[${s}]`, (s) => { if (s.includes('b')) throw new Error('no'); return s; }, encodeURIComponent];
for (let i = 0; i < 400; i++) {
  const s = text(Math.floor(rnd() * 9));
  const sep = pick(seps), eq = pick(eqs);
  const options = rnd() < 0.4 ? { maxKeys: pick([0, 1, 2, 3, -1, 1000, NaN]), decodeURIComponent: pick(decoders) } : undefined;
  attempt(`parse ${show(s)} ${show(sep)} ${show(eq)} ${show(options && options.maxKeys)}`, () => qs.parse(s, sep, eq, options));
  if (i % 4 === 0) {
    attempt(`unescape ${show(s)}`, () => qs.unescape(s));
    attempt(`unescapeBuffer ${show(s)}`, () => [...qs.unescapeBuffer(s, rnd() < 0.5)]);
    attempt(`escape ${show(s)}`, () => qs.escape(s));
  }
}
const values = () => ['', 'x', 'a b', '€', '\uD800', 0, -0, 1.5, 1e21, 2e300, -1e21, NaN, Infinity, 10n, true, false, null, undefined,
  {}, [], ['p', 'q'], [1, [2]], Symbol.iterator, () => 1, new Date(0)];
for (let i = 0; i < 150; i++) {
  const obj = {};
  const n = Math.floor(rnd() * 4);
  for (let k = 0; k < n; k++) obj[pick(['a', 'b c', '€', '', '1', 'ab'])] = pick(values());
  const sep = pick(seps), eq = pick(eqs);
  const options = rnd() < 0.3 ? { encodeURIComponent: pick(encoders) } : undefined;
  attempt(`stringify ${Object.keys(obj).length} ${show(sep)} ${show(eq)}`, () => qs.stringify(obj, sep, eq, options));
}
for (const v of [5, 'str', null, undefined, true, 10n, {}, [1], { toString() { return 'o b'; } }]) attempt(`escape of ${typeof v}`, () => qs.escape(v));
console.log(out.join('\n'));
