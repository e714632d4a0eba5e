/* Structured clone with the JSC C API (see clone.h for the contract and
 * core/wire.h for the format).
 *
 * Where the work happens. Every C API call takes the engine lock, and a
 * C-driven walk needs dozens of calls per object (measured: ~250 per record
 * of the clone_medium benchmark, a third of the time in locking alone). So
 * the walk is JS: a per-VM codec (`write`/`read` in helpers_src, JIT-compiled
 * like any script) turns a value into the wire bytes and back, through a
 * staging Uint8Array whose bytes pointer C holds. C keeps what needs its
 * state or the C API: the transfer list, ArrayBuffers (shared, moved, large
 * ones, and all of them when a transfer list is in play) and their views,
 * MessagePorts, the side table and validation
 * (sp_wire_check runs before any read). The codec calls small natives for
 * those (nat_*), which append the staged bytes first so the stream stays in
 * order. The bytes are exactly what the C writer used to produce.
 *
 * How values are classified: only through public means (no engine internals).
 * Arrays by Array.isArray, plain objects by Object.prototype.toString plus
 * their prototype being Object.prototype; anything else asks C (ArrayBuffer,
 * typed array, port, Date) and then one JS helper (`entries`) that reads the
 * builtin tag and confirms it with a brand check that cannot succeed on an
 * impostor (RegExp source getter, Map size getter, valueOf of the wrapper
 * ...). Known gaps against V8: a Proxy is cloned through its traps (JS cannot
 * see one), a builtin whose Symbol.toStringTag was redefined is cloned as a
 * plain object, and an ArrayBuffer or MessagePort whose prototype was set to
 * Object.prototype is taken for a plain object.
 *
 * Per-VM state. The codec and a few intrinsics with no C API (Map
 * iteration, RegExp flags, ArrayBuffer.prototype.transfer, DataView) are
 * captured once per VM into one protected object, so later changes to the
 * builtins do not affect cloning. It is found through a thread-local pointer
 * (a thread runs one realm at a time) that is checked against the context's
 * global object; sp_clone_realm_forget drops it when the realm ends (its VM
 * may serve a next realm: mod_worker), the holder's finalizer when the VM goes.
 * A clone started inside a getter or setter of an outer one (same thread) gets
 * its own staging array and codec state.
 *
 * GC safety. The codec numbers objects in a JS Map, which keeps them alive
 * for the walk (no address reuse, no false back-references).
 *
 * Buffers are never pinned (JSObjectGetArrayBufferBytesPtr on a user buffer
 * would make its later transfer() copy and leave it attached): the engine
 * copies their bytes, into the codec's stage (small ones), into a wrapped
 * spindle block (large ones) or into a slice C then reads. Only the codec's
 * own staging arrays are pinned. */
#include "jsc/clone.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsc/agent.h"
#include "jsc/intrinsics.h"
#include "jsc/js.h"
#include "jsc/jsc_private.h"

static const sp_clone_port_hooks_t *port_hooks;
static const sp_clone_shared_hooks_t *shared_hooks;
static const sp_clone_fd_hooks_t *fd_hooks;
void sp_clone_set_port_hooks(const sp_clone_port_hooks_t *h) { port_hooks = h; }
void sp_clone_set_shared_hooks(const sp_clone_shared_hooks_t *h) { shared_hooks = h; }
void sp_clone_set_fd_hooks(const sp_clone_fd_hooks_t *h) { fd_hooks = h; }

