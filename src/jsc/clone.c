/* Structured clone with the JSC C API (see clone.h for the contract and
 * core/wire.h for the format).
 *
 * How values are classified: only through public means (no engine internals).
 * The C API tells arrays, Dates, functions, ArrayBuffers and typed arrays
 * apart. Everything else goes to one JS helper (`entries`) that reads the
 * object's builtin tag, confirms it with a brand check that cannot succeed on
 * an impostor (RegExp source getter, Map size getter, valueOf of the wrapper
 * ...), and for a plain object returns its own enumerable entries in the
 * same call, so the common case costs one call into JS per object. Known
 * gaps against V8: a Proxy is cloned through its traps (JS cannot see one),
 * and a builtin whose Symbol.toStringTag was redefined is cloned as a plain
 * object.
 *
 * Per-VM state. A few intrinsics have no C API (Map iteration, Date's time
 * value, RegExp flags, ArrayBuffer.prototype.transfer, DataView): a small
 * helper script captures them once per VM into one protected object. It is
 * found through a thread-local pointer (one VM per thread) that is checked
 * against the context's global object; the holder's finalizer clears it when
 * the VM goes away.
 *
 * GC safety. Objects being built are held in C locals, which JSC's
 * conservative stack scan keeps alive; the writer also appends every object
 * it has numbered to a JS array, because a getter may drop the last reference
 * to one and a later object could reuse its address (a false back-reference).
 *
 * Buffers are never pinned (JSObjectGetArrayBufferBytesPtr on a user buffer
 * would make its later transfer() copy and leave it attached): copies go
 * through ArrayBuffer.prototype.slice, and bytes are read from the slice. */
#include "jsc/clone.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsc/js.h"
#include "jsc/jsc_private.h"

/* Stack kept free below the deepest clone frame, for the engine's own calls. */
enum { STACK_MARGIN = 192 * 1024 };

static const sp_clone_port_hooks_t *port_hooks;
static const sp_clone_shared_hooks_t *shared_hooks;
void sp_clone_set_port_hooks(const sp_clone_port_hooks_t *h) { port_hooks = h; }
void sp_clone_set_shared_hooks(const sp_clone_shared_hooks_t *h) { shared_hooks = h; }

/* What the classify-or-entries helper answers for an object that is not an
 * array, a Date, a function or a buffer/view (those the C API tells apart). */
enum cls {
  C_PLAIN = 0, C_REGEXP = 1, C_MAP = 2, C_SET = 3, C_ERROR = 4, C_DATAVIEW = 5, C_NUMBER = 6,
  C_STRING = 7, C_BOOLEAN = 8, C_BIGINT = 9, C_UNCLONEABLE = 10
};

/* ---- per-VM helpers ---------------------------------------------------------- */
static const char helpers_src[] =
    "(function () {\n"
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
    "var errorNames = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];\n"
    "var errorCtors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];\n"
    "var marked = new WeakSet(), wsHas = WeakSet.prototype.has, wsAdd = WeakSet.prototype.add;\n"
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
    "return {\n"
    "  arrayParts: function (o) {\n"
    "    var len = o.length >>> 0, k = keys(o), n = k.length, dense = 0, i, j, key, v;\n"
    "    while (dense < n && dense < len && k[dense] === '' + dense) dense++;\n"
    "    var a = new Array(2 + dense + 2 * (n - dense));\n"
    "    a[0] = len; a[1] = dense;\n"
    "    for (i = 0; i < dense; i++) a[2 + i] = o[i];\n"
    "    for (i = dense, j = 2 + dense; i < n; i++) {\n"
    "      key = k[i]; v = o[key];\n"
    "      if (v === undefined && !apply(hasOwn, o, [key])) continue;\n"
    "      var idx = +key;\n"
    "      a[j++] = (idx >>> 0) === idx && idx !== 4294967295 && '' + idx === key ? idx : key;\n"
    "      a[j++] = v;\n"
    "    }\n"
    "    a.length = j > 2 + dense ? j : 2 + dense;\n"
    "    return a;\n"
    "  },\n"
    "  mapEntries: function (m) { var a = [], i = 0; apply(mapForEach, m, [function (v, k) { a[i++] = k; a[i++] = v; }]); return a; },\n"
    "  setValues: function (s) { var a = [], i = 0; apply(setForEach, s, [function (v) { a[i++] = v; }]); return a; },\n"
    "  dateValue: Date.prototype.getTime, numberValue: Number.prototype.valueOf,\n"
    "  stringValue: String.prototype.valueOf, booleanValue: Boolean.prototype.valueOf,\n"
    "  bigintValue: BigInt.prototype.valueOf,\n"
    "  entries: function (o) {\n"
    "    var tag = apply(objToString, o, []);\n"
    "    if (tag !== '[object Object]') {\n"
    "      switch (tag) {\n"
    "      case '[object RegExp]': try { apply(reSource, o, []); return 1; } catch (e) {} break;\n"
    "      case '[object Map]': try { apply(mapSize, o, []); return 2; } catch (e) {} break;\n"
    "      case '[object Set]': try { apply(setSize, o, []); return 3; } catch (e) {} break;\n"
    "      case '[object Error]': return 4;\n"
    "      case '[object DataView]': try { apply(dvBuffer, o, []); return 5; } catch (e) {} break;\n"
    "      case '[object Number]': try { apply(numValueOf, o, []); return 6; } catch (e) {} break;\n"
    "      case '[object String]': try { apply(strValueOf, o, []); return 7; } catch (e) {} break;\n"
    "      case '[object Boolean]': try { apply(boolValueOf, o, []); return 8; } catch (e) {} break;\n"
    "      case '[object BigInt]': try { apply(bigValueOf, o, []); return 9; } catch (e) {} break;\n"
    "      case '[object Symbol]': case '[object Promise]': case '[object WeakMap]': case '[object WeakSet]':\n"
    "      case '[object WeakRef]': case '[object FinalizationRegistry]': case '[object Generator]':\n"
    "      case '[object AsyncGenerator]': case '[object Arguments]': return 10;\n"
    "      }\n"
    "    }\n"
    "    var k = keys(o), n = k.length, a = new Array(2 * n), j = 0, key, v;\n"
    "    for (var i = 0; i < n; i++) {\n"
    "      key = k[i]; v = o[key];\n"
    "      if (v === undefined && !apply(hasOwn, o, [key])) continue;\n"
    "      a[j++] = key; a[j++] = v;\n"
    "    }\n"
    "    if (j !== 2 * n) a.length = j;\n"
    "    return a;\n"
    "  },\n"
    "  regexp: function (r) { return [apply(reSource, r, []), apply(reFlags, r, [])]; },\n"
    "  errorInfo: function (e) {\n"
    "    var name = e.name, kind = 0, flags = 0, message, stack, cause, d;\n"
    "    for (var i = 1; i < 7; i++) if (name === errorNames[i]) kind = i;\n"
    "    d = gopd(e, 'message');\n"
    "    if (d && hasOwn.call(d, 'value')) { flags |= 1; message = Str(d.value); }\n"
    "    stack = e.stack;\n"
    "    if (typeof stack === 'string') flags |= 2;\n"
    "    if (hasOwn.call(e, 'cause')) { flags |= 4; cause = e.cause; }\n"
    "    return [kind, flags, message, stack, cause];\n"
    "  },\n"
    "  makeError: function (kind, flags, message, stack) {\n"
    "    var e = new errorCtors[kind]();\n"
    "    delete e.line; delete e.column; delete e.sourceURL; delete e.stack;\n"
    "    hidden.value = flags & 2 ? stack : undefined; define(e, 'stack', hidden);\n"
    "    if (flags & 1) { hidden.value = message; define(e, 'message', hidden); }\n"
    "    hidden.value = undefined;\n"
    "    return e;\n"
    "  },\n"
    "  defineHidden: function (o, k, v) { hidden.value = v; define(o, k, hidden); hidden.value = undefined; },\n"
    "  defineOpen: function (o, k, v) { open.value = v; define(o, k, open); open.value = undefined; },\n"
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
    "  slice: function (b) { return apply(abSlice, b, []); },\n"
    "  transfer: function (b) { return apply(abTransfer, b, []); },\n"
    "  detach: function (b) { apply(abTransfer, b, [0]); },\n"
    "  tagLent: function (b, id) { lent.set(b, id); },\n"
    "  lentId: function (b) { return lent.get(b); },\n"
    "  dataView: function (v) { return [apply(dvBuffer, v, []), apply(dvOffset, v, []), apply(dvLength, v, [])]; },\n"
    "  Map: Map, mapSet: Map.prototype.set, Set: Set, setAdd: Set.prototype.add, DataView: DataView,\n"
    "  mark: function (o) { apply(wsAdd, marked, [o]); },\n"
    "  isMarked: function (o) { return apply(wsHas, marked, [o]); },\n"
    "};\n"
    "})()";

