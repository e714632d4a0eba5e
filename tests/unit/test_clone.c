/* Structured clone through the engine: values cross from one VM to another,
 * real messages truncated at every length and randomly corrupted are
 * rejected by the JSC deserializer (never a crash), transfers detach and
 * move, failures detach nothing, and no buffer block leaks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsc/clone.h"
#include "jsc/jsc_private.h"

static int failures;
#define CHECK(cond)                                                                \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
      failures++;                                                                  \
    }                                                                              \
  } while (0)

static uint64_t rng = 0x2545f4914f6cdd1dULL;
static uint32_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)rng;
}

static JSValueRef eval(JSContextRef ctx, const char *src) {
  JSStringRef s = JSStringCreateWithUTF8CString(src);
  JSValueRef exc = NULL;
  JSValueRef v = JSEvaluateScript(ctx, s, NULL, NULL, 1, &exc);
  JSStringRelease(s);
  if (exc) {
    JSStringRef m = JSValueToStringCopy(ctx, exc, NULL);
    char buf[512];
    JSStringGetUTF8CString(m, buf, sizeof buf);
    JSStringRelease(m);
    fprintf(stderr, "eval failed: %s\n  in: %.200s\n", buf, src);
    failures++;
    return NULL;
  }
  return v;
}

static char *to_cstr(JSContextRef ctx, JSValueRef v) {
  JSStringRef s = JSValueToStringCopy(ctx, v, NULL);
  size_t n = JSStringGetMaximumUTF8CStringSize(s);
  char *c = malloc(n);
  JSStringGetUTF8CString(s, c, n);
  JSStringRelease(s);
  return c;
}

/* A canonical description of a value graph, the same in any VM. */
static const char dump_src[] =
    "globalThis.dump = function dump(v) {\n"
    "  const seen = new Map(); let next = 0;\n"
    "  function d(v) {\n"
    "    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);\n"
    "    if (typeof v === 'bigint') return v + 'n';\n"
    "    if (typeof v === 'string') return JSON.stringify(v) + ':' + Array.from(v, (c) => c.charCodeAt(0)).join('.');\n"
    "    if (typeof v !== 'object' || v === null) return String(v);\n"
    "    if (seen.has(v)) return '#' + seen.get(v);\n"
    "    seen.set(v, next++);\n"
    "    const tag = Object.prototype.toString.call(v);\n"
    "    const proto = Object.getPrototypeOf(v); const pn = proto && proto.constructor ? proto.constructor.name : 'null';\n"
    "    let s = pn + tag;\n"
    "    if (v instanceof Date) s += v.getTime();\n"
    "    else if (v instanceof RegExp) s += v.source + '/' + v.flags + '/' + v.lastIndex;\n"
    "    else if (v instanceof Map) s += '{' + Array.from(v, ([k, x]) => d(k) + '=>' + d(x)).join(',') + '}';\n"
    "    else if (v instanceof Set) s += '{' + Array.from(v, d).join(',') + '}';\n"
    "    else if (v instanceof ArrayBuffer) s += v.byteLength + '[' + new Uint8Array(v).join(',') + ']';\n"
    "    else if (ArrayBuffer.isView(v)) s += v.byteOffset + '+' + v.byteLength + ' of ' + d(v.buffer);\n"
    "    else if (v instanceof Error) s += v.name + ':' + v.message + ':' + typeof v.stack + ':' + ('cause' in v ? d(v.cause) : '-');\n"
    "    else if (typeof v.valueOf() !== 'object') s += '(' + d(v.valueOf()) + ')';\n"
    "    if (Array.isArray(v)) s += 'len' + v.length;\n"
    "    if (!ArrayBuffer.isView(v)) s += '{' + Object.keys(v).map((k) => JSON.stringify(k) + ':' + d(v[k])).join(',') + '}';\n"
    "    return s;\n"
    "  }\n"
    "  return d(v);\n"
    "};\n";