/* ---- per-VM helpers ---------------------------------------------------------- */
static const char helpers_src[] =
    "(function (N" SP_INTRINSIC_PARAMS ") {\n"
    "'use strict';\n"
    "var apply = Reflect.apply, gopd = Object.getOwnPropertyDescriptor, define = Object.defineProperty;\n"
    "var mapForEach = Map.prototype.forEach, setForEach = Set.prototype.forEach;\n"
    "var objToString = Object.prototype.toString, fnToString = Function.prototype.toString;\n"
    "var symToString = Symbol.prototype.toString, hasOwn = Object.prototype.hasOwnProperty;\n"
    "var isArray = Array.isArray, getProto = Object.getPrototypeOf, Str = String;\n"
    "var reSource = gopd(RegExp.prototype, 'source').get, reFlags = gopd(RegExp.prototype, 'flags').get;\n"
    "var dvBuffer = gopd(DataView.prototype, 'buffer').get, dvOffset = gopd(DataView.prototype, 'byteOffset').get,\n"
    "    dvLength = gopd(DataView.prototype, 'byteLength').get;\n"
    "var abDetached = gopd(ArrayBuffer.prototype, 'detached');\n"
    "abDetached = abDetached && abDetached.get;\n"
    "var lent = new WeakMap(); /* ArrayBuffer -> id of the spindle block it wraps */\n"
    "var abSlice = ArrayBuffer.prototype.slice, abTransfer = ArrayBuffer.prototype.transfer;\n"
    "var abResizable = gopd(ArrayBuffer.prototype, 'resizable'), abMax = gopd(ArrayBuffer.prototype, 'maxByteLength');\n"
    "abResizable = abResizable && abResizable.get; abMax = abMax && abMax.get;\n"
    "var abResize = ArrayBuffer.prototype.resize, ABCtor = ArrayBuffer, U8 = Uint8Array;\n"
    "var TAProto = getProto(Uint8Array.prototype), taSet = TAProto.set, taAt = TAProto.at,\n"
    "    taLength = gopd(TAProto, 'length').get, taTag = gopd(TAProto, Symbol.toStringTag).get,\n"
    "    taBuffer = gopd(TAProto, 'buffer').get, taOffset = gopd(TAProto, 'byteOffset').get,\n"
    "    taByteLength = gopd(TAProto, 'byteLength').get, ABProto = ArrayBuffer.prototype;\n"
    "function isResizable(b) { return !!abResizable && apply(abResizable, b, []); }\n"
    "var errorNames = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];\n"
    "var errorCtors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];\n"
    "var marked = new WeakSet(), wsHas = WeakSet.prototype.has, wsAdd = WeakSet.prototype.add;\n"
    "/* WebAssembly.Module -> a copy of the bytes it was compiled from (recorded by the realm's\n"
    " * WebAssembly wrappers, internal/wasm): a module travels as its bytes, compiled again by\n"
    " * the reader (JavaScriptCore cannot share compiled code between VMs). The other WebAssembly\n"
    " * objects are uncloneable, told apart by a getter of theirs that checks its receiver. */\n"
    "var wasmBytes = new WeakMap(), wmGet = WeakMap.prototype.get, wmSet = WeakMap.prototype.set;\n"
    "/* read on first need: the realm installs its WebAssembly wrappers on the global's first read */\n"
    "var Wasm, WasmModule, wasmModuleExports, wasmBrands;\n"
    "function haveWasm() {\n"
    "  if (Wasm === undefined) {\n"
    "    Wasm = typeof WebAssembly === 'object' ? WebAssembly : null;\n"
    "    if (Wasm === null) return false;\n"
    "    WasmModule = Wasm.Module; wasmModuleExports = Wasm.Module.exports;\n"
    "    wasmBrands = [\n"
    "      ['[object WebAssembly.Instance]', gopd(Wasm.Instance.prototype, 'exports').get],\n"
    "      ['[object WebAssembly.Memory]', gopd(Wasm.Memory.prototype, 'buffer').get],\n"
    "      ['[object WebAssembly.Table]', gopd(Wasm.Table.prototype, 'length').get],\n"
    "      ['[object WebAssembly.Global]', Wasm.Global.prototype.valueOf],\n"
    "    ];\n"
    "  }\n"
    "  return Wasm !== null;\n"
    "}\n"
    "function wasmClass(o, tag) {\n"
    "  if (tag === '[object WebAssembly.Module]') {\n"
    "    try { apply(wasmModuleExports, undefined, [o]); } catch (e) { return 0; }\n"
    "    return apply(wmGet, wasmBytes, [o]) !== undefined ? 11 : 10;\n"
    "  }\n"
    "  for (var i = 0; i < wasmBrands.length; i++) {\n"
    "    if (wasmBrands[i][0] === tag) { try { apply(wasmBrands[i][1], o, []); return 10; } catch (e) { return 0; } }\n"
    "  }\n"
    "  return 0;\n"
    "}\n"
    "var hidden = { value: undefined, writable: true, enumerable: false, configurable: true };\n"
    "var open = { value: undefined, writable: true, enumerable: true, configurable: true };\n"
    "function ctorName(v) {\n"
    "  var d, o = v, depth = 0;\n"
    "  while (o !== null && depth++ < 1000) {\n"
    "    d = gopd(o, 'toString');\n"
    "    if (d) break;\n"
    "    o = getProto(o);\n"
    "  }\n"
    "  if (!d || d.value !== objToString) return '';\n"
    "  for (o = v, depth = 0; o !== null && depth++ < 1000; o = getProto(o)) {\n"
    "    d = gopd(o, 'constructor');\n"
    "    if (d) return d.value && typeof d.value === 'function' && typeof d.value.name === 'string' ? d.value.name : '';\n"
    "  }\n"
    "  return '';\n"
    "}\n"
    "var keys = Object.keys, mapSize = gopd(Map.prototype, 'size').get, setSize = gopd(Set.prototype, 'size').get;\n"
    "var numValueOf = Number.prototype.valueOf, strValueOf = String.prototype.valueOf;\n"
    "var boolValueOf = Boolean.prototype.valueOf, bigValueOf = BigInt.prototype.valueOf;\n"
    "var mapEntries = function (m) { var a = [], i = 0; apply(mapForEach, m, [function (v, k) { a[i++] = k; a[i++] = v; }]); return a; };\n"
    "var setValues = function (s) { var a = [], i = 0; apply(setForEach, s, [function (v) { a[i++] = v; }]); return a; };\n"
    "var MapCtor = Map, SetCtor = Set, mapSetFn = Map.prototype.set, setAddFn = Set.prototype.add, DV = DataView;\n"
    "var propIsEnum = Object.prototype.propertyIsEnumerable;\n"
    "/* captured like the rest, so a program that replaces them does not change what clones to */\n"
    "var ArrayCtor = Array, floor = Math.floor, imul = Math.imul;\n"
    "/* `f.call(o)` and `s.charCodeAt(i)` are calls the JIT inlines: 4 ns against 23 for\n"
    " * Reflect.apply, which allocates its argument list, and 14x faster in the string loops than\n"
    " * a captured charCodeAt applied. So the codec takes them while they still reach the\n"
    " * builtins captured here (checked once per message, `intact`), and goes through apply or C\n"
    " * when a program has replaced one. */\n"
    "var fnCall = Function.prototype.call, StrProto = String.prototype, cca = StrProto.charCodeAt;\n"
    "function callsIntact() {\n"
    "  return objToString.call === fnCall && dateGetTime.call === fnCall && hasOwn.call === fnCall &&\n"
    "    StrProto.charCodeAt === cca;\n"
    "}\n"
    "var LARGE_ARRAY = 64;\n"
    "function isIndexKey(k) { var x = +k; return (x >>> 0) === x && x !== 4294967295 && '' + x === k; }\n"
    "/* An enumerable index key of p (Object.keys lists integer indices first). Only enumerable\n"
    " * ones matter below: for-in lists no non-enumerable inherited key. keys() of a prototype\n"
    " * with no enumerable property is cached by the engine (~15 ns; getOwnPropertyNames of\n"
    " * Array.prototype made its ~40 names: 1.2 us per large array). */\n"
    "function hasIndexKey(p) { var n = keys(p); return n.length > 0 && isIndexKey(n[0]); }\n"
    "/* A large array's named keys without Object.keys, which makes a string per index (2x\n"
    " * slower). for-in lists own enumerable indices first, ascending, so its len-th key is\n"
    " * len-1 only when every index 0..len-1 is there and enumerable; the keys after them are\n"
    " * the named ones, then inherited ones (dropped). Only for an array whose chain is exactly\n"
    " * Array.prototype, Object.prototype, without enumerable index properties (an inherited one\n"
    " * could fill a hole's place in the count); null when the shape does not fit (holes, a\n"
    " * non-enumerable index ...): Object.keys decides then. */\n"
    "function largeArrayNamedKeys(o, len) {\n"
    "  if (getProto(o) !== ArrayProto || getProto(ArrayProto) !== ObjectProto || hasIndexKey(ArrayProto) ||\n"
    "      hasIndexKey(ObjectProto)) return null;\n"
    "  var seen = 0, last = '' + (len - 1), named = [], key;\n"
    "  for (key in o) {\n"
    "    if (++seen < len) continue;\n"
    "    if (seen === len) { if (key !== last) return null; continue; }\n"
    "    if (apply(propIsEnum, o, [key])) named[named.length] = key;\n"
    "  }\n"
    "  return seen < len ? null : named;\n"
    "}\n"
    "/* a class code, or 0 for an object cloned as a plain one */\n"
    "function classOf(o) {\n"
    "  var tag = apply(objToString, o, []);\n"
    "  if (tag !== '[object Object]') {\n"
    "    switch (tag) {\n"
    "    case '[object RegExp]': try { apply(reSource, o, []); return 1; } catch (e) {} break;\n"
    "    case '[object Map]': try { apply(mapSize, o, []); return 2; } catch (e) {} break;\n"
    "    case '[object Set]': try { apply(setSize, o, []); return 3; } catch (e) {} break;\n"
    "    case '[object Error]': return 4;\n"
    "    case '[object DataView]': try { apply(dvBuffer, o, []); return 5; } catch (e) {} break;\n"
    "    case '[object Number]': try { apply(numValueOf, o, []); return 6; } catch (e) {} break;\n"
    "    case '[object String]': try { apply(strValueOf, o, []); return 7; } catch (e) {} break;\n"
    "    case '[object Boolean]': try { apply(boolValueOf, o, []); return 8; } catch (e) {} break;\n"
    "    case '[object BigInt]': try { apply(bigValueOf, o, []); return 9; } catch (e) {} break;\n"
    "    case '[object Symbol]': case '[object Promise]': case '[object WeakMap]': case '[object WeakSet]':\n"
    "    case '[object WeakRef]': case '[object FinalizationRegistry]': case '[object Generator]':\n"
    "    case '[object AsyncGenerator]': case '[object Arguments]': return 10;\n"
    "    default: if (tag.length > 20 && tag.charCodeAt(8) === 87 && haveWasm()) return wasmClass(o, tag); /* 'W' */\n"
    "    }\n"
    "  }\n"
    "  return 0;\n"
    "}\n"
    "/* a plain object's own enumerable [key, value, ...] (when calls are not intact) */\n"
    "function ownEntries(o) {\n"
    "  var k = keys(o), n = k.length, a = new ArrayCtor(2 * n), j = 0, key, v;\n"
    "  for (var i = 0; i < n; i++) {\n"
    "    key = k[i]; v = o[key];\n"
    "    if (v === undefined && !apply(hasOwn, o, [key])) continue;\n"
    "    a[j++] = key; a[j++] = v;\n"
    "  }\n"
    "  if (j !== 2 * n) a.length = j;\n"
    "  return a;\n"
    "}\n"
    "function errorInfo(e) {\n"
    "  var name = e.name, kind = 0, flags = 0, message, stack, cause, d;\n"
    "  for (var i = 1; i < 7; i++) if (name === errorNames[i]) kind = i;\n"
    "  d = gopd(e, 'message');\n"
    "  if (d && hasOwn.call(d, 'value')) { flags |= 1; message = Str(d.value); }\n"
    "  stack = e.stack;\n"
    "  if (typeof stack === 'string') flags |= 2;\n"
    "  if (hasOwn.call(e, 'cause')) { flags |= 4; cause = e.cause; }\n"
    "  return [kind, flags, message, stack, cause];\n"
    "}\n"
    "function makeError(kind, flags, message, stack) {\n"
    "  var e = new errorCtors[kind]();\n"
    "  delete e.line; delete e.column; delete e.sourceURL; delete e.stack;\n"
    "  hidden.value = flags & 2 ? stack : undefined; define(e, 'stack', hidden);\n"
    "  if (flags & 1) { hidden.value = message; define(e, 'message', hidden); }\n"
    "  hidden.value = undefined;\n"
    "  return e;\n"
    "}\n"
    "function regexp(r) { return [apply(reSource, r, []), apply(reFlags, r, [])]; }\n"
    "function defineHidden(o, k, v) { hidden.value = v; define(o, k, hidden); hidden.value = undefined; }\n"
    "function defineOpen(o, k, v) { open.value = v; define(o, k, open); open.value = undefined; }\n"
    "/* ---- codec: plain data is written and read here; C only moves bytes, buffers and ports ----\n"
    " * Tag bytes are core/wire.h's SP_WIRE_TAG_* values (0x0b OBJECT, 0x1e KEY_REF ...).\n"
    " * Doubles are copied as host bytes: spindle's targets are little-endian, like the format. */\n"
    "var Obj = Object, ObjectProto = Object.prototype, ArrayProto = Array.prototype, isView = ArrayBuffer.isView, fcc = String.fromCharCode;\n"
    "var dateGetTime = Date.prototype.getTime, RegExpCtor = RegExp, DateCtor = Date, BigIntFn = BigInt;\n"
    "var abLength = gopd(ArrayBuffer.prototype, 'byteLength').get;\n"
    "var viewCtors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,\n"
    "                 Float32Array, Float64Array, BigInt64Array, BigUint64Array];\n"
    "var viewSizes = [1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8];\n"
    "var viewKinds = { __proto__: null, Int8Array: 0, Uint8Array: 1, Uint8ClampedArray: 2, Int16Array: 3,\n"
    "  Uint16Array: 4, Int32Array: 5, Uint32Array: 6, Float32Array: 7, Float64Array: 8, BigInt64Array: 9,\n"
    "  BigUint64Array: 10 };\n"
    "var MapGet = Map.prototype.get, MapSetFn = Map.prototype.set;\n"
    "var MAX_DEPTH = 10000, STACK_MSG = 'Maximum call stack size exceeded';\n"
    "var f64 = new Float64Array(1), f64b = new Uint8Array(f64.buffer);\n"
    "/* a Map whose get/set are its own: fast calls, immune to later changes of Map.prototype */\n"
    "function ownMap() { var m = new MapCtor(); m.get = MapGet; m.set = MapSetFn; return m; }\n"
    "function tooDeep() { return new RangeError(STACK_MSG); }\n"
    "function isStackOverflow(e) {\n"
    "  return e instanceof RangeError && typeof e.message === 'string' && e.message.slice(0, STACK_MSG.length) === STACK_MSG;\n"
    "}\n"
    "/* writer state (saved and restored around a nested call, e.g. from a getter) */\n"
    "var wb, wpos, wcap, wids, wkeys, wdepth, wintact, wdirect;\n"
    "/* A message's identity table (object -> id) and key table (key -> id): ids count up from\n"
    " * 0; a short list searched in place, a Map once it has SMALL entries (a small message\n"
    " * allocates no Map: two cost ~140 ns, a third of a small clone). */\n"
    "var SMALL = 16;\n"
    "function idTable() { return { list: [], map: null, n: 0 }; }\n"
    "function idOf(t, x) {\n"
    "  if (t.map !== null) return t.map.get(x);\n"
    "  for (var i = 0, list = t.list, n = t.n; i < n; i++) if (list[i] === x) return i;\n"
    "  return undefined;\n"
    "}\n"
    "function idAdd(t, x) {\n"
    "  if (t.map !== null) { t.map.set(x, t.n++); return; }\n"
    "  t.list[t.n++] = x;\n"
    "  if (t.n === SMALL) { t.map = ownMap(); for (var i = 0; i < SMALL; i++) t.map.set(t.list[i], i); }\n"
    "}\n"
    "function ensure(n) { if (wpos + n > wcap) { N.flush(wpos); wpos = 0; } }\n"
    "function wvarint(v) {\n"
    "  while (v >= 128) { wb[wpos++] = (v % 128) | 128; v = floor(v / 128); }\n"
    "  wb[wpos++] = v;\n"
    "}\n"
    "function wdouble(d) {\n"
    "  f64[0] = d;\n"
    "  for (var i = 0; i < 8; i++) wb[wpos++] = f64b[i];\n"
    "}\n"
    "var LONG_STRING = 192; /* from here a string goes through C in one call (measured crossover) */\n"
    "function wstring(s) {\n"
    "  var n = s.length, i, c, p;\n"
    "  if (n >= LONG_STRING || !wintact) { N.writeString(wpos, s); wpos = 0; return; }\n"
    "  ensure(11 + 2 * n);\n"
    "  wb[wpos] = 0x08; p = wpos + 1;\n"
    "  for (var v = n; v >= 128; v >>>= 7) wb[p++] = (v & 127) | 128;\n"
    "  wb[p++] = v;\n"
    "  for (i = 0; i < n; i++) { c = s.charCodeAt(i); if (c > 255) break; wb[p + i] = c; }\n"
    "  if (i === n) { wpos = p + n; return; }\n"
    "  wb[wpos] = 0x09;\n"
    "  for (i = 0; i < n; i++) { c = s.charCodeAt(i); wb[p++] = c & 255; wb[p++] = c >> 8; }\n"
    "  wpos = p;\n"
    "}\n"
    "/* Objects of one shape list their keys in one order, so the key after key #i is most often\n"
    " * key #i+1: one comparison instead of a search (a guess, always checked). */\n"
    "var wkeyNext = 0;\n"
    "function wkey(k) {\n"
    "  var id = wkeyNext < wkeys.n && wkeys.list[wkeyNext] === k ? wkeyNext : idOf(wkeys, k);\n"
    "  if (id !== undefined) { wkeyNext = id + 1; ensure(6); wb[wpos++] = 0x1e; wvarint(id); return; }\n"
    "  idAdd(wkeys, k);\n"
    "  wstring(k);\n"
    "}\n"
    "function wlist(a) {\n"
    "  for (var i = 0, n = a.length; i < n; i++) wvalue(a[i]);\n"
    "  ensure(1); wb[wpos++] = 0x0e;\n"
    "}\n"
    "function wvalue(v) {\n"
    "  switch (typeof v) {\n"
    "  case 'undefined': ensure(1); wb[wpos++] = 0x01; return;\n"
    "  case 'boolean': ensure(1); wb[wpos++] = v ? 0x03 : 0x04; return;\n"
    "  case 'number':\n"
    "    ensure(10);\n"
    "    if ((v | 0) === v && (v !== 0 || 1 / v > 0)) { wb[wpos++] = 0x05; wvarint(((v << 1) ^ (v >> 31)) >>> 0); }\n"
    "    else { wb[wpos++] = 0x06; wdouble(v); }\n"
    "    return;\n"
    "  case 'string': wstring(v); return;\n"
    "  case 'bigint': ensure(1); wb[wpos++] = 0x07; wbigint(v); return;\n"
    "  case 'symbol': throw N.uncloneable(v);\n"
    "  }\n"
    "  if (v === null) { ensure(1); wb[wpos++] = 0x02; return; }\n"
    "  if (++wdepth >= MAX_DEPTH) throw tooDeep();\n"
    "  wobject(v);\n"
    "  wdepth--;\n"
    "}\n"
    "/* varint n, then the n ASCII bytes of the decimal digits */\n"
    "function wbigint(v) {\n"
    "  var s = '' + v, n = s.length, i;\n"
    "  ensure(10); wvarint(n);\n"
    "  if (wintact && n <= 4096) {\n"
    "    ensure(n);\n"
    "    for (i = 0; i < n; i++) wb[wpos++] = s.charCodeAt(i);\n"
    "    return;\n"
    "  }\n"
    "  for (i = 0; i < n; i++) { ensure(1); wb[wpos++] = apply(cca, s, [i]); }\n"
    "}\n"
    "/* A plain object: OBJECT (key value)* END, its own enumerable string keys in order. for-in\n"
    " * with hasOwnProperty lists them without making a key array (the engine keeps a cached\n"
    " * enumerator per shape and inlines both): 25 % faster than Object.keys on clone_medium's\n"
    " * records. A key deleted by an earlier getter is skipped, as in V8. */\n"
    "function wplain(o) {\n"
    "  ensure(1); wb[wpos++] = 0x0b;\n"
    "  if (wintact) {\n"
    "    for (var key in o) {\n"
    "      if (!hasOwn.call(o, key)) continue; /* inherited enumerable ones come last */\n"
    "      wkey(key); wvalue(o[key]);\n"
    "    }\n"
    "  } else {\n"
    "    for (var a = ownEntries(o), i = 0, n = a.length; i < n; i += 2) { wkey(a[i]); wvalue(a[i + 1]); }\n"
    "  }\n"
    "  ensure(1); wb[wpos++] = 0x0e;\n"
    "}\n"
    "/* An array: ARRAY length dense element{dense} (key value)* END. The dense run is the leading\n"
    " * run of present indices; the other own enumerable keys follow (an index as INDEX_KEY). */\n"
    "function warray(o) {\n"
    "  var len = o.length >>> 0, k, from = 0, dense = 0, n, i, key;\n"
    "  if (len >= LARGE_ARRAY && (k = largeArrayNamedKeys(o, len)) !== null) dense = len;\n"
    "  else {\n"
    "    k = keys(o); n = k.length;\n"
    "    /* keys() lists integer indices first, ascending: len keys ending with index len-1\n"
    "     * can only be 0..len-1 (one comparison instead of one per element) */\n"
    "    if (n >= len && len > 0 && k[len - 1] === '' + (len - 1)) dense = len;\n"
    "    else while (dense < n && dense < len && k[dense] === '' + dense) dense++;\n"
    "    from = dense;\n"
    "  }\n"
    "  ensure(21); wb[wpos++] = 0x0c; wvarint(len); wvarint(dense);\n"
    "  for (i = 0; i < dense; i++) wvalue(o[i]);\n"
    "  for (i = from, n = k.length; i < n; i++) {\n"
    "    key = k[i];\n"
    "    if (!(wintact ? hasOwn.call(o, key) : apply(hasOwn, o, [key]))) continue; /* deleted by a getter */\n"
    "    if (isIndexKey(key)) { ensure(6); wb[wpos++] = 0x1f; wvarint(+key); }\n"
    "    else wkey(key);\n"
    "    wvalue(o[key]);\n"
    "  }\n"
    "  ensure(1); wb[wpos++] = 0x0e;\n"
    "}\n"
    "/* Small buffers, and typed arrays over them, are written here in a direct write (no transfer\n"
    " * list: C keeps that) when nothing special applies: C's path for one costs ~4 us of calls\n"
    " * between JS and C. -1 unless b is an attached, fixed-length ArrayBuffer that is not shared\n"
    " * (spindle's shared buffers have their own prototype; C decides for anything else). */\n"
    "var STAGE_SIZE = 16384; /* C's WSTAGE_SIZE */\n"
    "var SMALL_BUFFER = STAGE_SIZE - 16; /* what the stage holds with its header: C takes larger ones (BIG_BUFFER) */\n"
    "function plainBufferLength(b) {\n"
    "  if (getProto(b) !== ABProto || abDetached === undefined) return -1;\n"
    "  var n;\n"
    "  try { n = apply(abLength, b, []); } catch (e) { return -1; }\n"
    "  return apply(abDetached, b, []) || isResizable(b) ? -1 : n;\n"
    "}\n"
    "function wsmallBuffer(o) {\n"
    "  var n = plainBufferLength(o);\n"
    "  if (n < 0 || n > SMALL_BUFFER) return false;\n"
    "  idAdd(wids, o);\n"
    "  ensure(10 + n); wb[wpos++] = 0x19; wvarint(n);\n"
    "  if (n) { apply(taSet, wb, [new U8(o), wpos]); wpos += n; }\n"
    "  return true;\n"
    "}\n"
    "function wsmallView(o) {\n"
    "  var name = apply(taTag, o, []), kind = name === undefined ? undefined : viewKinds[name]; /* no DataView */\n"
    "  if (kind === undefined) return false;\n"
    "  var buf = apply(taBuffer, o, []), n = plainBufferLength(buf);\n"
    "  if (n < 0 || n > SMALL_BUFFER) return false;\n"
    "  idAdd(wids, o);\n"
    "  ensure(21); wb[wpos++] = 0x1c; wb[wpos++] = kind;\n"
    "  wvarint(apply(taOffset, o, [])); wvarint(apply(taByteLength, o, []));\n"
    "  wvalue(buf);\n"
    "  return true;\n"
    "}\n"
    "function wobject(o) {\n"
    "  var id = idOf(wids, o);\n"
    "  if (id !== undefined) { ensure(6); wb[wpos++] = 0x0a; wvarint(id); return; }\n"
    "  if (typeof o === 'function') throw N.uncloneable(o);\n"
    "  if (isArray(o)) { idAdd(wids, o); warray(o); return; }\n"
    "  var view = isView(o), tag = view ? '' : wintact ? objToString.call(o) : apply(objToString, o, []);\n"
    "  /* the common case: a plain object (a buffer or port re-prototyped to Object.prototype is not seen) */\n"
    "  if (tag === '[object Object]' && getProto(o) === ObjectProto) { idAdd(wids, o); wplain(o); return; }\n"
    "  wother(o, view, tag);\n"
    "}\n"
    "/* The engine's own SharedArrayBuffer (a shared WebAssembly.Memory's), told apart from an\n"
    " * ArrayBuffer by its tag and from spindle's (an ArrayBuffer underneath) by ArrayBuffer's\n"
    " * byteLength getter, which refuses shared ones. */\n"
    "function engineShared(o) {\n"
    "  try { apply(abLength, o, []); return false; } catch (e) { return true; }\n"
    "}\n"
    "/* Every other kind of object, apart for the optimizing tier (see rother). */\n"
    "function wother(o, view, tag) {\n"
    "  var a, t;\n"
    "  if (tag === '[object Date]') { /* a real Date unless its brand check throws (then C decides) */\n"
    "    try { t = wintact ? dateGetTime.call(o) : apply(dateGetTime, o, []); } catch (e) { tag = ''; }\n"
    "    if (tag) { idAdd(wids, o); ensure(9); wb[wpos++] = 0x0f; wdouble(t); return; }\n"
    "  }\n"
    "  if (wdirect && (view ? wsmallView(o) : tag === '[object ArrayBuffer]' && wsmallBuffer(o))) return;\n"
    "  switch (N.classify(o)) {\n"
    "  case 1: idAdd(wids, o); N.writeBuffer(wpos, o, tag === '[object SharedArrayBuffer]' && engineShared(o)); wpos = 0; return;\n"
    "  case 2: idAdd(wids, o); a = N.writeView(wpos, o); wpos = 0; wvalue(a); return;\n"
    "  case 3: idAdd(wids, o); N.writePort(wpos, o); wpos = 0; return;\n"
    "  case 4: idAdd(wids, o); ensure(9); wb[wpos++] = 0x0f; wdouble(apply(dateGetTime, o, [])); return;\n"
    "  case 5: idAdd(wids, o); N.writeFileHandle(wpos, o); wpos = 0; return;\n"
    "  }\n"
    "  var cls = classOf(o);\n"
    "  if (cls === 10) throw N.uncloneable(o);\n"
    "  idAdd(wids, o);\n"
    "  switch (cls) {\n"
    "  case 0: wplain(o); return;\n"
    "  case 1: a = regexp(o); ensure(1); wb[wpos++] = 0x10; wstring('' + a[0]); wstring('' + a[1]); return;\n"
    "  case 2: ensure(1); wb[wpos++] = 0x16; wlist(mapEntries(o)); return;\n"
    "  case 3: ensure(1); wb[wpos++] = 0x17; wlist(setValues(o)); return;\n"
    "  case 4:\n"
    "    a = errorInfo(o);\n"
    "    ensure(3); wb[wpos++] = 0x18; wb[wpos++] = a[0]; wb[wpos++] = a[1];\n"
    "    if (a[1] & 1) wstring('' + a[2]);\n"
    "    if (a[1] & 2) wstring(a[3]);\n"
    "    if (a[1] & 4) wvalue(a[4]);\n"
    "    return;\n"
    "  case 5: a = N.writeView(wpos, o); wpos = 0; wvalue(a); return;\n"
    "  case 6: ensure(9); wb[wpos++] = 0x11; wdouble(apply(numValueOf, o, [])); return;\n"
    "  case 7: ensure(1); wb[wpos++] = 0x12; wstring(apply(strValueOf, o, [])); return;\n"
    "  case 8: ensure(1); wb[wpos++] = apply(boolValueOf, o, []) ? 0x13 : 0x14; return;\n"
    "  case 9: ensure(1); wb[wpos++] = 0x15; wbigint(apply(bigValueOf, o, [])); return;\n"
    "  case 11: /* its bytes are a buffer of their own (an object id too), never shared */\n"
    "    a = apply(wmGet, wasmBytes, [o]); ensure(1); wb[wpos++] = 0x21; idAdd(wids, a); N.writeBuffer(wpos, a); wpos = 0;\n"
    "    return;\n"
    "  }\n"
    "}\n"
    "/* The outermost write reuses two tables, so that a small message allocates nothing here\n"
    " * (~30 ns of a ~140 ns write); one nested in it (a getter cloning meanwhile) gets its own and\n"
    " * saves the outer state. Emptied after each message: they keep no object alive. */\n"
    "var topIds = idTable(), topKeys = idTable();\n"
    "function clearTable(t) {\n"
    "  if (t.map !== null) { t.list = []; t.map = null; }\n"
    "  else for (var i = 0, list = t.list, n = t.n; i < n; i++) list[i] = undefined;\n"
    "  t.n = 0;\n"
    "}\n"
    "/* Writes value after the version byte; returns the bytes left in the staging array. */\n"
    "function write(value, stage, direct) {\n"
    "  var saved = wb === undefined ? null : [wb, wpos, wcap, wids, wkeys, wdepth, wintact, wdirect];\n"
    "  wb = stage; wpos = 0; wcap = stage.length; wdepth = 0; wintact = callsIntact(); wdirect = direct === true;\n"
    "  if (saved === null) { wids = topIds; wkeys = topKeys; } else { wids = idTable(); wkeys = idTable(); }\n"
    "  try {\n"
    "    wvalue(value);\n"
    "    return wpos;\n"
    "  } catch (e) {\n"
    "    throw isStackOverflow(e) ? tooDeep() : e;\n"
    "  } finally {\n"
    "    if (saved === null) { clearTable(topIds); clearTable(topKeys); wb = wids = wkeys = undefined; }\n"
    "    else {\n"
    "      wb = saved[0]; wpos = saved[1]; wcap = saved[2]; wids = saved[3]; wkeys = saved[4]; wdepth = saved[5];\n"
    "      wintact = saved[6]; wdirect = saved[7];\n"
    "    }\n"
    "  }\n"
    "}\n"
    "/* The VM's staging array for writes (C's and direct ones; C takes its bytes pointer). */\n"
    "var wstage = new Uint8Array(STAGE_SIZE);\n"
    "/* A direct write: postMessage without a transfer list runs the codec from JS and C takes the\n"
    " * bytes with the post (sp_clone_take_direct), instead of C calling into JS for every message.\n"
    " * Natives called meanwhile find no C writer and use the VM's direct one. dgen[0] counts direct\n"
    " * writes, so that C can tell a writer left behind by one that threw; dgen[1] is 1 while one\n"
    " * runs, so that a clone started by a getter meanwhile writes elsewhere; dgen[2] is the byte\n"
    " * count the last one left in the staging array, for C to take. -1: inside another write (a\n"
    " * getter posting), which takes the C path. */\n"
    "var dgen = new Uint32Array(3);\n"
    "function writeDirect(value) {\n"
    "  if (wb !== undefined) return -1;\n"
    "  dgen[0]++;\n"
    "  dgen[1] = 1;\n"
    "  try {\n"
    "    return dgen[2] = write(value, wstage, true);\n"
    "  } finally {\n"
    "    dgen[1] = 0;\n"
    "  }\n"
    "}\n"
    "/* reader state: the bytes are already validated (sp_wire_check) */\n"
    "var rb, rpos, robjs, rkeys, rinherited, rintact;\n"
    "function bad() { return new Error('Unable to deserialize cloned data.'); }\n"
    "function rvarint() {\n"
    "  var v = 0, m = 1, b;\n"
    "  do { b = rb[rpos++]; v += (b & 127) * m; m *= 128; } while (b & 128);\n"
    "  return v;\n"
    "}\n"
    "function rdouble() {\n"
    "  for (var i = 0; i < 8; i++) f64b[i] = rb[rpos++];\n"
    "  return f64[0];\n"
    "}\n"
    "/* n <= 8 Latin-1 bytes at b[p] as a string */\n"
    "function latin1Short(b, p, n) {\n"
    "  switch (n) {\n"
    "  case 0: return '';\n"
    "  case 1: return fcc(b[p]);\n"
    "  case 2: return fcc(b[p], b[p + 1]);\n"
    "  case 3: return fcc(b[p], b[p + 1], b[p + 2]);\n"
    "  case 4: return fcc(b[p], b[p + 1], b[p + 2], b[p + 3]);\n"
    "  case 5: return fcc(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4]);\n"
    "  case 6: return fcc(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5]);\n"
    "  case 7: return fcc(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6]);\n"
    "  default: return fcc(b[p], b[p + 1], b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6], b[p + 7]);\n"
    "  }\n"
    "}\n"
    "/* More code units: String.fromCharCode applied to a plain array of exactly their number\n"
    " * (one kept per length up to 64, one scratch array beyond) is 1.4-2x faster than on a\n"
    " * typed-array view or in chunks of 8, and makes a flat string per 1024 units. */\n"
    "var unitArrays = [], unitScratch = [];\n"
    "function unitsArray(n) {\n"
    "  if (n > 64) { unitScratch.length = n; return unitScratch; }\n"
    "  var a = unitArrays[n];\n"
    "  if (a === undefined) unitArrays[n] = a = new ArrayCtor(n); /* every slot is written before use */\n"
    "  return a;\n"
    "}\n"
    "function rstring(tag) {\n"
    "  var n = rvarint(), p = rpos, b = rb, s = '', i, j, m, a;\n"
    "  if (tag === 0x08) {\n"
    "    rpos += n;\n"
    "    if (n <= 8) return latin1Short(b, p, n);\n"
    "    if (n >= LONG_STRING) return N.readString(tag, p, n);\n"
    "    for (i = 0; i < n; i += m, p += m) {\n"
    "      m = n - i < 1024 ? n - i : 1024;\n"
    "      a = unitsArray(m);\n"
    "      for (j = 0; j < m; j++) a[j] = b[p + j];\n"
    "      s += apply(fcc, null, a);\n"
    "    }\n"
    "    return s;\n"
    "  }\n"
    "  rpos += 2 * n;\n"
    "  if (n >= LONG_STRING) return N.readString(tag, p, n);\n"
    "  for (i = 0; i < n; i += m) {\n"
    "    m = n - i < 1024 ? n - i : 1024;\n"
    "    a = unitsArray(m);\n"
    "    for (j = 0; j < m; j++, p += 2) a[j] = b[p] | b[p + 1] << 8;\n"
    "    s += apply(fcc, null, a);\n"
    "  }\n"
    "  return s;\n"
    "}\n"
    "function rtaggedString() {\n"
    "  var t = rb[rpos++];\n"
    "  if (t !== 0x08 && t !== 0x09) throw bad();\n"
    "  return rstring(t);\n"
    "}\n"
    "/* the digits are a Latin-1 string's payload (the validator checked them) */\n"
    "function rbigint() {\n"
    "  var s = rstring(0x08);\n"
    "  try { if (s.length) return BigIntFn(s); } catch (e) {}\n"
    "  throw bad();\n"
    "}\n"
    "/* Latin-1 strings of up to 32 bytes are kept across messages in a direct-mapped table\n"
    " * indexed by a hash of their bytes (a hit is confirmed byte by byte): a key the engine\n"
    " * has made a property name once is not built and atomised again for every message, and\n"
    " * a repeated value is not rebuilt. Keys and values have a table each. A table that\n"
    " * mostly misses (unique ids) is bypassed for a while: a miss costs more than building\n"
    " * the string. */\n"
    "var SCACHE_SLOTS = 512, SCACHE_LEN = 32;\n"
    "/* The slots start empty (no fill loop) and the first 256 strings of a realm skip the table:\n"
    " * a worker's first messages (its start-up data, process.env) run through a codec not yet\n"
    " * compiled, where hashing costs more than it saves, on every worker's start. */\n"
    "function strCache() { return { slots: [], looks: 0, misses: 0, skip: 256 }; }\n"
    "var keyCache = strCache(), valueCache = strCache();\n"
    "function rcached(c) {\n"
    "  var n = rb[rpos];\n"
    "  /* the engine keeps one string per Latin-1 character: nothing to build, hash or cache */\n"
    "  if (n === 1) { rpos += 2; return fcc(rb[rpos - 1]); }\n"
    "  if (n > SCACHE_LEN || !rintact || c.skip > 0 && c.skip-- > 0) return rstring(0x08);\n"
    "  if (++c.looks === 256) { if (c.misses > 128) c.skip = 4096; c.looks = 0; c.misses = 0; }\n"
    "  var p = rpos + 1, h = n, i, s;\n"
    "  for (i = 0; i < n; i++) h = imul(h ^ rb[p + i], 16777619);\n"
    "  var slot = (h ^ h >>> 15) & (SCACHE_SLOTS - 1);\n"
    "  s = c.slots[slot];\n"
    "  if (s !== undefined && s.length === n) {\n"
    "    for (i = 0; i < n && s.charCodeAt(i) === rb[p + i]; i++);\n"
    "    if (i === n) { rpos = p + n; return s; }\n"
    "  }\n"
    "  c.misses++;\n"
    "  return c.slots[slot] = rstring(0x08);\n"
    "}\n"
    "function rprops(o) {\n"
    "  for (;;) {\n"
    "    var t = rb[rpos++], k, inherited = false, id;\n"
    "    if (t === 0x0e) return;\n"
    "    if (t === 0x1f) k = rvarint();\n"
    "    else if (t === 0x1e) { id = rvarint(); k = rkeys[id]; inherited = rinherited[id]; }\n"
    "    else if (t === 0x08 || t === 0x09) {\n"
    "      k = t === 0x08 ? rcached(keyCache) : rstring(t);\n"
    "      inherited = k in ArrayProto; /* Object.prototype's names too */\n"
    "      id = rkeys.length; rkeys[id] = k; rinherited[id] = inherited;\n"
    "    } else throw bad();\n"
    "    var v = rvalue(rb[rpos++]);\n"
    "    /* a name the prototype chain has (__proto__, or a setter or read-only property someone\n"
    "     * added) is defined, as V8 does: assigning would call the setter or throw. Checked once\n"
    "     * per key and message, against Array.prototype (whose chain has Object.prototype). */\n"
    "    if (inherited) defineOpen(o, k, v);\n"
    "    else o[k] = v;\n"
    "  }\n"
    "}\n"
    "function rvalue(t) {\n"
    "  switch (t) {\n"
    "  case 0x01: return undefined;\n"
    "  case 0x02: return null;\n"
    "  case 0x03: return true;\n"
    "  case 0x04: return false;\n"
    "  case 0x05: var z = rvarint(); return z % 2 ? -(z + 1) / 2 : z / 2;\n"
    "  case 0x06: return rdouble();\n"
    "  case 0x07: return rbigint();\n"
    "  case 0x08: return rcached(valueCache);\n"
    "  case 0x09: return rstring(t);\n"
    "  }\n"
    "  var o, n, i;\n"
    "  switch (t) {\n"
    "  case 0x0a:\n"
    "    o = robjs[rvarint()];\n"
    "    if (o === undefined) throw bad(); /* a view still being read */\n"
    "    return o;\n"
    "  case 0x0b: o = {}; robjs[robjs.length] = o; rprops(o); return o;\n"
    "  case 0x0c:\n"
    "    o = []; robjs[robjs.length] = o;\n"
    "    var len = rvarint(), dense = rvarint();\n"
    "    for (i = 0; i < dense; i++) {\n"
    "      if (rb[rpos] === 0x0d) { rpos++; continue; }\n"
    "      o[i] = rvalue(rb[rpos++]);\n"
    "    }\n"
    "    rprops(o);\n"
    "    if (o.length !== len) o.length = len; /* holes at the end */\n"
    "    return o;\n"
    "  }\n"
    "  return rother(t);\n"
    "}\n"
    "/* The kinds of value messages seldom hold, apart: the optimizing tier (FTL) inlines rvalue\n"
    " * into its callers (rprops, read, itself through them), and with every kind there it spent\n"
    " * ~50 ms compiling rprops alone, in each thread, for code no message of the program used. */\n"
    "function rother(t) {\n"
    "  var o, n;\n"
    "  switch (t) {\n"
    "  case 0x0f: o = new DateCtor(rdouble()); break;\n"
    "  case 0x10: n = rtaggedString(); o = new RegExpCtor(n, rtaggedString()); break;\n"
    "  case 0x11: o = Obj(rdouble()); break;\n"
    "  case 0x12: o = Obj(rtaggedString()); break;\n"
    "  case 0x13: o = Obj(true); break;\n"
    "  case 0x14: o = Obj(false); break;\n"
    "  case 0x15: o = Obj(rbigint()); break;\n"
    "  case 0x16: case 0x17:\n"
    "    o = t === 0x16 ? new MapCtor() : new SetCtor(); robjs[robjs.length] = o;\n"
    "    /* f.call (inlined) while it is still the builtin call, checked right before each use */\n"
    "    while (rb[rpos] !== 0x0e) {\n"
    "      n = rvalue(rb[rpos++]);\n"
    "      if (t === 0x16) {\n"
    "        var mv = rvalue(rb[rpos++]);\n"
    "        if (mapSetFn.call === fnCall) mapSetFn.call(o, n, mv); else apply(mapSetFn, o, [n, mv]);\n"
    "      } else if (setAddFn.call === fnCall) setAddFn.call(o, n); else apply(setAddFn, o, [n]);\n"
    "    }\n"
    "    rpos++;\n"
    "    return o;\n"
    "  case 0x18:\n"
    "    var kind = rb[rpos++], flags = rb[rpos++];\n"
    "    if (kind > 6) throw bad();\n"
    "    var msg = flags & 1 ? rtaggedString() : undefined, stack = flags & 2 ? rtaggedString() : undefined;\n"
    "    o = makeError(kind, flags, msg, stack); robjs[robjs.length] = o;\n"
    "    if (flags & 4) defineHidden(o, 'cause', rvalue(rb[rpos++]));\n"
    "    return o;\n"
    "  case 0x19:\n"
    "    n = rvarint();\n"
    "    if (n > SMALL_BUFFER) o = N.copyBuffer(rpos, n); /* a block of its own: moves on by pointer */\n"
    "    else {\n"
    "      o = new ABCtor(n);\n"
    "      if (n) apply(taSet, new U8(o), [new U8(apply(taBuffer, rb, []), apply(taOffset, rb, []) + rpos, n)]);\n"
    "    }\n"
    "    rpos += n;\n"
    "    break;\n"
    "  case 0x20: /* a resizable buffer: its maximum, then its bytes as a fixed buffer */\n"
    "    var max = rvarint(), inner;\n"
    "    t = rb[rpos++];\n"
    "    if (t === 0x19) { n = rvarint(); inner = N.copyBuffer(rpos, n); rpos += n; }\n"
    "    else if (t === 0x1a) inner = N.take(t, rvarint());\n"
    "    else throw bad();\n"
    "    n = apply(abLength, inner, []);\n"
    "    try { o = new ABCtor(n, { maxByteLength: max }); } catch (e) { throw bad(); }\n"
    "    apply(taSet, new U8(o), [new U8(inner)]);\n"
    "    break;\n"
    "  case 0x1a: case 0x1b: case 0x1d: case 0x22: o = N.take(t, rvarint()); break;\n"
    "  case 0x21:\n"
    "    var mid = robjs.length; robjs[mid] = undefined;\n"
    "    t = rb[rpos++];\n"
    "    if ((t !== 0x19 && t !== 0x1a) || !haveWasm()) throw bad();\n"
    "    var code = rvalue(t);\n"
    "    try { o = new WasmModule(code); } catch (e) { throw bad(); }\n"
    "    apply(wmSet, wasmBytes, [o, code]);\n"
    "    robjs[mid] = o;\n"
    "    return o;\n"
    "  case 0x1c:\n"
    "    var id = robjs.length; robjs[id] = undefined;\n"
    "    var vk = rb[rpos++], off = rvarint(), blen = rvarint(), buf = rvalue(rb[rpos++]), have, tracking = vk >= 0x80;\n"
    "    if (tracking) vk -= 0x80;\n"
    "    if (vk > 11 || typeof buf !== 'object' || buf === null) throw bad();\n"
    "    try { have = apply(abLength, buf, []); } catch (e) { throw bad(); }\n"
    "    if (off > have || blen > have - off) throw bad();\n"
    "    if (tracking && !isResizable(buf)) throw bad();\n"
    "    if (tracking) o = vk === 11 ? new DV(buf, off) : new viewCtors[vk](buf, off);\n"
    "    else o = vk === 11 ? new DV(buf, off, blen) : new viewCtors[vk](buf, off, blen / viewSizes[vk]);\n"
    "    robjs[id] = o;\n"
    "    return o;\n"
    "  default: throw bad();\n"
    "  }\n"
    "  robjs[robjs.length] = o;\n"
    "  return o;\n"
    "}\n"
    "/* Reads the value after the version byte from stage[1..]. */\n"
    "function read(stage) {\n"
    "  var saved = [rb, rpos, robjs, rkeys, rinherited, rintact];\n"
    "  rb = stage; rpos = 1; robjs = []; rkeys = []; rinherited = []; rintact = StrProto.charCodeAt === cca;\n"
    "  try {\n"
    "    return rvalue(rb[rpos++]);\n"
    "  } catch (e) {\n"
    "    throw isStackOverflow(e) ? tooDeep() : e;\n"
    "  } finally {\n"
    "    rb = saved[0]; rpos = saved[1]; robjs = saved[2]; rkeys = saved[3]; rinherited = saved[4]; rintact = saved[5];\n"
    "  }\n"
    "}\n"
    "/* Delivery in one engine entry: decode, then hand the value (or the error) on. */\n"
    "function readThen(stage, fn, arg, ports) {\n"
    "  var v;\n"
    "  try { v = read(stage); } catch (e) { return fn(arg, e, true, ports); }\n"
    "  return fn(arg, v, false, ports);\n"
    "}\n"
    "return {\n"
    "  write: write, read: read, readThen: readThen, writeDirect: writeDirect, wstage: wstage, dgen: dgen,\n"
    "  describe: function (v) {\n"
    "    if (typeof v === 'function') return apply(fnToString, v, []);\n"
    "    if (typeof v === 'symbol') return apply(symToString, v, []);\n"
    "    if (typeof v !== 'object' || v === null) return Str(v);\n"
    "    var n = '';\n"
    "    try { n = ctorName(v); } catch (e) { n = isArray(v) ? '' : 'Object'; }\n"
    "    if (n) return '#<' + n + '>';\n"
    "    try { return apply(objToString, v, []); } catch (e) { return '[object Object]'; }\n"
    "  },\n"
    "  isDetached: function (b) { return abDetached ? apply(abDetached, b, []) : false; },\n"
    "  resizableMax: function (b) { return isResizable(b) ? apply(abMax, b, []) : -1; },\n"
    "  /* -1: the view is out of its (shrunk) buffer's bounds; 1: it tracks its resizable buffer's\n"
    "   * length (new Uint8Array(rab, off)); 0: it has a fixed length. No getter tells the last two\n"
    "   * apart, so: shrink the buffer to the view's offset (a fixed view of some length is then out\n"
    "   * of bounds, a tracking one empty), grow it to its maximum (a tracking one grows), and put it\n"
    "   * back as it was, bytes included. No other code runs meanwhile. */\n"
    "  tracksLength: function (v, b, off, isDataView) {\n"
    "    try { if (isDataView) apply(dvLength, v, []); else apply(taAt, v, [0]); } catch (e) { return -1; } /* out of bounds */\n"
    "    var len = apply(abLength, b, []), max = apply(abMax, b, []), saved = apply(abSlice, b, [off, len]), tracking;\n"
    "    apply(abResize, b, [off]);\n"
    "    try { if (isDataView) apply(dvLength, v, []); else apply(taAt, v, [0]); tracking = true; } catch (e) { tracking = false; }\n"
    "    if (tracking) { apply(abResize, b, [max]); tracking = (isDataView ? apply(dvLength, v, []) : apply(taLength, v, [])) > 0; }\n"
    "    apply(abResize, b, [len]);\n"
    "    apply(taSet, new U8(b, off), [new U8(saved)]);\n"
    "    return tracking ? 1 : 0;\n"
    "  },\n"
    "  slice: function (b) { return apply(abSlice, b, []); },\n"
    "  /* src's bytes into dst (a wrapper of a spindle block, as long), then dst detached */\n"
    "  copyInto: function (dst, src) { apply(taSet, new U8(dst), [new U8(src)]); apply(abTransfer, dst, [0]); },\n"
    "  transfer: function (b) { return apply(abTransfer, b, []); },\n"
    "  detach: function (b) { apply(abTransfer, b, [0]); },\n"
    "  tagLent: function (b, id) { lent.set(b, id); },\n"
    "  lentId: function (b) { return lent.get(b); },\n"
    "  dataView: function (v) {\n"
    "    var b = apply(dvBuffer, v, []);\n"
    "    try { return [b, apply(dvOffset, v, []), apply(dvLength, v, [])]; } catch (e) { return [b, -1, -1]; }\n"
    "  },\n"
    "  mark: function (o) { apply(wsAdd, marked, [o]); },\n"
    "  isMarked: function (o) { return apply(wsHas, marked, [o]); },\n"
    "  recordWasm: function (m, bytes) { apply(wmSet, wasmBytes, [m, bytes]); },\n"
    "};\n"
    "})\n";