typedef struct vm {
  struct vm *next; /* this thread's other VMs (normally none) */
  JSObjectRef global;
  JSObjectRef holder; /* protected; owns every function below */
  JSObjectRef entries, array_parts, map_entries, set_values, date_value, number_value, string_value, boolean_value,
      bigint_value, regexp, error_info, make_error, define_hidden, define_open, describe,
      is_detached, slice, transfer, data_view, map_ctor, map_set, set_ctor, set_add,
      dv_ctor, mark, is_marked, detach, tag_lent, lent_id;
} vm_t;

static __thread vm_t *tls_vms; /* most recently used first */
static JSClassRef vm_class;
static pthread_once_t vm_class_once = PTHREAD_ONCE_INIT;

/* names used on every message, created once (JSStringRefs are VM-independent) */
static JSStringRef s_length, s_lastIndex;
static JSStringRef s_proto_key;

static void vm_finalize(JSObjectRef obj) {
  vm_t *vm = JSObjectGetPrivate(obj);
  for (vm_t **p = &tls_vms; *p; p = &(*p)->next)
    if (*p == vm) { *p = vm->next; break; }
  free(vm);
}

static void vm_class_init(void) {
  JSClassDefinition def = kJSClassDefinitionEmpty;
  def.className = "SpindleCloneState";
  def.finalize = vm_finalize;
  vm_class = JSClassCreate(&def);
  s_length = JSStringCreateWithUTF8CString("length");
  s_lastIndex = JSStringCreateWithUTF8CString("lastIndex");
  s_proto_key = JSStringCreateWithUTF8CString("__proto__");
}

static JSObjectRef get_fn(JSContextRef ctx, JSObjectRef o, const char *name) {
  JSValueRef v = sp_js_get(ctx, o, name);
  return v && JSValueIsObject(ctx, v) ? (JSObjectRef)v : NULL;
}

static vm_t *vm_get(JSContextRef ctx, JSValueRef *exc) {
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
  JSStringRef src = JSStringCreateWithUTF8CString(helpers_src);
  JSValueRef e = NULL;
  JSValueRef h = JSEvaluateScript(ctx, src, NULL, NULL, 1, &e);
  JSStringRelease(src);
  if (!h || !JSValueIsObject(ctx, h)) {
    *exc = e ? e : sp_js_error(ctx, "Error", NULL, "structured clone: helper setup failed");
    return NULL;
  }
  vm_t *vm = calloc(1, sizeof *vm);
  JSObjectRef holder = (JSObjectRef)h;
  vm->global = global;
  vm->holder = holder;
#define F(field, name) vm->field = get_fn(ctx, holder, name);
  F(entries, "entries") F(array_parts, "arrayParts") F(map_entries, "mapEntries") F(set_values, "setValues") F(date_value, "dateValue")
  F(number_value, "numberValue") F(string_value, "stringValue") F(boolean_value, "booleanValue")
  F(bigint_value, "bigintValue") F(regexp, "regexp") F(error_info, "errorInfo")
  F(make_error, "makeError") F(define_hidden, "defineHidden") F(define_open, "defineOpen")
  F(describe, "describe") F(is_detached, "isDetached")
  F(slice, "slice") F(transfer, "transfer") F(data_view, "dataView") F(map_ctor, "Map")
  F(map_set, "mapSet") F(set_ctor, "Set") F(set_add, "setAdd") F(dv_ctor, "DataView")
  F(mark, "mark") F(is_marked, "isMarked") F(detach, "detach") F(tag_lent, "tagLent") F(lent_id, "lentId")
#undef F
  /* The state's lifetime follows the holder: protected for the VM's life, finalized with it. */
  JSObjectRef token = JSObjectMake(ctx, vm_class, vm);
  JSStringRef state = JSStringCreateWithUTF8CString("state");
  JSObjectSetProperty(ctx, holder, state, token, kJSPropertyAttributeDontEnum, NULL);
  JSStringRelease(state);
  JSValueProtect(ctx, holder);
  vm->next = tls_vms;
  tls_vms = vm;
  return vm;
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

static uintptr_t stack_low(void) {
  static __thread uintptr_t lo;
  if (!lo) {
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      if (pthread_attr_getstack(&attr, &addr, &size) == 0) lo = (uintptr_t)addr + STACK_MARGIN;
      pthread_attr_destroy(&attr);
    }
    if (!lo) lo = 1;
  }
  return lo;
}

static inline bool stack_exhausted(uintptr_t lo) {
  char here;
  return (uintptr_t)&here < lo;
}

/* ---- writer --------------------------------------------------------------------- */
typedef struct xfer {
  JSObjectRef obj;
  uint8_t kind;   /* SP_WIRE_SIDE_BUFFER or _PORT */
  bool detached;  /* a buffer already detached: arrives as an empty buffer */
} xfer_t;

typedef struct keyent {
  uint32_t hash, id, units;
  size_t off; /* of the units in the output */
  bool wide;
} keyent_t;

typedef struct writer {
  JSContextRef ctx;
  vm_t *vm;
  sp_wbuf_t w;
  JSValueRef *exc;
  bool failed;
  /* object -> id (open addressing; ids are 1-based in the table, 0 = empty) */
  JSObjectRef *okeys;
  uint32_t *ovals;
  size_t ocap, on;
  uint32_t next_id;
  JSObjectRef keep; /* JS array holding every numbered object and key */
  unsigned nkeep;
  /* property keys already sent: by string cell, and by content */
  JSValueRef *pkeys;
  uint32_t *pvals;
  size_t pcap, pn;
  keyent_t *keys;
  size_t kcap, kn;
  /* transfer list (side indices 0..nxf-1), then shared blocks */
  xfer_t *xf;
  uint32_t nxf;
  sp_wire_side_t *side;
  uint32_t nside, cside;
  int depth;
  uintptr_t stack_lo;
} writer_t;

static void wfail(writer_t *wr, JSValueRef e) {
  if (!wr->failed) {
    wr->failed = true;
    if (e) *wr->exc = e;
  }
}

static void keep_alive(writer_t *wr, JSValueRef v) {
  if (!wr->keep) wr->keep = JSObjectMakeArray(wr->ctx, 0, NULL, NULL); /* primitives never need it */
  JSObjectSetPropertyAtIndex(wr->ctx, wr->keep, wr->nkeep++, v, NULL);
}

