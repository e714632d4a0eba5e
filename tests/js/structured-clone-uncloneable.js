// structuredClone: which values node refuses, with DataCloneError and node's exact message,
// and the argument errors of structuredClone itself.
const t = (label, f) => { try { const r = f(); console.log(label, r); } catch (e) { console.log(label, 'THROW', e.name, e.constructor.name, e.code, JSON.stringify(e.message), e instanceof DOMException); } };
t('fn', () => structuredClone(function () {}));
t('arrow', () => structuredClone(() => 1));
t('namedfn', () => structuredClone({a: function foo(a, b) { return a+b; }}));
t('class', () => structuredClone(class A {}));
t('sym', () => structuredClone(Symbol('x')));
t('sym0', () => structuredClone(Symbol()));
t('promise', () => structuredClone(Promise.resolve()));
t('weakmap', () => structuredClone(new WeakMap));
t('weakset', () => structuredClone(new WeakSet));
t('weakref', () => structuredClone(new WeakRef({})));
t('symobj', () => structuredClone(Object(Symbol('q'))));
t('generator', () => structuredClone((function*(){})()));
t('args', () => structuredClone((function(){return arguments})(1,2)));
t('noarg', () => structuredClone());
t('undef', () => structuredClone(undefined));
t('opts null', () => structuredClone(1, null));
t('opts 1', () => structuredClone(1, 1));
t('opts str', () => structuredClone(1, 'x'));