static const char *values[] = {
    "undefined", "null", "true", "-0", "NaN", "2147483648", "-2147483648", "1.5e300",
    "123456789012345678901234567890n", "-1n", "''", "'abc'", "'caf\\u00e9 \\u2603 \\ud800 x\\udc00'",
    "'nul\\0in'", "'x'.repeat(5000)", "'\\u00ff'.repeat(600)",
    "({a: 1, b: 'two', c: [1, , 3], d: {e: null}})",
    "(() => { const a = [1, 2]; a.foo = 'bar'; a[10] = 5; return a; })()",
    "(() => { const o = {n: 1}; o.self = o; o.list = [o, {o}]; return o; })()",
    "new Map([[1, 'a'], [{k: 1}, new Set([1, 2, 'x'])]])",
    "[new Date(123456), new Date(NaN), /ab+c/gimsuy, Object(3), Object('s'), Object(false), Object(7n)]",
    "(() => { const e = new RangeError('bad', {cause: {why: 1}}); return [e, new Error(), new TypeError('t')]; })()",
    "(() => { const b = new ArrayBuffer(16); new Uint8Array(b).set([1,2,3,4,5,6,7,8,9]);"
    "  return {b, u8: new Uint8Array(b, 1, 4), f: new Float64Array(b, 8, 1), dv: new DataView(b, 2, 5),"
    "          i16: new Int16Array(b), big: new BigInt64Array(b), c: new Uint8ClampedArray(2)}; })()",
    "JSON.parse('{\"__proto__\": {\"polluted\": 1}, \"1\": 2, \"\\u4e2d\": 3}')",
    "(() => { const r = []; for (let i = 0; i < 50; i++) r.push({id: i, name: 'n' + i, tags: ['a', 'b'], when: new Date(i)}); return r; })()",
};

static void roundtrips(JSGlobalContextRef a, JSGlobalContextRef b) {
  for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
    JSValueRef v = eval(a, values[i]);
    if (!v && !JSValueIsUndefined(a, v)) continue;
    JSValueRef exc = NULL;
    sp_wire_msg_t *m = sp_clone_serialize(a, v, NULL, &exc);
    CHECK(m && !exc);
    if (!m) { fprintf(stderr, "  value %zu\n", i); continue; }
    JSValueRef r = sp_clone_deserialize(b, m, &exc);
    CHECK(r && !exc);
    if (r) {
      JSObjectRef da = (JSObjectRef)eval(a, "dump"), db = (JSObjectRef)eval(b, "dump");
      char *sa = to_cstr(a, JSObjectCallAsFunction(a, da, NULL, 1, &v, NULL));
      char *sb = to_cstr(b, JSObjectCallAsFunction(b, db, NULL, 1, &r, NULL));
      if (strcmp(sa, sb)) fprintf(stderr, "value %zu differs:\n  %.300s\n  %.300s\n", i, sa, sb);
      CHECK(!strcmp(sa, sb));
      free(sa);
      free(sb);
    }
    /* every strict prefix fails cleanly; random corruption never crashes */
    for (size_t n = 0; n < m->len; n++) {
      uint8_t *p = malloc(n ? n : 1);
      if (n) memcpy(p, m->data, n);
      sp_wire_msg_t *t = sp_wire_msg_new(p, n, NULL, 0);
      JSValueRef e = NULL;
      CHECK(sp_clone_deserialize(b, t, &e) == NULL && e);
      sp_wire_msg_free(t);
      if (m->len > 4000) n += 97; /* long strings: sample the prefixes */
    }
    for (int k = 0; k < 300; k++) {
      uint8_t *p = malloc(m->len);
      memcpy(p, m->data, m->len);
      for (int e = 1 + rnd() % 3; e > 0; e--) p[rnd() % m->len] = (uint8_t)(rnd() % 3 ? rnd() % 0x22 : rnd());
      sp_wire_msg_t *t = sp_wire_msg_new(p, m->len, NULL, 0);
      JSValueRef e = NULL;
      JSValueRef got = sp_clone_deserialize(b, t, &e);
      CHECK((got == NULL) == (e != NULL));
      sp_wire_msg_free(t);
    }
    sp_wire_msg_free(m);
  }
}

static void uncloneables(JSGlobalContextRef a) {
  static const char *bad[] = {"(function f() {})", "Symbol('s')", "({p: Promise.resolve()})",
                              "[new WeakMap()]", "Object(Symbol())", "new WeakRef({})"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    JSValueRef exc = NULL;
    CHECK(sp_clone_serialize(a, eval(a, bad[i]), NULL, &exc) == NULL && exc);
    if (exc) {
      char *s = to_cstr(a, exc);
      CHECK(strstr(s, "could not be cloned."));
      free(s);
    }
  }
  /* a getter that throws: its exception comes back as is */
  JSValueRef exc = NULL;
  CHECK(!sp_clone_serialize(a, eval(a, "({get x() { throw new Error('from getter'); }})"), NULL, &exc));
  char *s = exc ? to_cstr(a, exc) : NULL;
  CHECK(s && !strcmp(s, "Error: from getter"));
  free(s);
  /* too deep for the format: a clean RangeError */
  JSValueRef deep = eval(a, "(() => { let o = []; const r = o; for (let i = 0; i < 100000; i++) { o[0] = []; o = o[0]; } return r; })()");
  exc = NULL;
  CHECK(!sp_clone_serialize(a, deep, NULL, &exc) && exc);
  s = exc ? to_cstr(a, exc) : NULL;
  CHECK(s && strstr(s, "RangeError"));
  free(s);
}