static size_t ohash(JSObjectRef o, size_t cap) {
  uint64_t x = (uint64_t)(uintptr_t)o >> 4;
  x *= 0x9e3779b97f4a7c15ULL;
  return (size_t)(x >> 20) & (cap - 1);
}

static uint32_t obj_find(writer_t *wr, JSObjectRef o) {
  if (!wr->ocap) return 0;
  for (size_t h = ohash(o, wr->ocap);; h = (h + 1) & (wr->ocap - 1)) {
    if (!wr->okeys[h]) return 0;
    if (wr->okeys[h] == o) return wr->ovals[h];
  }
}

static bool obj_add(writer_t *wr, JSObjectRef o) {
  if ((wr->on + 1) * 2 > wr->ocap) {
    size_t cap = wr->ocap ? wr->ocap * 2 : 16;
    JSObjectRef *k = calloc(cap, sizeof *k);
    uint32_t *v = malloc(cap * sizeof *v);
    if (!k || !v) { free(k); free(v); wr->w.oom = true; return false; }
    for (size_t i = 0; i < wr->ocap; i++) {
      if (!wr->okeys[i]) continue;
      size_t h = ohash(wr->okeys[i], cap);
      while (k[h]) h = (h + 1) & (cap - 1);
      k[h] = wr->okeys[i];
      v[h] = wr->ovals[i];
    }
    free(wr->okeys);
    free(wr->ovals);
    wr->okeys = k;
    wr->ovals = v;
    wr->ocap = cap;
  }
  size_t h = ohash(o, wr->ocap);
  while (wr->okeys[h]) h = (h + 1) & (wr->ocap - 1);
  wr->okeys[h] = o;
  wr->ovals[h] = ++wr->next_id;
  wr->on++;
  keep_alive(wr, o);
  return true;
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

/* Most strings are short and ASCII: the engine's own Latin-1 -> UTF-8 copy
 * into a stack buffer is then exactly the wire's Latin-1 bytes, and spares
 * the 16-bit copy that JSStringGetCharactersPtr makes of an 8-bit string. */
static void write_jsstring(writer_t *wr, JSStringRef s) {
  size_t n = JSStringGetLength(s);
  if (n <= 512) {
    char buf[3 * 512 + 1];
    size_t got = JSStringGetUTF8CString(s, buf, sizeof buf);
    if (got == n + 1) { /* one byte per unit: all ASCII */
      sp_wbuf_string8(&wr->w, (const uint8_t *)buf, n);
      return;
    }
  }
  sp_wbuf_string16(&wr->w, (const uint16_t *)JSStringGetCharactersPtr(s), n);
}

static void write_string_value(writer_t *wr, JSValueRef v) {
  JSStringRef s = JSValueToStringCopy(wr->ctx, v, NULL);
  if (!s) { wfail(wr, NULL); return; }
  write_jsstring(wr, s);
  JSStringRelease(s);
}

static void write_bigint(writer_t *wr, JSValueRef v) {
  JSStringRef s = JSValueToStringCopy(wr->ctx, v, NULL); /* decimal digits */
  if (!s) { wfail(wr, NULL); return; }
  size_t n = JSStringGetLength(s);
  const JSChar *u = JSStringGetCharactersPtr(s);
  sp_wbuf_varint(&wr->w, n);
  uint8_t *p = sp_wbuf_reserve(&wr->w, n);
  if (p) {
    for (size_t i = 0; i < n; i++) p[i] = (uint8_t)u[i];
    wr->w.len += n;
  }
  JSStringRelease(s);
}


/* A property key by content: numbered on first use, then sent as KEY_REF.
 * Returns the key's id (1-based), 0 if not remembered. */
static uint32_t write_key_string(writer_t *wr, JSStringRef name) {
  const uint16_t *u = (const uint16_t *)JSStringGetCharactersPtr(name);
  size_t n = JSStringGetLength(name);
  uint32_t h = 2166136261u;
  bool wide = false;
  for (size_t i = 0; i < n; i++) {
    h = (h ^ u[i]) * 16777619u;
    wide |= u[i] > 0xff;
  }
  if (wr->kcap) {
    for (size_t i = h & (wr->kcap - 1);; i = (i + 1) & (wr->kcap - 1)) {
      keyent_t *k = &wr->keys[i];
      if (!k->id) break;
      if (k->hash != h || k->units != n || k->wide != wide) continue;
      const uint8_t *b = wr->w.data + k->off;
      size_t j = 0;
      if (wide) { for (; j < n; j++) if ((uint16_t)(b[2 * j] | b[2 * j + 1] << 8) != u[j]) break; }
      else { for (; j < n; j++) if (b[j] != u[j]) break; }
      if (j == n) {
        sp_wbuf_u8(&wr->w, SP_WIRE_TAG_KEY_REF);
        sp_wbuf_varint(&wr->w, k->id - 1);
        return k->id;
      }
    }
  }
  uint32_t id = (uint32_t)++wr->kn;
  sp_wbuf_u8(&wr->w, wide ? SP_WIRE_TAG_STR2 : SP_WIRE_TAG_STR1);
  sp_wbuf_varint(&wr->w, n);
  size_t off = wr->w.len;
  uint8_t *p = sp_wbuf_reserve(&wr->w, wide ? 2 * n : n);
  if (!p) return 0;
  if (wide) for (size_t i = 0; i < n; i++) { p[2 * i] = (uint8_t)u[i]; p[2 * i + 1] = (uint8_t)(u[i] >> 8); }
  else for (size_t i = 0; i < n; i++) p[i] = (uint8_t)u[i];
  wr->w.len += wide ? 2 * n : n;
  if (n > 256) return id; /* long keys are rare: not worth remembering by content */
  if (wr->kn * 2 > wr->kcap) {
    size_t cap = wr->kcap ? wr->kcap * 2 : 16;
    while (wr->kn * 2 > cap) cap *= 2;
    keyent_t *nk = calloc(cap, sizeof *nk);
    if (!nk) { wr->w.oom = true; return 0; }
    for (size_t i = 0; i < wr->kcap; i++) {
      keyent_t *k = &wr->keys[i];
      if (!k->id) continue;
      size_t j = k->hash & (cap - 1);
      while (nk[j].id) j = (j + 1) & (cap - 1);
      nk[j] = *k;
    }
    free(wr->keys);
    wr->keys = nk;
    wr->kcap = cap;
  }
  size_t i = h & (wr->kcap - 1);
  while (wr->keys[i].id) i = (i + 1) & (wr->kcap - 1);
  wr->keys[i] = (keyent_t){.hash = h, .id = id, .units = (uint32_t)n, .off = off, .wide = wide};
  return id;
}

/* A key given as a JS string. Object.keys hands out the same string cells for
 * objects of one shape, so most keys are found by pointer, without reading
 * their characters at all; the cells are kept alive so a pointer cannot be
 * reused by another string during the walk. */
static void write_key(writer_t *wr, JSValueRef key) {
  if (wr->pcap) {
    for (size_t i = ohash((JSObjectRef)key, wr->pcap);; i = (i + 1) & (wr->pcap - 1)) {
      if (!wr->pkeys[i]) break;
      if (wr->pkeys[i] == key) {
        sp_wbuf_u8(&wr->w, SP_WIRE_TAG_KEY_REF);
        sp_wbuf_varint(&wr->w, wr->pvals[i] - 1);
        return;
      }
    }
  }
  JSStringRef s = JSValueToStringCopy(wr->ctx, key, NULL);
  if (!s) { wfail(wr, NULL); return; }
  uint32_t id = write_key_string(wr, s);
  JSStringRelease(s);
  if (!id) return;
  if ((wr->pn + 1) * 2 > wr->pcap) {
    size_t cap = wr->pcap ? wr->pcap * 2 : 16;
    JSValueRef *k = calloc(cap, sizeof *k);
    uint32_t *v = malloc(cap * sizeof *v);
    if (!k || !v) { free(k); free(v); return; }
    for (size_t i = 0; i < wr->pcap; i++) {
      if (!wr->pkeys[i]) continue;
      size_t h = ohash((JSObjectRef)wr->pkeys[i], cap);
      while (k[h]) h = (h + 1) & (cap - 1);
      k[h] = wr->pkeys[i];
      v[h] = wr->pvals[i];
    }
    free(wr->pkeys);
    free(wr->pvals);
    wr->pkeys = k;
    wr->pvals = v;
    wr->pcap = cap;
  }
  size_t h = ohash((JSObjectRef)key, wr->pcap);
  while (wr->pkeys[h]) h = (h + 1) & (wr->pcap - 1);
  wr->pkeys[h] = key;
  wr->pvals[h] = id;
  wr->pn++;
  keep_alive(wr, key);
}

static void write_value(writer_t *wr, JSValueRef v);

static JSObjectRef helper_list(writer_t *wr, JSObjectRef fn, JSObjectRef o, size_t *n) {
  JSValueRef arg = o, e = NULL;
  JSValueRef list = call(wr->ctx, fn, NULL, 1, &arg, &e);
  if (e || !list || !JSValueIsObject(wr->ctx, list)) { wfail(wr, e); return NULL; }
  *n = (size_t)JSValueToNumber(wr->ctx, JSObjectGetProperty(wr->ctx, (JSObjectRef)list, s_length, NULL), NULL);
  return (JSObjectRef)list;
}

/* (key value)* END from a flat [k, v, k, v ...] list starting at `from`;
 * a numeric key is an array index. */
static void write_pairs(writer_t *wr, JSObjectRef list, size_t from, size_t n, bool may_index) {
  JSContextRef ctx = wr->ctx;
  for (size_t i = from; i + 1 < n && !wr->failed; i += 2) {
    JSValueRef k = JSObjectGetPropertyAtIndex(ctx, list, (unsigned)i, NULL);
    if (may_index && JSValueIsNumber(ctx, k)) {
      sp_wbuf_u8(&wr->w, SP_WIRE_TAG_KEY_INDEX);
      sp_wbuf_varint(&wr->w, (uint64_t)JSValueToNumber(ctx, k, NULL));
    } else {
      write_key(wr, k);
    }
    write_value(wr, JSObjectGetPropertyAtIndex(ctx, list, (unsigned)i + 1, NULL));
  }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_END);
}

