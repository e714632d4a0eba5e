// emitWarning: the 'warning' event (async), its fields, and the options forms.
process.on('warning', (w) => {
  console.log('warning event:', w.name, w.message, w.code, w.detail, w instanceof Error);
});
process.emitWarning('plain message');
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('with code', 'CustomWarning', 'CODE1');
process.emitWarning('options', { type: 'OptWarning', code: 'CODE2', detail: 'some detail' });
const e = new Error('an error object');
e.name = 'ErrWarning';
process.emitWarning(e);
try { process.emitWarning(5); } catch (err) { console.log(err.code, err.message); }
console.log('sync done');
