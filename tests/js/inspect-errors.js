// util.inspect of errors (stacks are set by hand: engines' frames differ).
const util = require('util');
const p = (...a) => console.log(...a);
const withStack = (e, frames = '\n    at f (x.js:1:1)\n    at g (x.js:2:2)') => {
  e.stack = `${e.name}: ${e.message}${frames}`; return e;
};
const e = withStack(new TypeError('bad thing')); e.extra = { deep: [1] };
p(e); p([e]); p({ nested: { e } });
const coded = withStack(new Error('with code')); coded.code = 'E_CODE'; p(coded);
p(withStack(new Error('outer', { cause: 'str cause' })));
p(withStack(new Error('outer2', { cause: withStack(new RangeError('inner')) })));
const noStack = new RangeError('ns'); noStack.stack = undefined; p(noStack, [noStack]);
const onlyHeader = new Error('hdr'); onlyHeader.stack = 'Error: hdr'; p(onlyHeader, { onlyHeader });
const named = withStack(new Error('m')); named.name = 'MyError'; p(named);
class CustomErr extends Error {} p(withStack(new CustomErr('cm')));
class NamedErr extends Error { constructor(m) { super(m); this.name = 'NamedErr'; } } p(withStack(new NamedErr('nm')));
const agg = withStack(new AggregateError([withStack(new Error('a1'))], 'agg')); p(agg);
const emptyMsg = withStack(new Error('')); p(emptyMsg);
const multi = withStack(new Error('line1\nline2')); p(multi);
p(util.inspect(withStack(new Error('in depth')), { compact: true }));
p(util.format('%s', withStack(new Error('fmt'))).split('\n')[0]);
const strStack = new Error('x'); strStack.stack = 'custom stack text'; p(strStack);
// The header of a real (engine-made) stack is Node's.
p(util.inspect(new Error('real')).split('\n')[0], util.inspect(new SyntaxError('s')).split('\n')[0]);