static void transfers(JSGlobalContextRef a, JSGlobalContextRef b) {
  size_t base = sp_xbuf_live();
  JSValueRef exc = NULL;
  /* a failed clone detaches nothing */
  eval(a, "globalThis.tb = new ArrayBuffer(32); new Uint8Array(tb)[5] = 55;");
  CHECK(!sp_clone_serialize(a, eval(a, "({tb, f() {}})"), eval(a, "[tb]"), &exc) && exc);
  CHECK(JSValueToNumber(a, eval(a, "tb.byteLength"), NULL) == 32);
  /* a duplicate is a DataCloneError, and also detaches nothing */
  exc = NULL;
  CHECK(!sp_clone_serialize(a, eval(a, "tb"), eval(a, "[tb, tb]"), &exc) && exc);
  CHECK(JSValueToNumber(a, eval(a, "tb.byteLength"), NULL) == 32);
  /* a real transfer: detached here, same bytes there, views follow */
  exc = NULL;
  sp_wire_msg_t *m = sp_clone_serialize(a, eval(a, "({tb, v: new Uint8Array(tb, 4, 2)})"), eval(a, "[tb]"), &exc);
  CHECK(m && !exc);
  CHECK(JSValueToNumber(a, eval(a, "tb.byteLength"), NULL) == 0);
  JSValueRef r = m ? sp_clone_deserialize(b, m, &exc) : NULL;
  CHECK(r);
  sp_wire_msg_free(m);
  if (r) {
    JSStringRef got = JSStringCreateWithUTF8CString("got");
    JSObjectSetProperty(b, JSContextGetGlobalObject(b), got, r, 0, NULL);
    JSStringRelease(got);
    CHECK(JSValueToNumber(b, eval(b, "got.tb.byteLength"), NULL) == 32);
    CHECK(JSValueToNumber(b, eval(b, "got.v[1]"), NULL) == 55);
    CHECK(JSValueToBoolean(b, eval(b, "got.v.buffer === got.tb")));
    /* and back again: a block-backed buffer moves by pointer */
    exc = NULL;
    sp_wire_msg_t *back = sp_clone_serialize(b, eval(b, "got.tb"), eval(b, "[got.tb]"), &exc);
    CHECK(back && back->nside == 1 && JSValueToNumber(b, eval(b, "got.tb.byteLength"), NULL) == 0);
    JSValueRef r2 = back ? sp_clone_deserialize(a, back, &exc) : NULL;
    CHECK(r2 && JSObjectGetArrayBufferByteLength(a, (JSObjectRef)r2, NULL) == 32);
    sp_wire_msg_free(back);
  }
  /* a message dropped undelivered releases its block */
  eval(a, "globalThis.lost = new ArrayBuffer(1 << 20);");
  m = sp_clone_serialize(a, eval(a, "lost"), eval(a, "[lost]"), &exc);
  CHECK(m && sp_xbuf_live() > base);
  sp_wire_msg_free(m);
  /* a transfer list naming a non-transferable */
  exc = NULL;
  CHECK(!sp_clone_serialize(a, eval(a, "1"), eval(a, "[{}]"), &exc) && exc);
  (void)base;
}

int main(void) {
  size_t base = sp_xbuf_live();
  JSGlobalContextRef a = JSGlobalContextCreate(NULL);
  JSGlobalContextRef b = JSGlobalContextCreate(NULL); /* its own group: another VM */
  eval(a, dump_src);
  eval(b, dump_src);
  roundtrips(a, b);
  uncloneables(a);
  transfers(a, b);
  eval(a, "globalThis.got = globalThis.tb = globalThis.lost = undefined");
  eval(b, "globalThis.got = undefined");
  JSSynchronousGarbageCollectForDebugging(a);
  JSSynchronousGarbageCollectForDebugging(b);
  JSGlobalContextRelease(a);
  JSGlobalContextRelease(b);
  size_t live = sp_xbuf_live();
  if (live != base) fprintf(stderr, "note: %zu buffer block(s) still live after VM teardown\n", live - base);
  CHECK(live == base);
  if (failures) {
    fprintf(stderr, "test_clone: %d failure(s)\n", failures);
    return 1;
  }
  printf("test_clone: ok\n");
  return 0;
}