typedef struct vm {
  struct vm *next; /* this thread's other VMs (normally none) */
  JSObjectRef global;
  JSContextRef ctx;   /* the context it was made for (other contexts of the realm find it by global) */
  JSObjectRef holder; /* protected; owns every function below */
  JSObjectRef token;  /* the holder's vm_class object: its finalizer frees this */
  JSObjectRef write, read, read_then, describe, is_detached, slice, copy_into, transfer, data_view, mark, is_marked,
      detach, tag_lent, lent_id, resizable_max, tracks_length, record_wasm;
  /* staging byte arrays shared with the JS codec (held by the holder; pointers
   * taken once: they are ours, never transferred). busy: in use by an outer call. */
  JSObjectRef wstage, rstage;
  uint8_t *wstage_ptr, *rstage_ptr;
  size_t rstage_cap;
  bool wstage_busy, rstage_busy;
  /* direct writes (writeDirect in the codec): the codec's count of them and whether one runs
   * (two uint32), and the writer natives use during one (made on first need) */
  JSObjectRef write_direct;
  uint32_t *dgen_ptr;
  struct direct *direct;
} vm_t;

static __thread vm_t *tls_vms; /* most recently used first */
static JSClassRef vm_class;
static pthread_once_t vm_class_once = PTHREAD_ONCE_INIT;
static JSStringRef s_helpers; /* helpers_src, made once (JSStringRefs are VM-independent) */

