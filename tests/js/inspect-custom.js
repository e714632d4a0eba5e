// util.inspect.custom hooks: arguments, return values, nesting.
const util = require('util');
const p = (...a) => console.log(...a);
p(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
const seen = [];
const custom = {
  [util.inspect.custom](depth, options, inspect) {
    seen.push([depth, typeof options.stylize, inspect === util.inspect, options.depth, options.colors]);
    return 'CUSTOM';
  },
};
p(custom, { custom }, [[custom]]);
p(seen);
p({ c: { [util.inspect.custom]() { return { replaced: true, n: [1, 2] }; } } });
p({ c: { [util.inspect.custom]() { return 'multi\nline'; } } });
p({ self: { [util.inspect.custom]() { return this; }, x: 1 } });
p({ num: { [util.inspect.custom]: () => 42 } });
const styled = { [util.inspect.custom](d, o) { return o.stylize('styled', 'special'); } };
p(util.inspect(styled), util.inspect(styled, { colors: true }));
p(util.inspect(custom, { customInspect: false }));
class Money { constructor(v) { this.v = v; } [util.inspect.custom](depth, opts, inspect) { return `Money<${inspect(this.v, opts)}>`; } }
p([new Money(5), new Money('x')], new Map([['m', new Money(1)]]));
p(util.inspect({ a: custom }, { depth: 0 }), util.inspect({ nested: { deeper: custom } }, { depth: 5 }));
const userOpt = { [util.inspect.custom](d, o) { return `user:${o.myOption}`; } };
p(util.inspect(userOpt, { myOption: 'yes' }));
