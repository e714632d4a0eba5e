// structuredClone of plain data: objects, arrays (holes, extra props), getters, boxed
// primitives, Date, RegExp, Map, Set, null-prototype and class instances.
const t = (label, f) => { try { const r = f(); console.log(label, r); } catch (e) { console.log(label, 'THROW', e.name, e.constructor.name, e.code, JSON.stringify(e.message), e instanceof DOMException); } };
t('getter order', () => { const log=[]; const o = {get a(){log.push('a'); delete this.b; return 1}, b: 2, get c(){log.push('c'); return 3}}; const r = structuredClone(o); return JSON.stringify([r, log]); });
t('getter add', () => { const o = {get a(){ this.z = 5; return 1}}; return JSON.stringify(structuredClone(o)); });
t('holes', () => structuredClone([1,,3]));
t('arrprops', () => { const a=[1,2]; a.foo='x'; a[-1]=3; return structuredClone(a); });
t('sparse', () => { const a=[]; a.length=5; a[3]=1; return structuredClone(a); });
t('bigsparse', () => { const a=[]; a[1e6]=1; return structuredClone(a).length; });
t('nonenum', () => { const o={}; Object.defineProperty(o,'x',{value:1}); o[Symbol('s')] = 2; return structuredClone(o); });
class Foo { constructor(){ this.a=1; } get b(){return 2} }
t('class inst', () => { const r = structuredClone(new Foo); return [r, Object.getPrototypeOf(r) === Object.prototype]; });
t('nullproto', () => { const o = Object.create(null); o.x=1; const r = structuredClone(o); return [r, Object.getPrototypeOf(r) === Object.prototype]; });
t('regexp', () => { const r = /a+b/gimsuy; r.lastIndex = 3; const c = structuredClone(r); return [c, c.lastIndex, c.flags]; });
t('regexp d', () => structuredClone(/x/dv));
t('regexp prop', () => { const r=/x/; r.foo=1; return structuredClone(r).foo; });
t('date', () => { const d = new Date(12345); d.foo = 1; const c = structuredClone(d); return [c.getTime(), c.foo]; });
t('baddate', () => structuredClone(new Date(NaN)));
t('boxed', () => [structuredClone(Object(1)), structuredClone(Object('ab')), structuredClone(Object(false)), structuredClone(Object(10n))]);
t('boxprop', () => { const s = Object('ab'); s.x = 1; return structuredClone(s).x; });
t('-0', () => Object.is(structuredClone(-0), -0));
t('bigint', () => structuredClone(-123456789012345678901234567890123456789n));
t('map', () => { const m = new Map([[1,{a:1}],[{},2]]); m.foo = 1; return structuredClone(m); });
t('set', () => structuredClone(new Set([1,'a',{}])));
t('__proto__', () => { const o = JSON.parse('{"__proto__": {"x": 1}}'); const c = structuredClone(o); return [Object.keys(c), Object.getPrototypeOf(c) === Object.prototype, c.x]; });
// key order across objects of one shape and of others (the writer guesses the next key id)
t('key order', () => {
  const many = {}; for (let i = 0; i < 20; i++) many['k' + i] = i;
  const rev = {}; for (let i = 19; i >= 0; i--) rev['k' + i] = -i;
  const v = [{ a: 1, b: 2, c: 3 }, { c: 1, b: 2, a: 3 }, { b: 1, a: 2 }, many, rev, { a: 0, k19: 1, k0: 2 }, { a: 1, b: 2, c: 3 }];
  return JSON.stringify(structuredClone(v).map(Object.keys)) === JSON.stringify(v.map(Object.keys)) ? JSON.stringify(structuredClone(v)) : 'ORDER CHANGED';
});
t('array tail holes', () => { const a = [1, 2]; a.length = 4; const c = structuredClone(a); return [c.length, 2 in c, c]; });
t('nested clone in a getter', () => {
  const inner = { q: 1, r: 2, a: 3 };
  const o = { a: 1, b: 2, get c() { return structuredClone(inner); }, d: { a: 4, b: 5, c: 6 }, e: { c: 7, a: 8 } };
  return JSON.stringify(structuredClone([o, o.d, { a: 9, b: 10 }]));
});