static void write_array(writer_t *wr, JSObjectRef o) {
  JSContextRef ctx = wr->ctx;
  size_t n;
  JSObjectRef list = helper_list(wr, wr->vm->array_parts, o, &n);
  if (!list || n < 2) { wfail(wr, NULL); return; }
  double len = JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, list, 0, NULL), NULL);
  double dense = JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, list, 1, NULL), NULL);
  if (!(dense >= 0 && dense <= len && 2 + dense <= n)) { wfail(wr, NULL); return; }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_ARRAY);
  sp_wbuf_varint(&wr->w, (uint64_t)len);
  sp_wbuf_varint(&wr->w, (uint64_t)dense);
  for (size_t i = 0; i < (size_t)dense && !wr->failed; i++)
    write_value(wr, JSObjectGetPropertyAtIndex(ctx, list, (unsigned)(2 + i), NULL));
  if (!wr->failed) write_pairs(wr, list, 2 + (size_t)dense, n, true);
}

/* Values of a JS array made by a helper (Map/Set snapshots). */
static void write_list(writer_t *wr, JSValueRef list) {
  JSContextRef ctx = wr->ctx;
  if (!list || !JSValueIsObject(ctx, list)) { wfail(wr, NULL); return; }
  JSValueRef e = NULL;
  size_t n = (size_t)JSValueToNumber(ctx, JSObjectGetProperty(ctx, (JSObjectRef)list, s_length, NULL), NULL);
  for (size_t i = 0; i < n && !wr->failed; i++) {
    JSValueRef val = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)list, (unsigned)i, &e);
    if (e) { wfail(wr, e); return; }
    write_value(wr, val);
  }
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_END);
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

static void write_buffer(writer_t *wr, JSObjectRef o) {
  JSContextRef ctx = wr->ctx;
  int xi = xfer_find(wr, o);
  if (xi >= 0) {
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
  size_t len = JSObjectGetArrayBufferByteLength(ctx, o, NULL);
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

static const JSTypedArrayType view_types[SP_WIRE_VIEW_COUNT] = {
    kJSTypedArrayTypeInt8Array, kJSTypedArrayTypeUint8Array, kJSTypedArrayTypeUint8ClampedArray,
    kJSTypedArrayTypeInt16Array, kJSTypedArrayTypeUint16Array, kJSTypedArrayTypeInt32Array,
    kJSTypedArrayTypeUint32Array, kJSTypedArrayTypeFloat32Array, kJSTypedArrayTypeFloat64Array,
    kJSTypedArrayTypeBigInt64Array, kJSTypedArrayTypeBigUint64Array, kJSTypedArrayTypeNone};

static void write_view(writer_t *wr, JSObjectRef o) {
  JSContextRef ctx = wr->ctx;
  JSValueRef e = NULL;
  int kind = view_kind(JSValueGetTypedArrayType(ctx, o, NULL));
  JSObjectRef buf;
  size_t off, blen;
  if (kind >= 0) {
    buf = JSObjectGetTypedArrayBuffer(ctx, o, &e);
    off = JSObjectGetTypedArrayByteOffset(ctx, o, NULL);
    blen = JSObjectGetTypedArrayByteLength(ctx, o, NULL);
  } else {
    JSValueRef arg = o;
    JSValueRef info = call(ctx, wr->vm->data_view, NULL, 1, &arg, &e);
    if (e || !info || !JSValueIsObject(ctx, info)) {
      /* a DataView over a detached buffer throws on byteOffset */
      wfail(wr, data_clone_error(ctx, "An ArrayBuffer is detached and could not be cloned."));
      return;
    }
    kind = SP_WIRE_VIEW_DATAVIEW;
    JSValueRef b = JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 0, NULL);
    buf = JSValueIsObject(ctx, b) ? (JSObjectRef)b : NULL;
    off = (size_t)JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 1, NULL), NULL);
    blen = (size_t)JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 2, NULL), NULL);
  }
  if (e || !buf) { wfail(wr, e); return; }
  if (xfer_find(wr, buf) < 0 && is_detached(wr, buf)) {
    wfail(wr, data_clone_error(ctx, "An ArrayBuffer is detached and could not be cloned."));
    return;
  }
  if (xfer_find(wr, buf) >= 0 && wr->xf[xfer_find(wr, buf)].detached) off = blen = 0;
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_VIEW);
  sp_wbuf_u8(&wr->w, (uint8_t)kind);
  sp_wbuf_varint(&wr->w, off);
  sp_wbuf_varint(&wr->w, blen);
  write_value(wr, buf);
}