/* names used on every message, created once (JSStringRefs are VM-independent) */
static JSStringRef s_length;

/* The writer's staging array: bytes go to C when it fills up or at a buffer/port. */
enum { WSTAGE_SIZE = 16 * 1024, RSTAGE_MAX = 1024 * 1024 };

static void direct_free(struct direct *d);

static void vm_free(vm_t *vm) {
  direct_free(vm->direct);
  free(vm);
}

static void vm_finalize(JSObjectRef obj) {
  vm_t *vm = JSObjectGetPrivate(obj);
  if (!vm) return; /* forgotten already */
  for (vm_t **p = &tls_vms; *p; p = &(*p)->next)
    if (*p == vm) { *p = vm->next; break; }
  vm_free(vm);
}

static void vm_class_init(void) {
  JSClassDefinition def = kJSClassDefinitionEmpty;
  def.className = "SpindleCloneState";
  def.finalize = vm_finalize;
  vm_class = JSClassCreate(&def);
  s_length = JSStringCreateWithUTF8CString("length");
  /* converting the codec's source to UTF-16 costs a few million instructions: once per process */
  s_helpers = JSStringCreateWithUTF8CString(helpers_src);
}

static JSObjectRef get_fn(JSContextRef ctx, JSObjectRef o, const char *name) {
  JSValueRef v = sp_js_get(ctx, o, name);
  return v && JSValueIsObject(ctx, v) ? (JSObjectRef)v : NULL;
}

