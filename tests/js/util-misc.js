// util helpers: stripVTControlCharacters, toUSVString, isDeepStrictEqual, legacy is* helpers, exports.
const util = require('util');
const p = (...a) => console.log(...a);
p(util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007'));
try { util.stripVTControlCharacters(1); } catch (e) { p(e.code); }
p(JSON.stringify(util.toUSVString('a\ud800b\udc00c\ud83d\ude00')));
p(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual({ a: 1 }, { a: '1' }),
  util.isDeepStrictEqual(new Set([1]), new Set([1])), util.isDeepStrictEqual([1], { 0: 1, length: 1 }));
p(util.isBoolean(true), util.isNumber(1), util.isString(''), util.isFunction(() => {}), util.isNull(null),
  util.isUndefined(undefined), util.isNullOrUndefined(null), util.isObject({}), util.isObject(null),
  util.isPrimitive(1), util.isPrimitive({}), util.isSymbol(Symbol()), util.isRegExp(/x/), util.isDate(new Date()),
  util.isError(new Error()));
p(util._extend({ a: 1 }, { b: 2 }));
p(['format', 'formatWithOptions', 'inspect', 'promisify', 'callbackify', 'inherits', 'deprecate', 'debuglog',
  'types', 'isDeepStrictEqual', 'stripVTControlCharacters', 'toUSVString'].map((k) => typeof util[k]).join());
p(typeof util.inspect.custom, typeof util.inspect.defaultOptions, require('node:util') === util);
const dbg = util.debuglog('spindle_test_section'); dbg('not printed'); p(dbg.enabled);
