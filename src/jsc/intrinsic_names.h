/* The list of intrinsics.h, alone (no engine header): js2c reads it at build time to mark
 * which of them each builtin uses. At most 64 (a builtin's set is a 64-bit mask). */
#ifndef SP_INTRINSIC_NAMES_H
#define SP_INTRINSIC_NAMES_H

#define SP_INTRINSICS(X)                                                                            \
  X(Object) X(Function) X(Array) X(Number) X(Boolean) X(String) X(Symbol) X(BigInt) X(Date)       \
  X(RegExp) X(AggregateError) X(EvalError) X(RangeError) X(ReferenceError)               \
  X(SyntaxError) X(TypeError) X(URIError) X(Promise) X(Proxy) X(Reflect) X(JSON) X(Math) X(Map)   \
  X(Set) X(WeakMap) X(WeakSet) X(WeakRef) X(ArrayBuffer) X(DataView) X(Int8Array) X(Uint8Array)   \
  X(Uint8ClampedArray) X(Int16Array) X(Uint16Array) X(Int32Array) X(Uint32Array) X(Float32Array)  \
  X(Float64Array) X(BigInt64Array) X(BigUint64Array) X(Atomics) X(Intl) X(parseInt) X(parseFloat) \
  X(isNaN) X(isFinite) X(encodeURIComponent) X(decodeURIComponent) X(encodeURI) X(decodeURI)      \
  X(escape) X(unescape)

#define SP__INTRINSIC_ONE(name) +1
enum { SP_INTRINSIC_COUNT = 0 SP_INTRINSICS(SP__INTRINSIC_ONE) };

#endif
