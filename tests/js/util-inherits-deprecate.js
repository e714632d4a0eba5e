// util.inherits and util.deprecate (one warning per code).
const util = require('util');
const EventEmitter = require('events');
const p = (...a) => console.log(...a);
function Parent() {} Parent.prototype.hello = function () { return 'hi'; };
function Child() { Parent.call(this); }
util.inherits(Child, Parent);
p(new Child().hello(), Child.super_ === Parent, new Child() instanceof Parent, Object.keys(Child));
function Emitter() { EventEmitter.call(this); } util.inherits(Emitter, EventEmitter);
p(typeof new Emitter().on);
for (const [c, s] of [[null, Parent], [Child, null], [Child, {}], [Child, Object.create(null)]]) {
  try { util.inherits(c, s); } catch (e) { p(e.name, e.code, e.message); }
}
const warnings = [];
process.noProcessWarnings = true;
process.on('warning', (w) => warnings.push([w.name, w.message, w.code]));
const old = util.deprecate(function old(a) { return a + 1; }, 'old() is deprecated', 'DEP_TEST1');
const old2 = util.deprecate(() => 'x', 'second with same code', 'DEP_TEST1');
const nocode = util.deprecate(() => 'y', 'no code here');
p(old(1), old(2), old2(), nocode(), nocode());
class Base { constructor(v) { this.v = v; } }
const DepClass = util.deprecate(Base, 'class deprecated', 'DEP_CLASS');
p(new DepClass(3).v, new DepClass(4) instanceof Base);
try { util.deprecate('x'); } catch (e) { p(e.code); }
setTimeout(() => p(warnings), 1);