/* A Uint8Array of n bytes and its (stable) bytes pointer. */
static JSObjectRef make_stage(JSContextRef ctx, size_t n, uint8_t **ptr) {
  JSObjectRef a = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, n, NULL);
  *ptr = a ? JSObjectGetTypedArrayBytesPtr(ctx, a, NULL) : NULL;
  return *ptr ? a : NULL;
}

/* natives the JS codec calls (defined with the writer and the reader) */
static JSValueRef nat_flush(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_classify(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_write_buffer(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_write_view(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_write_port(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_write_file_handle(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[],
                                        JSValueRef *);
static JSValueRef nat_uncloneable(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_copy_buffer(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_take(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_write_string(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);
static JSValueRef nat_read_string(JSContextRef, JSObjectRef, JSObjectRef, size_t, const JSValueRef[], JSValueRef *);

static vm_t *vm_get(JSContextRef ctx, JSValueRef *exc) {
  /* the context a realm's callbacks get is one pointer for the realm's life:
   * checking it first spares an engine call (and its lock) per message */
  if (tls_vms && tls_vms->ctx == ctx) return tls_vms;
  JSObjectRef global = JSContextGetGlobalObject(ctx);
  if (tls_vms && tls_vms->global == global) return tls_vms;
  for (vm_t **p = &tls_vms; *p; p = &(*p)->next) {
    if ((*p)->global == global) {
      vm_t *vm = *p;
      *p = vm->next;
      vm->next = tls_vms;
      tls_vms = vm;
      return vm;
    }
  }
  pthread_once(&vm_class_once, vm_class_init);
  JSValueRef e = NULL;
  JSValueRef f = JSEvaluateScript(ctx, s_helpers, NULL, NULL, 1, &e);
  JSObjectRef natives = JSObjectMake(ctx, NULL, NULL);
  sp_js_fn(ctx, natives, "flush", nat_flush);
  sp_js_fn(ctx, natives, "classify", nat_classify);
  sp_js_fn(ctx, natives, "writeBuffer", nat_write_buffer);
  sp_js_fn(ctx, natives, "writeView", nat_write_view);
  sp_js_fn(ctx, natives, "writePort", nat_write_port);
  sp_js_fn(ctx, natives, "writeFileHandle", nat_write_file_handle);
  sp_js_fn(ctx, natives, "uncloneable", nat_uncloneable);
  sp_js_fn(ctx, natives, "copyBuffer", nat_copy_buffer);
  sp_js_fn(ctx, natives, "take", nat_take);
  sp_js_fn(ctx, natives, "writeString", nat_write_string);
  sp_js_fn(ctx, natives, "readString", nat_read_string);
  /* The codec's intrinsics: the agent's, taken before any program ran (intrinsics.h); a
   * realm of its own (vm) gives its globals as they are now. */
  JSValueRef args[1 + SP_INTRINSIC_COUNT] = {natives};
  sp_agent_t *a = sp__agent_current();
  bool agent_realm = a && a->intrinsics && JSContextGetGlobalObject(a->ctx) == global;
  sp_intrinsics_select(ctx, agent_realm ? a->intrinsics : sp_intrinsics_capture(ctx), SP_INTRINSICS_ALL, args + 1);
  JSValueRef h = f && JSValueIsObject(ctx, f)
                     ? JSObjectCallAsFunction(ctx, (JSObjectRef)f, NULL, sizeof args / sizeof *args, args, &e)
                     : NULL;
  vm_t *vm = h && JSValueIsObject(ctx, h) ? calloc(1, sizeof *vm) : NULL;
  JSObjectRef holder = (JSObjectRef)h;
  JSValueRef wstage = vm ? sp_js_get(ctx, holder, "wstage") : NULL;
  /* the codec's own array, never transferred: taking its pointer (pinning it) is fine */
  if (wstage && JSValueIsObject(ctx, wstage)) {
    vm->wstage = (JSObjectRef)wstage;
    vm->wstage_ptr = JSObjectGetTypedArrayBytesPtr(ctx, vm->wstage, NULL);
    if (!vm->wstage_ptr || JSObjectGetTypedArrayByteLength(ctx, vm->wstage, NULL) != WSTAGE_SIZE) vm->wstage = NULL;
  }
  if (!vm || !vm->wstage) {
    free(vm);
    *exc = e ? e : sp_js_error(ctx, "Error", NULL, "structured clone: helper setup failed");
    return NULL;
  }
  vm->global = global;
  vm->ctx = ctx;
  vm->holder = holder;
#define F(field, name) vm->field = get_fn(ctx, holder, name);
  F(write, "write") F(read, "read") F(read_then, "readThen") F(describe, "describe") F(is_detached, "isDetached")
  F(slice, "slice") F(copy_into, "copyInto") F(transfer, "transfer") F(data_view, "dataView")
  F(mark, "mark") F(is_marked, "isMarked") F(detach, "detach") F(tag_lent, "tagLent") F(lent_id, "lentId")
  F(write_direct, "writeDirect") F(resizable_max, "resizableMax") F(tracks_length, "tracksLength")
  F(record_wasm, "recordWasm")
#undef F
  JSValueRef dgen = sp_js_get(ctx, holder, "dgen");
  if (JSValueIsObject(ctx, dgen)) vm->dgen_ptr = JSObjectGetTypedArrayBytesPtr(ctx, (JSObjectRef)dgen, NULL);
  /* The state's lifetime follows the holder: protected for the VM's life, finalized with it. */
  JSObjectRef token = JSObjectMake(ctx, vm_class, vm);
  vm->token = token;
  JSStringRef state = JSStringCreateWithUTF8CString("state");
  JSObjectSetProperty(ctx, holder, state, token, kJSPropertyAttributeDontEnum, NULL);
  JSStringRelease(state);
  JSValueProtect(ctx, holder);
  vm->next = tls_vms;
  tls_vms = vm;
  return vm;
}

void sp_clone_realm_forget(JSContextRef ctx) {
  JSObjectRef global = JSContextGetGlobalObject(ctx);
  for (vm_t **p = &tls_vms; *p; p = &(*p)->next) {
    vm_t *vm = *p;
    if (vm->global != global) continue;
    *p = vm->next;
    JSObjectSetPrivate(vm->token, NULL);
    JSValueUnprotect(ctx, vm->holder);
    vm_free(vm);
    return;
  }
}

static JSValueRef call(JSContextRef ctx, JSObjectRef fn, JSValueRef self, size_t argc,
                       const JSValueRef *argv, JSValueRef *exc) {
  return JSObjectCallAsFunction(ctx, fn, self && JSValueIsObject(ctx, self) ? (JSObjectRef)self : NULL,
                                argc, argv, exc);
}

/* ---- errors -------------------------------------------------------------------- */
static JSValueRef data_clone_error(JSContextRef ctx, const char *msg) {
  JSObjectRef global = JSContextGetGlobalObject(ctx);
  JSValueRef ctor = sp_js_get(ctx, global, "DOMException");
  if (ctor && JSValueIsObject(ctx, ctor) && JSObjectIsConstructor(ctx, (JSObjectRef)ctor)) {
    JSValueRef args[2] = {sp_js_str(ctx, msg), sp_js_str(ctx, "DataCloneError")};
    JSValueRef e = NULL;
    JSObjectRef err = JSObjectCallAsConstructor(ctx, (JSObjectRef)ctor, 2, args, &e);
    if (err) return err;
  }
  JSObjectRef err = sp_js_error(ctx, "Error", NULL, "%s", msg);
  sp_js_set_str(ctx, err, "name", "DataCloneError");
  sp_js_set_num(ctx, err, "code", 25);
  return err;
}

/* "<value> could not be cloned." with node's rendering of the value. */
static JSValueRef uncloneable(JSContextRef ctx, vm_t *vm, JSValueRef v) {
  JSValueRef e = NULL;
  JSValueRef d = call(ctx, vm->describe, NULL, 1, &v, &e);
  char *s = d && !e ? sp_js_cstr(ctx, d, NULL, &e) : NULL;
  size_t n = s ? strlen(s) : 0;
  char *msg = malloc(n + 32);
  snprintf(msg, n + 32, "%s could not be cloned.", s ? s : "value");
  JSValueRef err = data_clone_error(ctx, msg);
  free(msg);
  free(s);
  return err;
}

/* ---- writer ---------------------------------------------------------------------
 * The JS codec (`write`) walks the value and writes the bytes into a staging
 * Uint8Array; C appends them to the message when the stage fills up and
 * around the things only C can write: ArrayBuffers (transfer list, shared
 * blocks, copies), views (their header) and ports. Object and key numbering
 * is all in JS, so C writes no ids. */
typedef struct xfer {
  JSObjectRef obj; /* protected until the writer is discarded: user code (a getter, the
                    * list's own) runs meanwhile and may drop every other reference to it */
  uint8_t kind;   /* SP_WIRE_SIDE_BUFFER, _PORT or _FD */
  bool detached;  /* a buffer already detached: arrives as an empty buffer */
} xfer_t;

typedef struct writer {
  JSContextRef ctx;
  vm_t *vm;
  sp_wbuf_t w;
  JSValueRef *exc;
  bool failed;
  const uint8_t *stage; /* the staging array the JS codec writes into */
  /* transfer list (side indices 0..nxf-1), then shared blocks */
  xfer_t *xf;
  uint32_t nxf;
  JSValueRef source;    /* the posting port, which its own transfer list must not hold (or NULL) */
  sp_wire_side_t *side;
  uint32_t nside, cside;
} writer_t;

static __thread writer_t *cur_writer; /* the innermost serialize on this thread */

static void wfail(writer_t *wr, JSValueRef e) {
  if (!wr->failed) {
    wr->failed = true;
    if (e) *wr->exc = e;
  }
}

static int side_add(writer_t *wr, sp_wire_side_t s) {
  if (wr->nside == wr->cside) {
    uint32_t cap = wr->cside ? wr->cside * 2 : 8;
    sp_wire_side_t *n = realloc(wr->side, cap * sizeof *n);
    if (!n) return -1;
    wr->side = n;
    wr->cside = cap;
  }
  wr->side[wr->nside] = s;
  return (int)wr->nside++;
}

static int xfer_find(writer_t *wr, JSObjectRef o) {
  for (uint32_t i = 0; i < wr->nxf; i++)
    if (wr->xf[i].obj == o) return (int)i;
  return -1;
}

static bool is_detached(writer_t *wr, JSObjectRef buf) {
  JSValueRef arg = buf, e = NULL;
  JSValueRef r = call(wr->ctx, wr->vm->is_detached, NULL, 1, &arg, &e);
  return r && JSValueToBoolean(wr->ctx, r);
}

/* A resizable buffer's maxByteLength, or -1 for a fixed-length one. */
static double resizable_max(writer_t *wr, JSObjectRef buf) {
  JSValueRef arg = buf, e = NULL;
  JSValueRef r = call(wr->ctx, wr->vm->resizable_max, NULL, 1, &arg, &e);
  return r && !e ? JSValueToNumber(wr->ctx, r, NULL) : -1;
}

/* RESIZABLE <max> before the buffer's own tag, when it is resizable: the receiver's copy is
 * resizable up to the same maximum (node's). */
static void write_resizable_prefix(writer_t *wr, JSObjectRef buf) {
  double max = resizable_max(wr, buf);
  if (max < 0) return;
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_RESIZABLE);
  sp_wbuf_varint(&wr->w, (uint64_t)max);
}

/* A cloned buffer from this size on travels as a block of its own in the side table, as a
 * transferred one does: one copy here, none for the receiver, who wraps the block. Inline in the
 * message it was copied three times (into the message, into the reader's stage with the rest
 * of the message, out of it into the new buffer). */
enum { BIG_BUFFER = 16 * 1024 };

static void unref_block(void *bytes, void *block) {
  (void)bytes;
  sp_xbuf_unref(block);
}

/* The bytes of buffer o (len of them) in a new block, copied by the engine without taking o's
 * bytes pointer (that would pin o: ENGINE.md): the block is wrapped for the engine (the wrapper
 * holds a reference), copied into, and the wrapper detached at once, which drops it. */
static void write_big_buffer(writer_t *wr, JSObjectRef o, size_t len) {
  JSContextRef ctx = wr->ctx;
  sp_xbuf_t *xb = sp_xbuf_new(len);
  if (!xb) {
    wfail(wr, sp_js_error(ctx, "RangeError", NULL, "Array buffer allocation failed"));
    return;
  }
  JSValueRef e = NULL;
  sp_xbuf_ref(xb);
  JSObjectRef w = JSObjectMakeArrayBufferWithBytesNoCopy(ctx, xb->data, len, unref_block, xb, &e);
  if (!w) {
    sp_xbuf_unref(xb);
    sp_xbuf_unref(xb);
    wfail(wr, e);
    return;
  }
  JSValueRef args[2] = {w, o};
  call(ctx, wr->vm->copy_into, NULL, 2, args, &e);
  int si = e ? -1 : side_add(wr, (sp_wire_side_t){SP_WIRE_SIDE_BUFFER, xb, len, sp_xbuf_unref_void});
  if (si < 0) {
    sp_xbuf_unref(xb); /* the wrapper's reference goes with the wrapper */
    if (e) wfail(wr, e);
    else wr->w.oom = true;
    return;
  }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_TRANSFERRED);
  sp_wbuf_varint(&wr->w, (uint64_t)si);
}

static void write_buffer(writer_t *wr, JSObjectRef o) {
  JSContextRef ctx = wr->ctx;
  int xi = xfer_find(wr, o);
  if (xi >= 0) {
    if (!wr->xf[xi].detached) write_resizable_prefix(wr, o);
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_TRANSFERRED);
    sp_wbuf_varint(&wr->w, (uint64_t)xi);
    return;
  }
  if (shared_hooks && shared_hooks->get_shared) {
    size_t len = 0;
    void *block = shared_hooks->get_shared(ctx, o, &len);
    if (block) {
      int si = side_add(wr, (sp_wire_side_t){SP_WIRE_SIDE_SHARED, block, len, shared_hooks->free_shared});
      if (si < 0) { shared_hooks->free_shared(block); wr->w.oom = true; return; }
      sp_wbuf_u8(&wr->w, SP_WIRE_TAG_SHARED);
      sp_wbuf_varint(&wr->w, (uint64_t)si);
      return;
    }
  }
  if (is_detached(wr, o)) {
    wfail(wr, data_clone_error(ctx, "An ArrayBuffer is detached and could not be cloned."));
    return;
  }
  write_resizable_prefix(wr, o);
  size_t len = JSObjectGetArrayBufferByteLength(ctx, o, NULL);
  if (len >= BIG_BUFFER) {
    write_big_buffer(wr, o, len);
    return;
  }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_ARRAY_BUFFER);
  sp_wbuf_varint(&wr->w, len);
  if (!len) return;
  /* copy through a throwaway slice: the user's buffer is never pinned */
  JSValueRef arg = o, e = NULL;
  JSValueRef copy = call(ctx, wr->vm->slice, NULL, 1, &arg, &e);
  if (e || !copy || !JSValueIsObject(ctx, copy)) { wfail(wr, e); return; }
  void *p = JSObjectGetArrayBufferBytesPtr(ctx, (JSObjectRef)copy, NULL);
  size_t n = JSObjectGetArrayBufferByteLength(ctx, (JSObjectRef)copy, NULL);
  if (!p || n != len) { wfail(wr, NULL); return; }
  sp_wbuf_bytes(&wr->w, p, len);
}

static int view_kind(JSTypedArrayType t) {
  switch (t) {
  case kJSTypedArrayTypeInt8Array: return SP_WIRE_VIEW_INT8;
  case kJSTypedArrayTypeUint8Array: return SP_WIRE_VIEW_UINT8;
  case kJSTypedArrayTypeUint8ClampedArray: return SP_WIRE_VIEW_UINT8C;
  case kJSTypedArrayTypeInt16Array: return SP_WIRE_VIEW_INT16;
  case kJSTypedArrayTypeUint16Array: return SP_WIRE_VIEW_UINT16;
  case kJSTypedArrayTypeInt32Array: return SP_WIRE_VIEW_INT32;
  case kJSTypedArrayTypeUint32Array: return SP_WIRE_VIEW_UINT32;
  case kJSTypedArrayTypeFloat32Array: return SP_WIRE_VIEW_FLOAT32;
  case kJSTypedArrayTypeFloat64Array: return SP_WIRE_VIEW_FLOAT64;
  case kJSTypedArrayTypeBigInt64Array: return SP_WIRE_VIEW_BIGINT64;
  case kJSTypedArrayTypeBigUint64Array: return SP_WIRE_VIEW_BIGUINT64;
  default: return -1;
  }
}

/* The header of a view (VIEW kind offset length); returns its buffer, which
 * the JS codec writes next, or NULL on failure. */
static JSObjectRef write_view(writer_t *wr, JSObjectRef o) {
  JSContextRef ctx = wr->ctx;
  JSValueRef e = NULL;
  int kind = view_kind(JSValueGetTypedArrayType(ctx, o, NULL));
  JSObjectRef buf;
  size_t off, blen;
  bool out_of_bounds = false;
  if (kind >= 0) {
    buf = JSObjectGetTypedArrayBuffer(ctx, o, &e);
    off = JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
    blen = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
  } else {
    JSValueRef arg = o;
    JSValueRef info = call(ctx, wr->vm->data_view, NULL, 1, &arg, &e);
    if (e || !info || !JSValueIsObject(ctx, info)) { wfail(wr, e); return NULL; }
    kind = SP_WIRE_VIEW_DATAVIEW;
    JSValueRef b = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 0, NULL);
    buf = JSValueIsObject(ctx, b) ? (JSObjectRef)b : NULL;
    /* -1 when byteOffset threw: the buffer is detached (checked below) or was shrunk */
    double doff = JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 1, NULL), NULL);
    out_of_bounds = doff < 0;
    off = out_of_bounds ? 0 : (size_t)doff;
    blen = out_of_bounds ? 0 : (size_t)JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 2, NULL), NULL);
  }
  if (e || !buf) { wfail(wr, e); return NULL; }
  int xi = xfer_find(wr, buf);
  if (xi < 0 && is_detached(wr, buf)) {
    wfail(wr, data_clone_error(ctx, "An ArrayBuffer is detached and could not be cloned."));
    return NULL;
  }
  if (xi >= 0 && wr->xf[xi].detached) off = blen = 0;
  else if (out_of_bounds || resizable_max(wr, buf) >= 0) {
    /* over a resizable buffer: out of its bounds now, tracking its length, or of fixed length */
    JSValueRef args[4] = {o, buf, JSValueMakeNumber(ctx, (double)off), JSValueMakeBoolean(ctx, kind == SP_WIRE_VIEW_DATAVIEW)};
    JSValueRef r = out_of_bounds ? NULL : call(ctx, wr->vm->tracks_length, NULL, 4, args, &e);
    if (e) { wfail(wr, e); return NULL; }
    double how = r ? JSValueToNumber(ctx, r, NULL) : -1;
    if (how < 0) { /* node's (V8's) words */
      wfail(wr, data_clone_error(ctx, kind == SP_WIRE_VIEW_DATAVIEW ? "#<DataView> could not be cloned."
                                                                   : "[object Object] could not be cloned."));
      return NULL;
    }
    if (how > 0) kind |= SP_WIRE_VIEW_TRACKING;
  }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_VIEW);
  sp_wbuf_u8(&wr->w, (uint8_t)kind);
  sp_wbuf_varint(&wr->w, off);
  sp_wbuf_varint(&wr->w, blen);
  return buf;
}