static void write_error(writer_t *wr, JSObjectRef o) {
  JSContextRef ctx = wr->ctx;
  JSValueRef arg = o, e = NULL;
  JSValueRef info = call(ctx, wr->vm->error_info, NULL, 1, &arg, &e);
  if (e || !info || !JSValueIsObject(ctx, info)) { wfail(wr, e); return; }
  JSObjectRef a = (JSObjectRef)info;
  int kind = (int)JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, a, 0, NULL), NULL);
  int flags = (int)JSValueToNumber(ctx, JSObjectGetPropertyAtIndex(ctx, a, 1, NULL), NULL);
  sp_wbuf_u8(&wr->w, SP_WIRE_TAG_ERROR);
  sp_wbuf_u8(&wr->w, (uint8_t)kind);
  sp_wbuf_u8(&wr->w, (uint8_t)flags);
  if (flags & SP_WIRE_ERRF_MESSAGE) write_string_value(wr, JSObjectGetPropertyAtIndex(ctx, a, 2, NULL));
  if (flags & SP_WIRE_ERRF_STACK) write_string_value(wr, JSObjectGetPropertyAtIndex(ctx, a, 3, NULL));
  if (flags & SP_WIRE_ERRF_CAUSE) write_value(wr, JSObjectGetPropertyAtIndex(ctx, a, 4, NULL));
}

static JSValueRef unbox(writer_t *wr, JSObjectRef fn, JSObjectRef o) {
  JSValueRef e = NULL;
  JSValueRef r = JSObjectCallAsFunction(wr->ctx, fn, o, 0, NULL, &e);
  if (e) { wfail(wr, e); return NULL; }
  return r;
}

static void write_object(writer_t *wr, JSObjectRef o) {
  JSContextRef ctx = wr->ctx;
  vm_t *vm = wr->vm;
  uint32_t id = obj_find(wr, o);
  if (id) {
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_REF);
    sp_wbuf_varint(&wr->w, id - 1);
    return;
  }
  if (JSObjectIsFunction(ctx, o)) { wfail(wr, uncloneable(ctx, vm, o)); return; }
  JSTypedArrayType tat = JSValueGetTypedArrayType(ctx, o, NULL);
  if (tat != kJSTypedArrayTypeNone) {
    if (!obj_add(wr, o)) return;
    if (tat == kJSTypedArrayTypeArrayBuffer) write_buffer(wr, o);
    else write_view(wr, o);
    return;
  }
  if (JSValueIsArray(ctx, o)) {
    if (obj_add(wr, o)) write_array(wr, o);
    return;
  }
  JSValueRef v;
  if (JSValueIsDate(ctx, o)) {
    if (!obj_add(wr, o) || !(v = unbox(wr, vm->date_value, o))) return;
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_DATE);
    sp_wbuf_double(&wr->w, JSValueToNumber(ctx, v, NULL));
    return;
  }
  if (port_hooks && port_hooks->is_port(ctx, o)) {
    int xi = xfer_find(wr, o);
    if (xi < 0) {
      wfail(wr, sp_js_error(ctx, "TypeError", "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST",
                            "Object that needs transfer was found in message but not listed in transferList"));
      return;
    }
    if (!obj_add(wr, o)) return;
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_PORT);
    sp_wbuf_varint(&wr->w, (uint64_t)xi);
    return;
  }
  /* one call: a class code, or the entries of a plain object */
  JSValueRef arg = o, e = NULL;
  JSValueRef got = call(ctx, vm->entries, NULL, 1, &arg, &e);
  if (e || !got) { wfail(wr, e); return; }
  if (JSValueIsObject(ctx, got)) {
    if (!obj_add(wr, o)) return;
    size_t n = (size_t)JSValueToNumber(ctx, JSObjectGetProperty(ctx, (JSObjectRef)got, s_length, NULL), NULL);
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_OBJECT);
    write_pairs(wr, (JSObjectRef)got, 0, n, false);
    return;
  }
  int cls = (int)JSValueToNumber(ctx, got, NULL);
  if (cls == C_UNCLONEABLE) { wfail(wr, uncloneable(ctx, vm, o)); return; }
  if (!obj_add(wr, o)) return;
  switch (cls) {
  case C_REGEXP: {
    JSValueRef arg = o, e = NULL;
    JSValueRef info = call(ctx, vm->regexp, NULL, 1, &arg, &e);
    if (e || !info) { wfail(wr, e); return; }
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_REGEXP);
    write_string_value(wr, JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 0, NULL));
    write_string_value(wr, JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)info, 1, NULL));
    break;
  }
  case C_MAP: case C_SET: {
    JSValueRef arg = o, e = NULL;
    JSValueRef list = call(ctx, cls == C_MAP ? vm->map_entries : vm->set_values, NULL, 1, &arg, &e);
    if (e) { wfail(wr, e); return; }
    sp_wbuf_u8(&wr->w, cls == C_MAP ? SP_WIRE_TAG_MAP : SP_WIRE_TAG_SET);
    write_list(wr, list);
    break;
  }
  case C_ERROR: write_error(wr, o); break;
  case C_DATAVIEW: write_view(wr, o); break;
  case C_NUMBER:
    if (!(v = unbox(wr, vm->number_value, o))) return;
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_NUMBER_OBJ);
    sp_wbuf_double(&wr->w, JSValueToNumber(ctx, v, NULL));
    break;
  case C_STRING:
    if (!(v = unbox(wr, vm->string_value, o))) return;
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_STRING_OBJ);
    write_string_value(wr, v);
    break;
  case C_BOOLEAN:
    if (!(v = unbox(wr, vm->boolean_value, o))) return;
    sp_wbuf_u8(&wr->w, JSValueToBoolean(ctx, v) ? SP_WIRE_TAG_TRUE_OBJ : SP_WIRE_TAG_FALSE_OBJ);
    break;
  case C_BIGINT:
    if (!(v = unbox(wr, vm->bigint_value, o))) return;
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_BIGINT_OBJ);
    write_bigint(wr, v);
    break;
  }
}

