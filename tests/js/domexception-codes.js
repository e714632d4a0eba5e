// DOMException: names, legacy codes, constants, Error-likeness, validation.
'use strict';
const e = new DOMException('could not clone', 'DataCloneError');
console.log(e.name, e.message, e.code, e instanceof Error, e instanceof DOMException, Object.prototype.toString.call(e));
console.log(Object.keys(e), Object.getOwnPropertyNames(e), String(e), e.stack.split('\n')[0]);
for (const name of ['IndexSizeError', 'HierarchyRequestError', 'InvalidCharacterError', 'NotFoundError', 'NotSupportedError',
  'InvalidStateError', 'SyntaxError', 'NamespaceError', 'InvalidAccessError', 'TypeMismatchError', 'SecurityError',
  'NetworkError', 'AbortError', 'URLMismatchError', 'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError',
  'DataCloneError', 'ValidationError', 'EncodingError', 'NotAllowedError', 'Whatever']) {
  console.log(name, new DOMException('m', name).code);
}
console.log(DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR, DOMException.INDEX_SIZE_ERR, e.TIMEOUT_ERR, DOMException.VALIDATION_ERR);
const d = new DOMException();
console.log(JSON.stringify(d.message), d.name, d.code);
const n = new DOMException(null, null);
console.log(JSON.stringify(n.message), n.name);
const withCause = new DOMException('x', { name: 'AbortError', cause: 'because' });
console.log(withCause.name, withCause.code, withCause.cause, 'cause' in new DOMException('x', {}), new DOMException('x', {}).name);
try { DOMException('x'); } catch (err) { console.log(err.name); }
try { DOMException.prototype.name; } catch (err) { console.log(err.name, err.code, err.message); }
console.log(Object.getPrototypeOf(DOMException) === Function.prototype, Object.getPrototypeOf(DOMException.prototype) === Error.prototype);
console.log(Object.getOwnPropertyDescriptor(DOMException, 'ABORT_ERR'), DOMException.length, DOMException.name);
try { throw new DOMException('thrown', 'NotFoundError'); } catch (err) { console.log(err.name, err.message); }