static void missing_transferable(writer_t *wr) {
  wfail(wr, sp_js_error(wr->ctx, "TypeError", "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST",
                        "Object that needs transfer was found in message but not listed in transferList"));
}

static void write_port(writer_t *wr, JSObjectRef o) {
  int xi = xfer_find(wr, o);
  if (xi < 0 && port_hooks->is_detached(wr->ctx, o)) { /* node: no longer a port, just uncloneable */
    wfail(wr, data_clone_error(wr->ctx, "Cannot transfer object of unsupported type."));
    return;
  }
  if (xi < 0) {
    missing_transferable(wr);
    return;
  }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_PORT);
  sp_wbuf_varint(&wr->w, (uint64_t)xi);
}

/* A FileHandle moves only in the transfer list (which read_transfer_list has checked). */
static void write_file_handle(writer_t *wr, JSObjectRef o) {
  int xi = xfer_find(wr, o);
  if (xi < 0) {
    missing_transferable(wr);
    return;
  }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_FILE_HANDLE);
  sp_wbuf_varint(&wr->w, (uint64_t)xi);
}

/* Natives of the JS writer. Each takes the staged byte count first and
 * appends those bytes before writing anything itself. */
/* The writer of a direct write (writeDirect in the codec): made by the first native the
 * codec calls during one, taken by sp_clone_take_direct. gen is the codec's count of direct
 * writes when it was made: one that threw leaves its writer behind with an older count,
 * dropped when the next is made or taken. */
typedef struct direct {
  writer_t wr;
  JSValueRef exc;
  uint32_t gen;
} direct_t;

/* A writer whose bytes begin with the format's version: in buf (cap bytes, the caller's), or
 * with buf NULL on the heap. */
static void writer_start(writer_t *wr, JSContextRef ctx, vm_t *vm, JSValueRef *exc, uint8_t *buf, size_t cap) {
  *wr = (writer_t){.ctx = ctx, .vm = vm, .exc = exc};
  if (buf) sp_wbuf_init_on(&wr->w, buf, cap);
  else sp_wbuf_init(&wr->w, cap);
  sp_wbuf_u8(&wr->w, SP_WIRE_VERSION);
}

/* Frees a writer's side handles (a message never made) and its buffers. */
static void writer_discard(writer_t *wr) {
  for (uint32_t i = 0; i < wr->nside; i++)
    if (wr->side && wr->side[i].handle && wr->side[i].free) wr->side[i].free(wr->side[i].handle);
  free(wr->side);
  sp_wbuf_free(&wr->w);
  for (uint32_t i = 0; i < wr->nxf; i++) JSValueUnprotect(wr->ctx, wr->xf[i].obj);
  free(wr->xf);
  wr->xf = NULL;
  wr->nxf = 0;
}

static void direct_free(direct_t *d) {
  if (!d) return;
  writer_discard(&d->wr);
  free(d);
}

/* The VM's direct writer if the direct write in progress made it, else NULL. */
static direct_t *direct_current(vm_t *vm) {
  direct_t *d = vm->direct;
  if (d && d->gen != *vm->dgen_ptr) { /* left by a direct write that threw */
    direct_free(d);
    vm->direct = d = NULL;
  }
  return d;
}

static writer_t *direct_writer(JSContextRef ctx, JSValueRef *exc) {
  vm_t *vm = vm_get(ctx, exc);
  if (!vm || !vm->dgen_ptr) return NULL;
  direct_t *d = direct_current(vm);
  if (d) return &d->wr;
  if (!(d = calloc(1, sizeof *d))) return NULL;
  d->gen = *vm->dgen_ptr;
  writer_start(&d->wr, ctx, vm, &d->exc, NULL, 256);
  d->wr.stage = vm->wstage_ptr;
  vm->direct = d;
  return &d->wr;
}

static writer_t *native_writer(JSContextRef ctx, size_t argc, const JSValueRef argv[], JSValueRef *exc) {
  writer_t *wr = cur_writer ? cur_writer : direct_writer(ctx, exc); /* no C writer: a direct write */
  if (!wr || wr->failed) {
    *exc = sp_js_error(ctx, "Error", NULL, "structured clone: no writer");
    return NULL;
  }
  double n = argc ? JSValueToNumber(ctx, argv[0], NULL) : 0;
  if (n > 0 && n <= WSTAGE_SIZE) sp_wbuf_bytes(&wr->w, wr->stage, (size_t)n);
  return wr;
}

/* A failed native: throw what the writer recorded. */
static JSValueRef native_done(writer_t *wr, JSValueRef *exc) {
  if (wr->failed) *exc = *wr->exc ? *wr->exc : data_clone_error(wr->ctx, "Unable to serialize value.");
  return JSValueMakeUndefined(wr->ctx);
}

static JSValueRef nat_flush(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, const JSValueRef argv[],
                            JSValueRef *exc) {
  native_writer(ctx, argc, argv, exc);
  return JSValueMakeUndefined(ctx);
}

/* writeString(pos, s): a long string, tag and all (its units are read in one engine call;
 * a JS loop pays a charCodeAt per unit). */
static JSValueRef nat_write_string(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
  writer_t *wr = native_writer(ctx, argc, argv, exc);
  if (!wr) return JSValueMakeUndefined(ctx);
  JSValueRef e = NULL;
  JSStringRef str = argc > 1 && JSValueIsString(ctx, argv[1]) ? JSValueToStringCopy(ctx, argv[1], &e) : NULL;
  if (!str) {
    wfail(wr, e);
    return native_done(wr, exc);
  }
  sp_wbuf_string16(&wr->w, JSStringGetCharactersPtr(str), JSStringGetLength(str));
  JSStringRelease(str);
  return native_done(wr, exc);
}

/* What the C API tells apart: 1 ArrayBuffer, 2 typed array, 3 MessagePort, 4 Date, 5 FileHandle,
 * else 0. */
static JSValueRef nat_classify(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                               const JSValueRef argv[], JSValueRef *exc) {
  int c = 0;
  if (argc && JSValueIsObject(ctx, argv[0])) {
    JSTypedArrayType t = JSValueGetTypedArrayType(ctx, argv[0], NULL);
    c = t == kJSTypedArrayTypeArrayBuffer ? 1
        : t != kJSTypedArrayTypeNone     ? 2
        : port_hooks && port_hooks->is_port(ctx, argv[0]) ? 3
        : JSValueIsDate(ctx, argv[0]) ? 4
        : fd_hooks && fd_hooks->classify(ctx, (JSObjectRef)argv[0]) != SP_CLONE_FH_NONE ? 5 : 0;
  }
  return JSValueMakeNumber(ctx, c);
}

/* A native that writes the one object it is given (argv[1]) with write_object. */
static JSValueRef write_one(JSContextRef ctx, size_t argc, const JSValueRef argv[], JSValueRef *exc,
                            void (*write_object)(writer_t *, JSObjectRef)) {
  writer_t *wr = native_writer(ctx, argc, argv, exc);
  if (!wr) return JSValueMakeUndefined(ctx);
  if (argc > 1 && JSValueIsObject(ctx, argv[1])) write_object(wr, (JSObjectRef)argv[1]);
  else wfail(wr, NULL);
  return native_done(wr, exc);
}

/* writeBuffer(staged, buffer, engine shared): the engine's own SharedArrayBuffer, which only a
 * shared WebAssembly.Memory makes (the codec's engineShared), cannot reach another VM through
 * the C API, and a copy would silently stop sharing (node shares it): it is refused. */
static void refuse_engine_shared(writer_t *wr, JSObjectRef o) {
  (void)o;
  wfail(wr, data_clone_error(wr->ctx, "The SharedArrayBuffer of a shared WebAssembly.Memory cannot be shared "
                                      "with another thread in spindle"));
}

static JSValueRef nat_write_buffer(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                   const JSValueRef argv[], JSValueRef *exc) {
  bool engine_shared = argc > 2 && JSValueToBoolean(ctx, argv[2]);
  return write_one(ctx, argc, argv, exc, engine_shared ? refuse_engine_shared : write_buffer);
}

static JSValueRef nat_write_view(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
  writer_t *wr = native_writer(ctx, argc, argv, exc);
  if (!wr) return JSValueMakeUndefined(ctx);
  JSObjectRef buf = argc > 1 && JSValueIsObject(ctx, argv[1]) ? write_view(wr, (JSObjectRef)argv[1]) : NULL;
  if (!buf) wfail(wr, NULL);
  return buf ? buf : native_done(wr, exc);
}

static JSValueRef nat_write_port(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                 const JSValueRef argv[], JSValueRef *exc) {
  return write_one(ctx, argc, argv, exc, write_port);
}

static JSValueRef nat_write_file_handle(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                        const JSValueRef argv[], JSValueRef *exc) {
  return write_one(ctx, argc, argv, exc, write_file_handle);
}