static void write_value(writer_t *wr, JSValueRef v) {
  if (wr->failed) return;
  JSContextRef ctx = wr->ctx;
  switch (JSValueGetType(ctx, v)) {
  case kJSTypeUndefined: sp_wbuf_u8(&wr->w, SP_WIRE_TAG_UNDEFINED); return;
  case kJSTypeNull: sp_wbuf_u8(&wr->w, SP_WIRE_TAG_NULL); return;
  case kJSTypeBoolean:
    sp_wbuf_u8(&wr->w, JSValueToBoolean(ctx, v) ? SP_WIRE_TAG_TRUE : SP_WIRE_TAG_FALSE);
    return;
  case kJSTypeNumber: {
    double d = JSValueToNumber(ctx, v, NULL);
    int32_t i = (int32_t)d;
    if (d >= INT32_MIN && d <= INT32_MAX && (double)i == d && !(i == 0 && signbit(d))) {
      sp_wbuf_u8(&wr->w, SP_WIRE_TAG_INT);
      sp_wbuf_zigzag(&wr->w, i);
    } else {
      sp_wbuf_u8(&wr->w, SP_WIRE_TAG_DOUBLE);
      sp_wbuf_double(&wr->w, d);
    }
    return;
  }
  case kJSTypeString: write_string_value(wr, v); return;
  case kJSTypeBigInt:
    sp_wbuf_u8(&wr->w, SP_WIRE_TAG_BIGINT);
    write_bigint(wr, v);
    return;
  case kJSTypeSymbol: wfail(wr, uncloneable(ctx, wr->vm, v)); return;
  case kJSTypeObject:
    if (++wr->depth >= SP_WIRE_MAX_DEPTH || stack_exhausted(wr->stack_lo)) {
      wfail(wr, sp_js_error(ctx, "RangeError", NULL, "Maximum call stack size exceeded"));
      return;
    }
    write_object(wr, (JSObjectRef)v);
    wr->depth--;
    return;
  }
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
    if (!kind) {
      wfail(wr, sp_js_error(ctx, "TypeError", "ERR_INVALID_TRANSFER_OBJECT", "Found invalid object in transferList"));
      return false;
    }
    JSObjectRef o = (JSObjectRef)t;
    if (kind == SP_WIRE_SIDE_BUFFER && sp_clone_is_untransferable(ctx, o)) continue; /* copied instead */
    if (xfer_find(wr, o) >= 0) {
      wfail(wr, data_clone_error(ctx, kind == SP_WIRE_SIDE_PORT ? "Transfer list contains duplicate MessagePort"
                                                                : "Transfer list contains duplicate ArrayBuffer"));
      return false;
    }
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

static sp_wire_msg_t *serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSValueRef *exc) {
  *exc = NULL;
  vm_t *vm = vm_get(ctx, exc);
  if (!vm) return NULL;
  writer_t wr = {.ctx = ctx, .vm = vm, .exc = exc, .stack_lo = stack_low()};
  sp_wbuf_init(&wr.w, 256);
  sp_wbuf_u8(&wr.w, SP_WIRE_VERSION);
  if (read_transfer_list(&wr, transfer)) {
    /* side slots 0..nxf-1 belong to the transfer list; filled in phase two */
    for (uint32_t i = 0; i < wr.nxf; i++)
      if (side_add(&wr, (sp_wire_side_t){0}) < 0) wr.w.oom = true;
    write_value(&wr, value);
  }
  if (!wr.failed && wr.w.oom) wfail(&wr, sp_js_error(ctx, "RangeError", NULL, "out of memory"));
  if (!wr.failed) apply_transfers(&wr);
  sp_wire_msg_t *msg = NULL;
  if (!wr.failed) {
    msg = sp_wire_msg_new(wr.w.data, wr.w.len, wr.side, wr.nside);
    if (msg) wr.w.data = NULL, wr.side = NULL;
    else wfail(&wr, sp_js_error(ctx, "RangeError", NULL, "out of memory"));
  }
  if (wr.failed) {
    if (!*exc) *exc = data_clone_error(ctx, "Unable to serialize value.");
    for (uint32_t i = 0; i < wr.nside; i++)
      if (wr.side && wr.side[i].handle && wr.side[i].free) wr.side[i].free(wr.side[i].handle);
  }
  free(wr.side);
  sp_wbuf_free(&wr.w);
  free(wr.okeys);
  free(wr.ovals);
  free(wr.keys);
  free(wr.pkeys);
  free(wr.pvals);
  free(wr.xf);
  return msg;
}

/* ---- reader ------------------------------------------------------------------------ */
typedef struct reader {
  JSContextRef ctx;
  vm_t *vm;
  sp_rbuf_t r;
  sp_wire_msg_t *msg;
  JSValueRef exc;
  bool failed;
  JSValueRef *objs; /* by id; NULL while a view is being read */
  size_t nobj, cobj;
  JSStringRef *keys;
  bool *key_is_proto;
  size_t nkeys, ckeys;
  uint16_t *scratch;
  size_t scap;
  int depth;
  uintptr_t stack_lo;
} reader_t;

static void rdfail(reader_t *rd, JSValueRef e) {
  if (!rd->failed) {
    rd->failed = true;
    rd->exc = e;
    rd->r.p = rd->r.end;
  }
}

static size_t push_obj(reader_t *rd, JSValueRef o) {
  if (rd->nobj == rd->cobj) {
    size_t cap = rd->cobj ? rd->cobj * 2 : 64;
    JSValueRef *n = realloc(rd->objs, cap * sizeof *n);
    if (!n) { rdfail(rd, NULL); return 0; }
    rd->objs = n;
    rd->cobj = cap;
  }
  rd->objs[rd->nobj] = o;
  return rd->nobj++;
}

static uint16_t *scratch(reader_t *rd, size_t units) {
  if (units + 1 > rd->scap) {
    size_t cap = units + 64;
    uint16_t *s = realloc(rd->scratch, cap * 2);
    if (!s) return NULL;
    rd->scratch = s;
    rd->scap = cap;
  }
  return rd->scratch;
}

/* A JSStringRef for a STR1/STR2 payload; ASCII becomes an 8-bit engine string. */
static JSStringRef read_jsstring(reader_t *rd, int tag) {
  size_t n;
  const uint8_t *p = sp_rbuf_string(&rd->r, tag, &n);
  if (!p) { rdfail(rd, NULL); return NULL; }
  uint16_t *s = scratch(rd, n);
  if (!s) { rdfail(rd, NULL); return NULL; }
  if (tag == SP_WIRE_TAG_STR1) {
    bool ascii = true;
    for (size_t i = 0; i < n; i++) ascii &= p[i] - 1u < 0x7fu; /* 1..127: no NUL */
    if (ascii) {
      char *c = (char *)s;
      memcpy(c, p, n);
      c[n] = 0;
      return JSStringCreateWithUTF8CString(c);
    }
    for (size_t i = 0; i < n; i++) s[i] = p[i];
  } else {
    for (size_t i = 0; i < n; i++) s[i] = (uint16_t)(p[2 * i] | p[2 * i + 1] << 8);
  }
  return JSStringCreateWithCharacters((const JSChar *)s, n);
}

static JSValueRef read_string_value(reader_t *rd, int tag) {
  JSStringRef s = read_jsstring(rd, tag);
  if (!s) return NULL;
  JSValueRef v = JSValueMakeString(rd->ctx, s);
  JSStringRelease(s);
  return v;
}

static JSValueRef read_tagged_string(reader_t *rd) {
  int tag = sp_rbuf_u8(&rd->r);
  if (tag != SP_WIRE_TAG_STR1 && tag != SP_WIRE_TAG_STR2) { rdfail(rd, NULL); return NULL; }
  return read_string_value(rd, tag);
}

static JSValueRef read_bigint(reader_t *rd) {
  uint64_t n = sp_rbuf_len(&rd->r, SP_WIRE_MAX_LEN);
  const uint8_t *p = sp_rbuf_bytes(&rd->r, n);
  if (!p || !n) { rdfail(rd, NULL); return NULL; }
  char *c = (char *)scratch(rd, n);
  if (!c) { rdfail(rd, NULL); return NULL; }
  memcpy(c, p, n);
  c[n] = 0;
  JSStringRef s = JSStringCreateWithUTF8CString(c);
  JSValueRef e = NULL;
  JSValueRef v = JSBigIntCreateWithString(rd->ctx, s, &e);
  JSStringRelease(s);
  if (e || !v) { rdfail(rd, NULL); return NULL; }
  return v;
}

static JSValueRef read_value(reader_t *rd, int tag);

static bool key_is_proto(JSStringRef s) { return JSStringIsEqual(s, s_proto_key); }

static void set_prop(reader_t *rd, JSObjectRef o, JSStringRef key, bool proto, JSValueRef v) {
  JSValueRef e = NULL;
  if (proto) {
    /* an own "__proto__" data property, never the prototype setter */
    JSValueRef args[3] = {o, JSValueMakeString(rd->ctx, key), v};
    call(rd->ctx, rd->vm->define_open, NULL, 3, args, &e);
  } else {
    JSObjectSetProperty(rd->ctx, o, key, v, kJSPropertyAttributeNone, &e);
  }
  if (e) rdfail(rd, e);
}

