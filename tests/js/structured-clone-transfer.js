// structuredClone transfer lists: detaching, duplicates, detached buffers, failure atomicity.
const t = (label, f) => { try { const r = f(); console.log(label, r); } catch (e) { console.log(label, 'THROW', e.name, e.constructor.name, e.code, JSON.stringify(e.message), e instanceof DOMException); } };
t('transfer 1', () => structuredClone(1, {transfer: 1}));
t('transfer obj', () => structuredClone(1, {transfer: {}}));
t('transfer [1]', () => structuredClone(1, {transfer: [1]}));
t('transfer [{}]', () => structuredClone(1, {transfer: [{}]}));
t('transfer null', () => structuredClone(1, {transfer: null}));
t('transfer undef', () => structuredClone(1, {transfer: undefined}));
const ab = new ArrayBuffer(8);
t('transfer dup', () => structuredClone(ab, {transfer: [ab, ab]}));
t('ab still', () => ab.byteLength);
const ab2 = new ArrayBuffer(8); structuredClone(ab2, {transfer:[ab2]});
t('transfer detached', () => structuredClone(ab2, {transfer: [ab2]}).byteLength);
t('clone detached', () => structuredClone(ab2));
t('clone detached view', () => { const a = new ArrayBuffer(4); const u = new Uint8Array(a); structuredClone(a,{transfer:[a]}); return structuredClone(u) });
const ab3 = new ArrayBuffer(8);
t('transfer then fn', () => structuredClone({ab3, f(){}}, {transfer: [ab3]}));
t('ab3 len', () => ab3.byteLength);
t('iterable transfer', () => structuredClone(1, {transfer: new Set([new ArrayBuffer(1)])}));
t('transfer string', () => structuredClone(1, {transfer: 'abc'}));
// a function is an object to node: options that are a function are read (no `transfer` here)
t('function as options', () => structuredClone(7, function options() {}));
const ab4 = new ArrayBuffer(4);
const withTransfer = Object.assign(() => {}, { transfer: [ab4] });
t('function options with transfer', () => structuredClone(ab4, withTransfer).byteLength);
t('ab4 len', () => ab4.byteLength);