/* Returns (the JS codec throws) the DataCloneError for an uncloneable value. */
static JSValueRef nat_uncloneable(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
  JSValueRef e = NULL;
  vm_t *vm = vm_get(ctx, &e);
  if (!vm) { *exc = e; return JSValueMakeUndefined(ctx); }
  return uncloneable(ctx, vm, argc ? argv[0] : JSValueMakeUndefined(ctx));
}

/* Phase one: read the transfer list, reject bad entries. */
static bool read_transfer_list(writer_t *wr, JSValueRef transfer) {
  JSContextRef ctx = wr->ctx;
  if (!transfer || JSValueIsUndefined(ctx, transfer) || JSValueIsNull(ctx, transfer)) return true;
  if (!JSValueIsObject(ctx, transfer)) {
    wfail(wr, sp_js_error(ctx, "TypeError", "ERR_INVALID_ARG_TYPE", "Optional transferList argument must be an iterable"));
    return false;
  }
  JSObjectRef list = (JSObjectRef)transfer;
  JSValueRef e = NULL;
  double dn = JSValueToNumber(ctx, JSObjectGetProperty(ctx, list, s_length, &e), &e);
  if (e) { wfail(wr, e); return false; }
  size_t n = dn > 0 && dn < 1e7 ? (size_t)dn : 0;
  if (!n) return true;
  wr->xf = calloc(n, sizeof *wr->xf);
  if (!wr->xf) { wfail(wr, sp_js_error(ctx, "RangeError", NULL, "out of memory")); return false; }
  for (size_t i = 0; i < n; i++) {
    JSValueRef t = JSObjectGetPropertyAtIndex(ctx, list, (unsigned)i, &e);
    if (e) { wfail(wr, e); return false; }
    bool ok = JSValueIsObject(ctx, t);
    int kind = 0;
    if (ok && JSValueGetTypedArrayType(ctx, t, NULL) == kJSTypedArrayTypeArrayBuffer) {
      kind = SP_WIRE_SIDE_BUFFER;
      size_t slen;
      void *block = shared_hooks && shared_hooks->get_shared ? shared_hooks->get_shared(ctx, (JSObjectRef)t, &slen) : NULL;
      if (block) { /* shared memory is shared, never transferred */
        shared_hooks->free_shared(block);
        kind = 0;
      }
    }
    else if (ok && port_hooks && port_hooks->is_port(ctx, t))
      kind = SP_WIRE_SIDE_PORT;
    else if (ok && fd_hooks) {
      int fh = fd_hooks->classify(ctx, (JSObjectRef)t);
      if (fh == SP_CLONE_FH_IN_USE || fh == SP_CLONE_FH_CLOSED) { /* node's errors */
        wfail(wr, data_clone_error(ctx, fh == SP_CLONE_FH_IN_USE ? "Cannot transfer FileHandle while in use"
                                                                : "Cannot transfer object of unsupported type."));
        return false;
      }
      if (fh == SP_CLONE_FH_READY) kind = SP_WIRE_SIDE_FD;
    }
    if (!kind) {
      wfail(wr, sp_js_error(ctx, "TypeError", "ERR_INVALID_TRANSFER_OBJECT", "Found invalid object in transferList"));
      return false;
    }
    JSObjectRef o = (JSObjectRef)t;
    if (t == wr->source) { /* checked entry by entry, before the detached check, as node's */
      wfail(wr, data_clone_error(ctx, "Transfer list contains source port"));
      return false;
    }
    if (kind == SP_WIRE_SIDE_PORT && port_hooks->is_detached(ctx, o)) {
      wfail(wr, data_clone_error(ctx, "MessagePort in transfer list is already detached"));
      return false;
    }
    /* marked untransferable: a buffer is copied instead, a FileHandle is "not listed" (node) */
    if (kind != SP_WIRE_SIDE_PORT && sp_clone_is_untransferable(ctx, o)) continue;
    if (xfer_find(wr, o) >= 0) {
      wfail(wr, data_clone_error(ctx, kind == SP_WIRE_SIDE_PORT ? "Transfer list contains duplicate MessagePort"
                                      : kind == SP_WIRE_SIDE_FD ? "Transfer list contains duplicate FileHandle"
                                                                : "Transfer list contains duplicate ArrayBuffer"));
      return false;
    }
    JSValueProtect(ctx, o);
    wr->xf[wr->nxf++] = (xfer_t){.obj = o, .kind = (uint8_t)kind,
                                  .detached = kind == SP_WIRE_SIDE_BUFFER && is_detached(wr, o)};
  }
  return true;
}

/* ---- buffers that wrap a spindle block ---------------------------------------
 * A received ArrayBuffer wraps a block (sp_xbuf_t) without copying. To send it
 * on without a copy we must recognise it without taking its bytes pointer
 * (that pins it: ENGINE.md), so each wrapper gets an id, kept in a WeakMap of
 * its VM (identity, never a reused address) and in this registry, which the
 * engine's deallocator clears. Moving it on = detach with transfer(0) (no copy,
 * the deallocator runs) and pass the block by pointer. */
typedef struct lent {
  struct lent *next;
  double id;
  sp_xbuf_t *xb;
} lent_t;

#define LENT_BUCKETS 64
static lent_t *lent_table[LENT_BUCKETS]; /* guarded by lent_lock */
static double lent_next_id = 1;          /* guarded by lent_lock */
static pthread_mutex_t lent_lock = PTHREAD_MUTEX_INITIALIZER;

static lent_t *lent_new(sp_xbuf_t *xb) {
  lent_t *l = malloc(sizeof *l);
  if (!l) return NULL;
  l->xb = xb;
  pthread_mutex_lock(&lent_lock);
  l->id = lent_next_id++;
  size_t b = (size_t)l->id % LENT_BUCKETS;
  l->next = lent_table[b];
  lent_table[b] = l;
  pthread_mutex_unlock(&lent_lock);
  return l;
}

/* The block of a live wrapper id, with a new reference; NULL if unknown. */
static sp_xbuf_t *lent_find_ref(double id) {
  sp_xbuf_t *xb = NULL;
  pthread_mutex_lock(&lent_lock);
  for (lent_t *l = lent_table[(size_t)id % LENT_BUCKETS]; l; l = l->next)
    if (l->id == id) {
      xb = l->xb;
      sp_xbuf_ref(xb);
      break;
    }
  pthread_mutex_unlock(&lent_lock);
  return xb;
}

static void deallocate_xbuf(void *bytes, void *ctx) {
  (void)bytes;
  lent_t *l = ctx;
  pthread_mutex_lock(&lent_lock);
  for (lent_t **pp = &lent_table[(size_t)l->id % LENT_BUCKETS]; *pp; pp = &(*pp)->next)
    if (*pp == l) {
      *pp = l->next;
      break;
    }
  pthread_mutex_unlock(&lent_lock);
  sp_xbuf_unref(l->xb);
  free(l);
}

/* A wrapped block sent on: detach the wrapper, return its block (a new ref); NULL if not one. */
static sp_xbuf_t *take_lent(writer_t *wr, JSObjectRef buf) {
  JSContextRef ctx = wr->ctx;
  JSValueRef arg = buf, e = NULL;
  JSValueRef id = call(ctx, wr->vm->lent_id, NULL, 1, &arg, &e);
  if (e || !id || !JSValueIsNumber(ctx, id)) return NULL;
  sp_xbuf_t *xb = lent_find_ref(JSValueToNumber(ctx, id, NULL));
  if (!xb) return NULL;
  call(ctx, wr->vm->detach, NULL, 1, &arg, &e);
  if (e) { /* could not detach: do not hand out memory the sender still sees */
    sp_xbuf_unref(xb);
    return NULL;
  }
  return xb;
}

/* Phase two: the value is written; now detach what moves. */
static bool apply_transfers(writer_t *wr) {
  JSContextRef ctx = wr->ctx;
  for (uint32_t i = 0; i < wr->nxf; i++) {
    xfer_t *x = &wr->xf[i];
    sp_wire_side_t *s = &wr->side[i];
    if (x->kind == SP_WIRE_SIDE_PORT) {
      JSValueRef e = NULL;
      void *h = port_hooks->detach_port(ctx, x->obj, &e);
      if (!h) { wfail(wr, e); return false; }
      *s = (sp_wire_side_t){SP_WIRE_SIDE_PORT, h, 0, port_hooks->free_port};
      continue;
    }
    if (x->kind == SP_WIRE_SIDE_FD) {
      JSValueRef e = NULL;
      int fd = fd_hooks->detach(ctx, x->obj, &e);
      if (fd < 0) { wfail(wr, e); return false; }
      *s = (sp_wire_side_t){SP_WIRE_SIDE_FD, sp_wire_fd_handle(fd), 0, sp_wire_fd_close};
      continue;
    }
    sp_xbuf_t *xb = NULL;
    if (!x->detached && (xb = take_lent(wr, x->obj)) != NULL) {
      /* moved by pointer */
    } else if (!x->detached) {
      JSValueRef arg = x->obj, e = NULL;
      JSValueRef moved = call(ctx, wr->vm->transfer, NULL, 1, &arg, &e);
      if (e || !moved || !JSValueIsObject(ctx, moved)) { wfail(wr, e); return false; }
      /* `moved` is ours alone (no JS can reach it): taking its pointer is fine */
      void *p = JSObjectGetArrayBufferBytesPtr(ctx, (JSObjectRef)moved, NULL);
      size_t n = JSObjectGetArrayBufferByteLength(ctx, (JSObjectRef)moved, NULL);
      if (p && (xb = sp_xbuf_lookup_ref(p)) && xb->len != n) { sp_xbuf_unref(xb); xb = NULL; }
      if (!xb) {
        xb = sp_xbuf_new(n);
        if (!xb) { wfail(wr, sp_js_error(ctx, "RangeError", NULL, "Array buffer allocation failed")); return false; }
        if (n) memcpy(xb->data, p, n);
      }
    } else if (!(xb = sp_xbuf_new(0))) {
      wfail(wr, sp_js_error(ctx, "RangeError", NULL, "Array buffer allocation failed"));
      return false;
    }
    *s = (sp_wire_side_t){SP_WIRE_SIDE_BUFFER, xb, xb->len, sp_xbuf_unref_void};
  }
  return true;
}

/* Phase two and the message: the transfer list takes effect and the bytes and side table
 * become a message. NULL with *wr->exc set when anything failed (DataCloneError unless a
 * more precise error was recorded); the writer's buffers are freed either way. */
static sp_wire_msg_t *writer_finish(writer_t *wr) {
  if (!wr->failed && wr->w.oom) wfail(wr, sp_js_error(wr->ctx, "RangeError", NULL, "out of memory"));
  if (!wr->failed) apply_transfers(wr);
  sp_wire_msg_t *msg = NULL;
  if (!wr->failed) {
    msg = sp_wire_msg_from_wbuf(&wr->w, wr->side, wr->nside);
    if (msg) wr->side = NULL; /* the message owns the side handles now */
    else wfail(wr, sp_js_error(wr->ctx, "RangeError", NULL, "out of memory"));
  }
  if (wr->failed && !*wr->exc) *wr->exc = data_clone_error(wr->ctx, "Unable to serialize value.");
  writer_discard(wr);
  return msg;
}

static sp_wire_msg_t *serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSValueRef source,
                                JSValueRef *exc) {
  *exc = NULL;
  vm_t *vm = vm_get(ctx, exc);
  if (!vm) return NULL;
  writer_t wr;
  uint8_t small[256]; /* most messages fit: no heap buffer at all */
  writer_start(&wr, ctx, vm, exc, small, sizeof small);
  wr.source = source;
  if (read_transfer_list(&wr, transfer)) {
    /* side slots 0..nxf-1 belong to the transfer list; filled in phase two */
    for (uint32_t i = 0; i < wr.nxf; i++)
      if (side_add(&wr, (sp_wire_side_t){0}) < 0) wr.w.oom = true;
    /* a getter may clone again while we write: that inner call gets its own stage */
    JSObjectRef stage = vm->wstage;
    uint8_t *stage_ptr = vm->wstage_ptr;
    bool own = !vm->wstage_busy && !(vm->dgen_ptr && vm->dgen_ptr[1]); /* not in use by a direct write */
    if (!own) stage = make_stage(ctx, WSTAGE_SIZE, &stage_ptr);
    if (!stage) {
      wfail(&wr, sp_js_error(ctx, "RangeError", NULL, "out of memory"));
    } else {
      wr.stage = stage_ptr;
      if (own) vm->wstage_busy = true;
      writer_t *outer = cur_writer;
      cur_writer = &wr;
      JSValueRef e = NULL, args[2] = {value, stage};
      JSValueRef left = JSObjectCallAsFunction(ctx, vm->write, NULL, 2, args, &e);
      cur_writer = outer;
      if (own) vm->wstage_busy = false;
      if (e || !left) wfail(&wr, e);
      else {
        double n = JSValueToNumber(ctx, left, NULL);
        if (n > 0 && n <= WSTAGE_SIZE) sp_wbuf_bytes(&wr.w, stage_ptr, (size_t)n);
      }
    }
  }
  return writer_finish(&wr);
}

sp_wire_msg_t *sp_clone_take_direct(JSContextRef ctx, JSValueRef *exc) {
  *exc = NULL;
  vm_t *vm = vm_get(ctx, exc);
  if (!vm) return NULL;
  uint32_t n = vm->dgen_ptr ? vm->dgen_ptr[2] : 0;
  if (!vm->dgen_ptr || n > WSTAGE_SIZE) {
    *exc = sp_js_error(ctx, "Error", NULL, "structured clone: bad direct write");
    return NULL;
  }
  direct_t *d = direct_current(vm);
  vm->direct = NULL;
  if (!d) { /* the common case: everything is in the staging array, copied once */
    sp_wire_msg_t *msg = sp_wire_msg_alloc((size_t)n + 1);
    if (!msg) {
      *exc = sp_js_error(ctx, "RangeError", NULL, "out of memory");
      return NULL;
    }
    msg->data[0] = SP_WIRE_VERSION;
    memcpy(msg->data + 1, vm->wstage_ptr, n);
    return msg;
  }
  /* natives wrote buffers, long strings or earlier stagefuls: append the rest. A writer
   * whose native failed (and threw, yet the write went on) is never posted: finish fails. */
  sp_wbuf_bytes(&d->wr.w, vm->wstage_ptr, (size_t)n);
  sp_wire_msg_t *msg = writer_finish(&d->wr);
  if (!msg) *exc = d->exc;
  free(d); /* finish freed the writer's buffers */
  return msg;
}