static void read_props(reader_t *rd, JSObjectRef o) {
  JSContextRef ctx = rd->ctx;
  while (!rd->failed) {
    int tag = sp_rbuf_u8(&rd->r);
    if (rd->r.err) { rdfail(rd, NULL); return; }
    if (tag == SP_WIRE_TAG_END) return;
    if (tag == SP_WIRE_TAG_KEY_INDEX) {
      uint64_t idx = sp_rbuf_len(&rd->r, 0xfffffffeu);
      JSValueRef v = read_value(rd, sp_rbuf_u8(&rd->r));
      if (!v) return;
      JSValueRef e = NULL;
      JSObjectSetPropertyAtIndex(ctx, o, (unsigned)idx, v, &e);
      if (e) { rdfail(rd, e); return; }
      continue;
    }
    JSStringRef key;
    bool proto;
    if (tag == SP_WIRE_TAG_KEY_REF) {
      uint64_t k = sp_rbuf_varint(&rd->r);
      if (rd->r.err || k >= rd->nkeys) { rdfail(rd, NULL); return; }
      key = rd->keys[k];
      proto = rd->key_is_proto[k];
    } else if (tag == SP_WIRE_TAG_STR1 || tag == SP_WIRE_TAG_STR2) {
      key = read_jsstring(rd, tag);
      if (!key) return;
      if (rd->nkeys == rd->ckeys) {
        size_t cap = rd->ckeys ? rd->ckeys * 2 : 32;
        JSStringRef *nk = realloc(rd->keys, cap * sizeof *nk);
        bool *np = nk ? realloc(rd->key_is_proto, cap * sizeof *np) : NULL;
        if (nk) rd->keys = nk;
        if (!nk || !np) { JSStringRelease(key); rdfail(rd, NULL); return; }
        rd->key_is_proto = np;
        rd->ckeys = cap;
      }
      proto = key_is_proto(key);
      rd->keys[rd->nkeys] = key;
      rd->key_is_proto[rd->nkeys++] = proto;
    } else {
      rdfail(rd, NULL);
      return;
    }
    JSValueRef v = read_value(rd, sp_rbuf_u8(&rd->r));
    if (!v) return;
    set_prop(rd, o, key, proto, v);
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

static JSValueRef read_object(reader_t *rd, int tag) {
  JSContextRef ctx = rd->ctx;
  vm_t *vm = rd->vm;
  sp_rbuf_t *r = &rd->r;
  JSValueRef e = NULL;
  switch (tag) {
  case SP_WIRE_TAG_REF: {
    uint64_t id = sp_rbuf_varint(r);
    if (r->err || id >= rd->nobj || !rd->objs[id]) { rdfail(rd, NULL); return NULL; }
    return rd->objs[id];
  }
  case SP_WIRE_TAG_OBJECT: {
    JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
    push_obj(rd, o);
    read_props(rd, o);
    return rd->failed ? NULL : o;
  }
  case SP_WIRE_TAG_ARRAY: {
    JSObjectRef o = JSObjectMakeArray(ctx, 0, NULL, &e);
    if (!o) { rdfail(rd, e); return NULL; }
    push_obj(rd, o);
    uint64_t len = sp_rbuf_len(r, 0xffffffffu);
    uint64_t dense = sp_rbuf_len(r, len);
    for (uint64_t i = 0; i < dense && !rd->failed; i++) {
      int t = sp_rbuf_u8(r);
      if (t == SP_WIRE_TAG_HOLE) continue;
      JSValueRef v = read_value(rd, t);
      if (!v) return NULL;
      JSObjectSetPropertyAtIndex(ctx, o, (unsigned)i, v, &e);
      if (e) { rdfail(rd, e); return NULL; }
    }
    read_props(rd, o);
    if (rd->failed) return NULL;
    JSObjectSetProperty(ctx, o, s_length, JSValueMakeNumber(ctx, (double)len), kJSPropertyAttributeNone, &e);
    if (e) { rdfail(rd, e); return NULL; }
    return o;
  }
  case SP_WIRE_TAG_DATE: {
    JSValueRef t = JSValueMakeNumber(ctx, sp_rbuf_double(r));
    JSObjectRef o = JSObjectMakeDate(ctx, 1, &t, &e);
    if (!o) { rdfail(rd, e); return NULL; }
    push_obj(rd, o);
    return o;
  }
  case SP_WIRE_TAG_REGEXP: {
    JSValueRef args[2];
    args[0] = read_tagged_string(rd);
    args[1] = args[0] ? read_tagged_string(rd) : NULL;
    if (!args[1]) return NULL;
    JSObjectRef o = JSObjectMakeRegExp(ctx, 2, args, &e);
    if (!o) { rdfail(rd, e); return NULL; }
    push_obj(rd, o);
    return o;
  }
  case SP_WIRE_TAG_NUMBER_OBJ: case SP_WIRE_TAG_TRUE_OBJ: case SP_WIRE_TAG_FALSE_OBJ:
  case SP_WIRE_TAG_STRING_OBJ: case SP_WIRE_TAG_BIGINT_OBJ: {
    JSValueRef prim = tag == SP_WIRE_TAG_NUMBER_OBJ ? JSValueMakeNumber(ctx, sp_rbuf_double(r))
                      : tag == SP_WIRE_TAG_TRUE_OBJ  ? JSValueMakeBoolean(ctx, true)
                      : tag == SP_WIRE_TAG_FALSE_OBJ ? JSValueMakeBoolean(ctx, false)
                      : tag == SP_WIRE_TAG_STRING_OBJ ? read_tagged_string(rd)
                                                      : read_bigint(rd);
    if (!prim) return NULL;
    JSObjectRef o = JSValueToObject(ctx, prim, &e);
    if (!o) { rdfail(rd, e); return NULL; }
    push_obj(rd, o);
    return o;
  }
  case SP_WIRE_TAG_MAP: case SP_WIRE_TAG_SET: {
    bool map = tag == SP_WIRE_TAG_MAP;
    JSObjectRef o = JSObjectCallAsConstructor(ctx, map ? vm->map_ctor : vm->set_ctor, 0, NULL, &e);
    if (!o) { rdfail(rd, e); return NULL; }
    push_obj(rd, o);
    for (;;) {
      int t = sp_rbuf_u8(r);
      if (r->err) { rdfail(rd, NULL); return NULL; }
      if (t == SP_WIRE_TAG_END) break;
      JSValueRef kv[2];
      kv[0] = read_value(rd, t);
      if (!kv[0]) return NULL;
      if (map && !(kv[1] = read_value(rd, sp_rbuf_u8(r)))) return NULL;
      JSObjectCallAsFunction(ctx, map ? vm->map_set : vm->set_add, o, map ? 2 : 1, kv, &e);
      if (e) { rdfail(rd, e); return NULL; }
    }
    return o;
  }
  case SP_WIRE_TAG_ERROR: {
    uint8_t kind = sp_rbuf_u8(r), flags = sp_rbuf_u8(r);
    if (kind >= SP_WIRE_ERR_COUNT) { rdfail(rd, NULL); return NULL; }
    JSValueRef args[4] = {JSValueMakeNumber(ctx, kind), JSValueMakeNumber(ctx, flags), SP_UNDEF, SP_UNDEF};
    if ((flags & SP_WIRE_ERRF_MESSAGE) && !(args[2] = read_tagged_string(rd))) return NULL;
    if ((flags & SP_WIRE_ERRF_STACK) && !(args[3] = read_tagged_string(rd))) return NULL;
    JSValueRef o = call(ctx, vm->make_error, NULL, 4, args, &e);
    if (!o || e) { rdfail(rd, e); return NULL; }
    push_obj(rd, o);
    if (flags & SP_WIRE_ERRF_CAUSE) {
      JSValueRef cause = read_value(rd, sp_rbuf_u8(r));
      if (!cause) return NULL;
      JSValueRef cargs[3] = {o, sp_js_str(ctx, "cause"), cause};
      call(ctx, vm->define_hidden, NULL, 3, cargs, &e);
      if (e) { rdfail(rd, e); return NULL; }
    }
    return o;
  }
  case SP_WIRE_TAG_ARRAY_BUFFER: {
    uint64_t n = sp_rbuf_len(r, SP_WIRE_MAX_LEN);
    const uint8_t *p = sp_rbuf_bytes(r, n);
    if (!p) { rdfail(rd, NULL); return NULL; }
    /* a NoCopy block, so that a later transfer of this buffer moves it by pointer */
    sp_xbuf_t *xb = sp_xbuf_new((size_t)n);
    if (!xb) { rdfail(rd, sp_js_error(ctx, "RangeError", NULL, "Array buffer allocation failed")); return NULL; }
    if (n) memcpy(xb->data, p, (size_t)n);
    JSObjectRef o = make_buffer(rd, xb);
    if (o) push_obj(rd, o);
    return o;
  }
  case SP_WIRE_TAG_TRANSFERRED: {
    sp_xbuf_t *xb = sp_wire_msg_take(rd->msg, sp_rbuf_varint(r), SP_WIRE_SIDE_BUFFER);
    if (!xb) { rdfail(rd, NULL); return NULL; }
    JSObjectRef o = make_buffer(rd, xb);
    if (o) push_obj(rd, o);
    return o;
  }
  case SP_WIRE_TAG_SHARED: {
    uint64_t idx = sp_rbuf_varint(r);
    void *block = sp_wire_msg_take(rd->msg, idx, SP_WIRE_SIDE_SHARED);
    if (!block || !shared_hooks || !shared_hooks->wrap_shared) {
      if (block && shared_hooks && shared_hooks->free_shared) shared_hooks->free_shared(block);
      rdfail(rd, NULL);
      return NULL;
    }
    JSObjectRef o = shared_hooks->wrap_shared(ctx, block, (size_t)rd->msg->side[idx].len, &e);
    if (!o) { rdfail(rd, e); return NULL; }
    push_obj(rd, o);
    return o;
  }
  case SP_WIRE_TAG_PORT: {
    void *h = sp_wire_msg_take(rd->msg, sp_rbuf_varint(r), SP_WIRE_SIDE_PORT);
    if (!h || !port_hooks) {
      if (h && port_hooks) port_hooks->free_port(h);
      rdfail(rd, NULL);
      return NULL;
    }
    JSObjectRef o = port_hooks->attach_port(ctx, h);
    if (!o) { rdfail(rd, NULL); return NULL; }
    push_obj(rd, o);
    return o;
  }
  case SP_WIRE_TAG_VIEW: {
    size_t id = push_obj(rd, NULL);
    uint8_t kind = sp_rbuf_u8(r);
    uint64_t off = sp_rbuf_len(r, SP_WIRE_MAX_LEN), blen = sp_rbuf_len(r, SP_WIRE_MAX_LEN);
    if (r->err || kind >= SP_WIRE_VIEW_COUNT) { rdfail(rd, NULL); return NULL; }
    JSValueRef buf = read_value(rd, sp_rbuf_u8(r));
    if (!buf) return NULL;
    if (!JSValueIsObject(ctx, buf) || JSValueGetTypedArrayType(ctx, buf, NULL) != kJSTypedArrayTypeArrayBuffer) {
      rdfail(rd, NULL);
      return NULL;
    }
    size_t have = JSObjectGetArrayBufferByteLength(ctx, (JSObjectRef)buf, NULL);
    if (off > have || blen > have - off) { rdfail(rd, NULL); return NULL; }
    JSObjectRef o;
    if (kind == SP_WIRE_VIEW_DATAVIEW) {
      JSValueRef args[3] = {buf, JSValueMakeNumber(ctx, (double)off), JSValueMakeNumber(ctx, (double)blen)};
      o = JSObjectCallAsConstructor(ctx, vm->dv_ctor, 3, args, &e);
    } else {
      o = JSObjectMakeTypedArrayWithArrayBufferAndOffset(ctx, view_types[kind], (JSObjectRef)buf, (size_t)off,
                                                         (size_t)(blen / sp_wire_view_size[kind]), &e);
    }
    if (!o) { rdfail(rd, e); return NULL; }
    rd->objs[id] = o;
    return o;
  }
  }
  rdfail(rd, NULL);
  return NULL;
}

static JSValueRef read_value(reader_t *rd, int tag) {
  JSContextRef ctx = rd->ctx;
  sp_rbuf_t *r = &rd->r;
  if (rd->failed || r->err) { rdfail(rd, NULL); return NULL; }
  switch (tag) {
  case SP_WIRE_TAG_UNDEFINED: return JSValueMakeUndefined(ctx);
  case SP_WIRE_TAG_NULL: return JSValueMakeNull(ctx);
  case SP_WIRE_TAG_TRUE: return JSValueMakeBoolean(ctx, true);
  case SP_WIRE_TAG_FALSE: return JSValueMakeBoolean(ctx, false);
  case SP_WIRE_TAG_INT: {
    int64_t v = sp_rbuf_zigzag(r);
    if (r->err) { rdfail(rd, NULL); return NULL; }
    return JSValueMakeNumber(ctx, (double)v);
  }
  case SP_WIRE_TAG_DOUBLE: {
    double d = sp_rbuf_double(r);
    if (r->err) { rdfail(rd, NULL); return NULL; }
    return JSValueMakeNumber(ctx, d);
  }
  case SP_WIRE_TAG_BIGINT: return read_bigint(rd);
  case SP_WIRE_TAG_STR1: case SP_WIRE_TAG_STR2: return read_string_value(rd, tag);
  }
  if (++rd->depth > SP_WIRE_MAX_DEPTH || stack_exhausted(rd->stack_lo)) {
    rdfail(rd, sp_js_error(ctx, "RangeError", NULL, "Maximum call stack size exceeded"));
    return NULL;
  }
  JSValueRef v = read_object(rd, tag);
  rd->depth--;
  return v;
}

static JSValueRef deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc) {
  *exc = NULL;
  vm_t *vm = vm_get(ctx, exc);
  if (!vm) return NULL;
  int err = msg ? sp_wire_check(msg->data, msg->len, msg->side, msg->nside) : SP_WIRE_EBAD_VALUE;
  if (err) {
    *exc = sp_js_error(ctx, "Error", NULL, "Unable to deserialize cloned data.");
    return NULL;
  }
  reader_t rd = {.ctx = ctx, .vm = vm, .msg = msg, .stack_lo = stack_low()};
  sp_rbuf_init(&rd.r, msg->data, msg->len);
  sp_rbuf_u8(&rd.r); /* version, checked above */
  JSValueRef v = read_value(&rd, sp_rbuf_u8(&rd.r));
  if (!rd.failed && rd.r.p != rd.r.end) rdfail(&rd, NULL);
  for (size_t i = 0; i < rd.nkeys; i++) JSStringRelease(rd.keys[i]);
  free(rd.keys);
  free(rd.key_is_proto);
  free(rd.objs);
  free(rd.scratch);
  if (rd.failed) {
    *exc = rd.exc ? rd.exc : sp_js_error(ctx, "Error", NULL, "Unable to deserialize cloned data.");
    return NULL;
  }
  return v;
}

/* Serialization runs inside postMessage, i.e. already inside the engine. */
sp_wire_msg_t *sp_clone_serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSValueRef *exc) {
  return serialize(ctx, value, transfer, exc);
}

/* Deserialization usually runs from C (message delivery). Holding the engine
 * lock across the whole build makes every inner C API call a nested one: no
 * microtask drain after each call (measured: a third of the time on a 1000
 * record message). Nothing we call queues jobs, so the drain at the matching
 * JSUnlock finds none of ours. */
JSValueRef sp_clone_deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc) {
  JSLock(ctx);
  JSValueRef v = deserialize(ctx, msg, exc);
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