JSObjectRef sp_clone_direct_writer(JSContextRef ctx, JSValueRef *exc) {
  *exc = NULL;
  vm_t *vm = vm_get(ctx, exc);
  return vm && vm->dgen_ptr ? vm->write_direct : NULL;
}

/* ---- reader ------------------------------------------------------------------------
 * The message is validated first (sp_wire_check), then its bytes are copied
 * into a staging Uint8Array and the JS codec (`read`) builds the value; C
 * makes only ArrayBuffers and what comes out of the side table. */
typedef struct reader {
  JSContextRef ctx;
  vm_t *vm;
  sp_wire_msg_t *msg;
  JSValueRef exc;
  bool failed;
  JSObjectRef *ports; /* by side index: the message's ports, made before the value (deliveries) */
} reader_t;

static __thread reader_t *cur_reader; /* the innermost deserialize on this thread */

static void rdfail(reader_t *rd, JSValueRef e) {
  if (!rd->failed) {
    rd->failed = true;
    rd->exc = e;
  }
}

static JSObjectRef make_buffer(reader_t *rd, sp_xbuf_t *xb) {
  JSValueRef e = NULL;
  lent_t *l = lent_new(xb);
  if (!l) {
    sp_xbuf_unref(xb);
    rdfail(rd, sp_js_error(rd->ctx, "RangeError", NULL, "Array buffer allocation failed"));
    return NULL;
  }
  JSObjectRef b = JSObjectMakeArrayBufferWithBytesNoCopy(rd->ctx, xb->data, xb->len, deallocate_xbuf, l, &e);
  if (!b) {
    deallocate_xbuf(NULL, l);
    rdfail(rd, e);
    return NULL;
  }
  JSValueRef args[2] = {b, JSValueMakeNumber(rd->ctx, l->id)};
  call(rd->ctx, rd->vm->tag_lent, NULL, 2, args, NULL);
  return b;
}

/* Natives of the JS reader: a failure throws the reader's error (or node's
 * "Unable to deserialize cloned data."). */
static JSValueRef reader_fail(JSContextRef ctx, reader_t *rd, JSValueRef *exc) {
  *exc = rd && rd->exc ? rd->exc : sp_js_error(ctx, "Error", NULL, "Unable to deserialize cloned data.");
  if (rd) rd->failed = false, rd->exc = NULL; /* thrown now; JS decides what happens next */
  return JSValueMakeUndefined(ctx);
}

/* copyBuffer(offset, n): an ARRAY_BUFFER payload of the message, as a new buffer. */
static JSValueRef nat_copy_buffer(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
  reader_t *rd = cur_reader;
  double off = argc > 1 ? JSValueToNumber(ctx, argv[0], NULL) : -1;
  double n = argc > 1 ? JSValueToNumber(ctx, argv[1], NULL) : -1;
  if (!rd || !(off >= 0 && n >= 0 && off <= rd->msg->len && n <= rd->msg->len - off)) return reader_fail(ctx, rd, exc);
  /* a NoCopy block, so that a later transfer of this buffer moves it by pointer */
  sp_xbuf_t *xb = sp_xbuf_new((size_t)n);
  if (!xb) {
    rdfail(rd, sp_js_error(ctx, "RangeError", NULL, "Array buffer allocation failed"));
    return reader_fail(ctx, rd, exc);
  }
  if (n) memcpy(xb->data, rd->msg->data + (size_t)off, (size_t)n);
  JSObjectRef o = make_buffer(rd, xb);
  return o ? o : reader_fail(ctx, rd, exc);
}

/* readString(tag, offset, n): a long string of n units (1 or 2 bytes each, little-endian)
 * at offset in the message, made in one engine call. */
static JSValueRef nat_read_string(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc,
                                  const JSValueRef argv[], JSValueRef *exc) {
  reader_t *rd = cur_reader;
  double tag = argc > 2 ? JSValueToNumber(ctx, argv[0], NULL) : -1;
  double off = argc > 2 ? JSValueToNumber(ctx, argv[1], NULL) : -1;
  double n = argc > 2 ? JSValueToNumber(ctx, argv[2], NULL) : -1;
  double unit = tag == SP_WIRE_TAG_STR1 ? 1 : tag == SP_WIRE_TAG_STR2 ? 2 : 0;
  if (!rd || !unit || !(off >= 0 && n >= 0 && off <= rd->msg->len && n * unit <= rd->msg->len - off))
    return reader_fail(ctx, rd, exc);
  size_t len = (size_t)n;
  const uint8_t *src = rd->msg->data + (size_t)off;
  JSChar *units = malloc(len ? len * sizeof *units : 1);
  if (!units) {
    rdfail(rd, sp_js_error(ctx, "RangeError", NULL, "out of memory"));
    return reader_fail(ctx, rd, exc);
  }
  sp_wire_units(units, src, len, (int)tag);
  JSStringRef str = JSStringCreateWithCharacters(units, len);
  free(units);
  JSValueRef v = JSValueMakeString(ctx, str);
  JSStringRelease(str);
  return v;
}

/* take(tag, index): a transferred buffer, shared block or port out of the side table. */
static JSValueRef nat_take(JSContextRef ctx, JSObjectRef f, JSObjectRef self, size_t argc, const JSValueRef argv[],
                           JSValueRef *exc) {
  reader_t *rd = cur_reader;
  double tag = argc > 1 ? JSValueToNumber(ctx, argv[0], NULL) : -1;
  double di = argc > 1 ? JSValueToNumber(ctx, argv[1], NULL) : -1;
  if (!rd || !(di >= 0 && di < rd->msg->nside)) return reader_fail(ctx, rd, exc);
  uint64_t idx = (uint64_t)di;
  JSValueRef e = NULL;
  JSObjectRef o = NULL;
  if (tag == SP_WIRE_TAG_TRANSFERRED) {
    sp_xbuf_t *xb = sp_wire_msg_take(rd->msg, idx, SP_WIRE_SIDE_BUFFER);
    o = xb ? make_buffer(rd, xb) : NULL;
  } else if (tag == SP_WIRE_TAG_SHARED) {
    void *block = sp_wire_msg_take(rd->msg, idx, SP_WIRE_SIDE_SHARED);
    if (block && shared_hooks && shared_hooks->wrap_shared) {
      o = shared_hooks->wrap_shared(ctx, block, (size_t)rd->msg->side[idx].len, &e);
      if (!o) rdfail(rd, e);
    } else if (block && shared_hooks && shared_hooks->free_shared) {
      shared_hooks->free_shared(block);
    }
  } else if (tag == SP_WIRE_TAG_FILE_HANDLE) {
    void *h = sp_wire_msg_take(rd->msg, idx, SP_WIRE_SIDE_FD);
    if (h && fd_hooks) {
      o = fd_hooks->attach(ctx, sp_wire_fd_of(h), &e);
      if (!o) {
        sp_wire_fd_close(h); /* nobody owns it now */
        rdfail(rd, e);
      }
    } else if (h) {
      sp_wire_fd_close(h);
    }
  } else if (tag == SP_WIRE_TAG_PORT) {
    void *h = sp_wire_msg_take(rd->msg, idx, SP_WIRE_SIDE_PORT);
    if (h && port_hooks) o = port_hooks->attach_port(ctx, h);
    else if (h && port_hooks) port_hooks->free_port(h);
    else if (!h && rd->ports) o = rd->ports[idx];
  }
  return o ? o : reader_fail(ctx, rd, exc);
}

/* then == NULL: returns the value (NULL and *exc when it cannot be decoded).
 * Else: returns then(arg, value or error, failed) and *exc is what then threw. */
static JSValueRef deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSObjectRef then, JSValueRef arg,
                              JSValueRef *exc) {
  *exc = NULL;
  vm_t *vm = vm_get(ctx, exc);
  int err = !vm ? SP_WIRE_ENOMEM : msg ? sp_wire_check(msg->data, msg->len, msg->side, msg->nside) : SP_WIRE_EBAD_VALUE;
  if (err) {
    JSValueRef e = *exc ? *exc : sp_js_error(ctx, "Error", NULL, "Unable to deserialize cloned data.");
    *exc = NULL;
    if (!then) {
      *exc = e;
      return NULL;
    }
    JSValueRef args[3] = {arg, e, JSValueMakeBoolean(ctx, true)};
    return JSObjectCallAsFunction(ctx, then, NULL, 3, args, exc);
  }
  /* the bytes go into the VM's reading stage (grown up to RSTAGE_MAX), or a
   * throwaway array when it is too small or in use by an outer read */
  JSObjectRef stage = NULL;
  uint8_t *ptr = NULL;
  bool own = !vm->rstage_busy && msg->len <= RSTAGE_MAX;
  if (own && msg->len > vm->rstage_cap) {
    size_t cap = vm->rstage_cap ? vm->rstage_cap : 16 * 1024;
    while (cap < msg->len) cap *= 2;
    if (cap > RSTAGE_MAX) cap = RSTAGE_MAX;
    JSObjectRef a = make_stage(ctx, cap, &ptr);
    if (a) {
      sp_js_set(ctx, vm->holder, "rstage", a); /* keeps it alive, drops the old one */
      vm->rstage = a;
      vm->rstage_ptr = ptr;
      vm->rstage_cap = cap;
    }
  }
  if (own && vm->rstage && msg->len <= vm->rstage_cap) {
    stage = vm->rstage;
    ptr = vm->rstage_ptr;
  } else {
    own = false;
    stage = make_stage(ctx, msg->len, &ptr);
    if (!stage) {
      *exc = sp_js_error(ctx, "RangeError", NULL, "Array buffer allocation failed");
      return NULL;
    }
  }
  memcpy(ptr, msg->data, msg->len);
  reader_t rd = {.ctx = ctx, .vm = vm, .msg = msg};
  /* A delivery hands on every port the message carries (node's MessageEvent.ports, in
   * transfer list order), also those the value does not hold: made first, here, each held
   * by the list (protected) until the array that then holds them all is made. */
  JSValueRef ports_arg = JSValueMakeUndefined(ctx);
  JSObjectRef ports_small[8], *ports = NULL;
  size_t nports = 0;
  if (then && port_hooks)
    for (uint32_t i = 0; i < msg->nside; i++) nports += msg->side[i].kind == SP_WIRE_SIDE_PORT;
  if (nports) {
    ports = msg->nside <= 8 ? ports_small : calloc(msg->nside, sizeof *ports);
    sp_js_list_t listed = {.ctx = ctx};
    for (uint32_t i = 0; ports && i < msg->nside; i++) {
      ports[i] = NULL;
      if (msg->side[i].kind != SP_WIRE_SIDE_PORT) continue;
      void *h = sp_wire_msg_take(msg, i, SP_WIRE_SIDE_PORT);
      if (h) ports[i] = port_hooks->attach_port(ctx, h);
      if (ports[i]) sp_js_list_add(&listed, ports[i]);
    }
    JSObjectRef array = sp_js_list_array(&listed, NULL);
    if (array) ports_arg = array;
    rd.ports = ports;
  }
  reader_t *outer = cur_reader;
  cur_reader = &rd;
  if (own) vm->rstage_busy = true;
  JSValueRef v;
  if (then) {
    JSValueRef args[4] = {stage, then, arg, ports_arg};
    v = JSObjectCallAsFunction(ctx, vm->read_then, NULL, 4, args, exc);
    if (ports != ports_small) free(ports);
  } else {
    JSValueRef sarg = stage;
    v = JSObjectCallAsFunction(ctx, vm->read, NULL, 1, &sarg, exc);
  }
  if (own) vm->rstage_busy = false;
  cur_reader = outer;
  if (then) return v;
  if (*exc || !v) {
    if (!*exc) *exc = sp_js_error(ctx, "Error", NULL, "Unable to deserialize cloned data.");
    return NULL;
  }
  return v;
}

/* Serialization runs inside postMessage, i.e. already inside the engine. */
sp_wire_msg_t *sp_clone_serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSValueRef *exc) {
  return serialize(ctx, value, transfer, NULL, exc);
}

sp_wire_msg_t *sp_clone_serialize_from(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSObjectRef source,
                                       JSValueRef *exc) {
  return serialize(ctx, value, transfer, source, exc);
}

/* Deserialization usually runs from C (message delivery). Holding the engine
 * lock across the whole build makes every inner C API call a nested one: no
 * microtask drain after each call (measured: a third of the time on a 1000
 * record message). Nothing we call queues jobs, so the drain at the matching
 * JSUnlock finds none of ours. */
JSValueRef sp_clone_deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc) {
  JSLock(ctx);
  JSValueRef v = deserialize(ctx, msg, NULL, NULL, exc);
  JSUnlock(ctx);
  return v;
}

JSValueRef sp_clone_deserialize_then(JSContextRef ctx, sp_wire_msg_t *msg, JSObjectRef then, JSValueRef arg,
                                     JSValueRef *exc) {
  JSLock(ctx);
  JSValueRef v = deserialize(ctx, msg, then, arg, exc);
  JSUnlock(ctx);
  return v;
}

/* ---- markAsUntransferable ------------------------------------------------------------ */
void sp_clone_mark_untransferable(JSContextRef ctx, JSObjectRef obj) {
  JSValueRef e = NULL;
  vm_t *vm = vm_get(ctx, &e);
  JSValueRef arg = obj;
  if (vm) call(ctx, vm->mark, NULL, 1, &arg, &e);
}

bool sp_clone_is_untransferable(JSContextRef ctx, JSValueRef v) {
  JSValueRef e = NULL;
  vm_t *vm = vm_get(ctx, &e);
  if (!vm || !JSValueIsObject(ctx, v)) return false;
  JSValueRef r = call(ctx, vm->is_marked, NULL, 1, &v, &e);
  return r && JSValueToBoolean(ctx, r);
}

/* ---- WebAssembly modules ------------------------------------------------------------ */
void sp_clone_record_wasm_module(JSContextRef ctx, JSObjectRef module, JSObjectRef bytes) {
  JSValueRef e = NULL;
  vm_t *vm = vm_get(ctx, &e);
  JSValueRef args[2] = {module, bytes};
  if (vm) call(ctx, vm->record_wasm, NULL, 2, args, &e);
}
