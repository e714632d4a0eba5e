/* Wire format core: buffers, the validator against truncated / corrupted /
 * forged input, side-table rules, transferred-buffer blocks. No JS here. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/wire.h"

static int failures;
#define CHECK(cond)                                                   \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                     \
    }                                                                 \
  } while (0)

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint32_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)rng;
}

/* ---- message builders ------------------------------------------------------ */
#define W(x) sp_wbuf_u8(w, SP_WIRE_TAG_##x)
static void key(sp_wbuf_t *w, const char *k) { sp_wbuf_string8(w, (const uint8_t *)k, strlen(k)); }
static void str(sp_wbuf_t *w, const char *k) { sp_wbuf_string8(w, (const uint8_t *)k, strlen(k)); }

/* {a: 1, b: "x", c: [1, <hole>, -0.5], d: {a: ref(0)}} */
static void build_object(sp_wbuf_t *w) {
  W(OBJECT);
  key(w, "a"); W(INT); sp_wbuf_zigzag(w, 1);
  key(w, "b"); str(w, "x");
  key(w, "c"); W(ARRAY); sp_wbuf_varint(w, 3); sp_wbuf_varint(w, 3);
  W(INT); sp_wbuf_zigzag(w, 1); W(HOLE); W(DOUBLE); sp_wbuf_double(w, -0.5);
  key(w, "x"); W(TRUE); W(END);
  key(w, "d"); W(OBJECT); W(KEY_REF); sp_wbuf_varint(w, 0); W(REF); sp_wbuf_varint(w, 0); W(END);
  W(END);
}

/* [Map{1 => "é"}, Set{null}, Date, /a/g, Error(cause: ref), 12n, Object(3)] */
static void build_mixed(sp_wbuf_t *w) {
  W(ARRAY); sp_wbuf_varint(w, 7); sp_wbuf_varint(w, 7);
  W(MAP); W(INT); sp_wbuf_zigzag(w, 1);
  uint16_t e[2] = {0xe9, 0x2603};
  sp_wbuf_string16(w, e, 2); W(END);
  W(SET); W(NULL); W(END);
  W(DATE); sp_wbuf_double(w, 1e12);
  W(REGEXP); str(w, "a"); str(w, "g");
  W(ERROR); sp_wbuf_u8(w, SP_WIRE_ERR_TYPE); sp_wbuf_u8(w, 7); str(w, "msg"); str(w, "stack");
  W(REF); sp_wbuf_varint(w, 5);
  W(BIGINT); sp_wbuf_varint(w, 3); sp_wbuf_bytes(w, "-12", 3);
  W(NUMBER_OBJ); sp_wbuf_double(w, 3);
  W(END);
}

/* {buf: ArrayBuffer(16), u: Uint16Array(buf, 2, 3 elems), d: DataView(buf,0,16), t: transferred(side 0)} */
static void build_views(sp_wbuf_t *w) {
  W(OBJECT);
  key(w, "buf"); W(ARRAY_BUFFER); sp_wbuf_varint(w, 16);
  for (int i = 0; i < 16; i++) sp_wbuf_u8(w, (uint8_t)i);
  key(w, "u"); W(VIEW); sp_wbuf_u8(w, SP_WIRE_VIEW_UINT16); sp_wbuf_varint(w, 2); sp_wbuf_varint(w, 6);
  W(REF); sp_wbuf_varint(w, 1);
  key(w, "d"); W(VIEW); sp_wbuf_u8(w, SP_WIRE_VIEW_DATAVIEW); sp_wbuf_varint(w, 0); sp_wbuf_varint(w, 16);
  W(REF); sp_wbuf_varint(w, 1);
  key(w, "t"); W(VIEW); sp_wbuf_u8(w, SP_WIRE_VIEW_FLOAT64); sp_wbuf_varint(w, 8); sp_wbuf_varint(w, 8);
  W(TRANSFERRED); sp_wbuf_varint(w, 0);
  W(END);
}

typedef void (*builder_t)(sp_wbuf_t *);
static const builder_t builders[] = {build_object, build_mixed, build_views};

static sp_wire_side_t views_side[1] = {{SP_WIRE_SIDE_BUFFER, (void *)1, 32, NULL}};

static void make(builder_t b, sp_wbuf_t *w) {
  sp_wbuf_init(w, 16);
  sp_wbuf_u8(w, SP_WIRE_VERSION);
  b(w);
  CHECK(!w->oom);
}

static int check_msg(const uint8_t *p, size_t n) { return sp_wire_check(p, n, views_side, 1); }

/* ---- tests ---------------------------------------------------------------- */
static void test_primitives(void) {
  sp_wbuf_t w;
  sp_wbuf_init(&w, 0);
  const uint64_t vals[] = {0, 1, 127, 128, 16383, 16384, 0xffffffffULL, UINT64_MAX};
  for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) sp_wbuf_varint(&w, vals[i]);
  const int64_t zz[] = {0, -1, 1, INT32_MIN, INT32_MAX, INT64_MIN, INT64_MAX};
  for (size_t i = 0; i < sizeof zz / sizeof *zz; i++) sp_wbuf_zigzag(&w, zz[i]);
  sp_wbuf_double(&w, -0.0);
  sp_wbuf_double(&w, 1.0 / 3);
  uint16_t u[3] = {'a', 0xd800, 'b'};
  sp_wbuf_string16(&w, u, 3);
  uint16_t l[2] = {'a', 0xff};
  sp_wbuf_string16(&w, l, 2);
  CHECK(!w.oom);
  sp_rbuf_t r;
  sp_rbuf_init(&r, w.data, w.len);
  for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) CHECK(sp_rbuf_varint(&r) == vals[i]);
  for (size_t i = 0; i < sizeof zz / sizeof *zz; i++) CHECK(sp_rbuf_zigzag(&r) == zz[i]);
  double d = sp_rbuf_double(&r);
  CHECK(d == 0 && 1 / d < 0);
  CHECK(sp_rbuf_double(&r) == 1.0 / 3);
  size_t n;
  CHECK(sp_rbuf_u8(&r) == SP_WIRE_TAG_STR2);
  const uint8_t *s = sp_rbuf_string(&r, SP_WIRE_TAG_STR2, &n);
  CHECK(s && n == 3 && s[2] == 0x00 && s[3] == 0xd8);
  CHECK(sp_rbuf_u8(&r) == SP_WIRE_TAG_STR1);
  s = sp_rbuf_string(&r, SP_WIRE_TAG_STR1, &n);
  CHECK(s && n == 2 && s[1] == 0xff);
  CHECK(r.err == 0 && sp_rbuf_left(&r) == 0);
  /* reading past the end is sticky and harmless */
  CHECK(sp_rbuf_u8(&r) == 0 && r.err == SP_WIRE_ETRUNCATED);
  CHECK(sp_rbuf_double(&r) == 0 && sp_rbuf_bytes(&r, 1) == NULL);
  sp_wbuf_free(&w);

  /* an 11-byte varint, and one whose 10th byte carries more than one bit */
  uint8_t over[11];
  memset(over, 0xff, sizeof over);
  sp_rbuf_init(&r, over, sizeof over);
  sp_rbuf_varint(&r);
  CHECK(r.err == SP_WIRE_EBAD_LENGTH);
  uint8_t big[10] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02};
  sp_rbuf_init(&r, big, sizeof big);
  sp_rbuf_varint(&r);
  CHECK(r.err == SP_WIRE_EBAD_LENGTH);
}

static void test_valid_and_truncated(void) {
  for (size_t b = 0; b < sizeof builders / sizeof *builders; b++) {
    sp_wbuf_t w;
    make(builders[b], &w);
    int err = check_msg(w.data, w.len);
    if (err) fprintf(stderr, "builder %zu: %s\n", b, sp_wire_strerror(err));
    CHECK(err == 0);
    /* every strict prefix is rejected; each copy is exactly sized so ASan sees overreads */
    for (size_t n = 0; n < w.len; n++) {
      uint8_t *p = malloc(n ? n : 1);
      if (n) memcpy(p, w.data, n);
      CHECK(check_msg(p, n) != 0);
      free(p);
    }
    /* trailing garbage is rejected */
    uint8_t *p = malloc(w.len + 1);
    memcpy(p, w.data, w.len);
    p[w.len] = SP_WIRE_TAG_NULL;
    CHECK(check_msg(p, w.len + 1) == SP_WIRE_ETRAILING);
    free(p);
    sp_wbuf_free(&w);
  }
}

static void test_corruption(void) {
  for (size_t b = 0; b < sizeof builders / sizeof *builders; b++) {
    sp_wbuf_t w;
    make(builders[b], &w);
    for (int iter = 0; iter < 20000; iter++) {
      size_t n = w.len;
      uint8_t *p = malloc(n + 8);
      memcpy(p, w.data, n);
      int edits = 1 + rnd() % 4;
      for (int e = 0; e < edits; e++) {
        size_t at = rnd() % n;
        switch (rnd() % 4) {
        case 0: p[at] ^= (uint8_t)(1u << (rnd() % 8)); break;
        case 1: p[at] = (uint8_t)rnd(); break;
        case 2: p[at] = (uint8_t)(rnd() % 0x20); break; /* a plausible tag */
        case 3: if (n > 1) { memmove(p + at, p + at + 1, n - at - 1); n--; } break;
        }
      }
      uint8_t *q = malloc(n ? n : 1);
      if (n) memcpy(q, p, n);
      (void)check_msg(q, n); /* any answer; no crash, no overread */
      free(q);
      free(p);
    }
    sp_wbuf_free(&w);
  }
}

static int check_bytes(const uint8_t *p, size_t n, const sp_wire_side_t *side, uint32_t nside) {
  uint8_t *q = malloc(n ? n : 1);
  if (n) memcpy(q, p, n);
  int e = sp_wire_check(q, n, side, nside);
  free(q);
  return e;
}

#define FORGED(expect, side, nside, ...)                                        \
  do {                                                                          \
    const uint8_t bytes_[] = {SP_WIRE_VERSION, __VA_ARGS__};                    \
    int got_ = check_bytes(bytes_, sizeof bytes_, side, nside);                 \
    if (got_ != (expect)) fprintf(stderr, "line %d: got %d (%s)\n", __LINE__, got_, sp_wire_strerror(got_)); \
    CHECK(got_ == (expect));                                                    \
  } while (0)

static void test_forged(void) {
  const uint8_t T_OBJ = SP_WIRE_TAG_OBJECT, T_END = SP_WIRE_TAG_END, T_REF = SP_WIRE_TAG_REF,
                T_ARR = SP_WIRE_TAG_ARRAY, T_STR1 = SP_WIRE_TAG_STR1, T_KREF = SP_WIRE_TAG_KEY_REF,
                T_AB = SP_WIRE_TAG_ARRAY_BUFFER, T_VIEW = SP_WIRE_TAG_VIEW, T_X = SP_WIRE_TAG_TRANSFERRED,
                T_NULL = SP_WIRE_TAG_NULL, T_PORT = SP_WIRE_TAG_PORT, T_HOLE = SP_WIRE_TAG_HOLE;
  sp_wire_side_t side[2] = {{SP_WIRE_SIDE_BUFFER, (void *)1, 8, NULL}, {SP_WIRE_SIDE_PORT, (void *)1, 0, NULL}};

  FORGED(0, NULL, 0, T_NULL);
  { const uint8_t v[] = {2, T_NULL}; CHECK(check_bytes(v, 2, NULL, 0) == SP_WIRE_EBAD_VERSION); }
  CHECK(check_bytes(NULL, 0, NULL, 0) == SP_WIRE_ETRUNCATED);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, 0x00);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, 0xff);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_END);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_HOLE);
  /* a string claiming 2^40 bytes, and one claiming more than the varint can say */
  FORGED(SP_WIRE_ETRUNCATED, NULL, 0, T_STR1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20);
  FORGED(SP_WIRE_EBAD_LENGTH, NULL, 0, T_STR1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
  FORGED(SP_WIRE_ETRUNCATED, NULL, 0, SP_WIRE_TAG_STR2, 2, 'a', 0);
  /* INT outside int32 */
  FORGED(SP_WIRE_EBAD_VALUE, NULL, 0, SP_WIRE_TAG_INT, 0x80, 0x80, 0x80, 0x80, 0x10);
  /* refs: to itself is fine (a cycle), to the future is not */
  FORGED(0, NULL, 0, T_OBJ, T_STR1, 1, 'a', T_REF, 0, T_END);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_OBJ, T_STR1, 1, 'a', T_REF, 1, T_END);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_REF, 0);
  /* key refs */
  FORGED(0, NULL, 0, T_OBJ, T_STR1, 1, 'a', T_NULL, T_KREF, 0, T_NULL, T_END);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_OBJ, T_KREF, 0, T_NULL, T_END);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_OBJ, T_NULL, T_NULL, T_END);
  /* arrays: dense part longer than the length; index past 2^32-2 */
  FORGED(SP_WIRE_EBAD_LENGTH, NULL, 0, T_ARR, 1, 2, T_NULL, T_NULL, T_END);
  FORGED(0, NULL, 0, T_ARR, 5, 1, T_HOLE, SP_WIRE_TAG_KEY_INDEX, 4, T_NULL, T_END);
  FORGED(SP_WIRE_EBAD_LENGTH, NULL, 0, T_ARR, 0, 0, SP_WIRE_TAG_KEY_INDEX, 0xff, 0xff, 0xff, 0xff, 0x0f, T_NULL, T_END);
  FORGED(SP_WIRE_EBAD_LENGTH, NULL, 0, T_ARR, 0x80, 0x80, 0x80, 0x80, 0x10, 0, T_END);
  /* bigint must be digits */
  FORGED(0, NULL, 0, SP_WIRE_TAG_BIGINT, 2, '-', '7');
  FORGED(SP_WIRE_EBAD_VALUE, NULL, 0, SP_WIRE_TAG_BIGINT, 1, '-');
  FORGED(SP_WIRE_EBAD_VALUE, NULL, 0, SP_WIRE_TAG_BIGINT, 0);
  FORGED(SP_WIRE_EBAD_VALUE, NULL, 0, SP_WIRE_TAG_BIGINT, 2, '1', 'x');
  /* errors */
  FORGED(SP_WIRE_EBAD_VALUE, NULL, 0, SP_WIRE_TAG_ERROR, 7, 0);
  FORGED(SP_WIRE_EBAD_VALUE, NULL, 0, SP_WIRE_TAG_ERROR, 0, 8);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, SP_WIRE_TAG_ERROR, 0, 1, T_NULL);
  /* side table: out of range, wrong kind, used twice; then a ref to it is fine */
  FORGED(0, side, 2, T_X, 0);
  FORGED(SP_WIRE_EBAD_SIDE, side, 2, T_X, 2);
  FORGED(SP_WIRE_EBAD_SIDE, side, 2, T_X, 1);
  FORGED(SP_WIRE_EBAD_SIDE, NULL, 0, T_X, 0);
  FORGED(SP_WIRE_EBAD_SIDE, side, 2, T_ARR, 2, 2, T_X, 0, T_X, 0, T_END);
  FORGED(0, side, 2, T_ARR, 2, 2, T_X, 0, T_REF, 1, T_END);
  FORGED(0, side, 2, T_PORT, 1);
  FORGED(SP_WIRE_EBAD_SIDE, side, 2, T_PORT, 0);
  FORGED(SP_WIRE_EBAD_SIDE, side, 2, SP_WIRE_TAG_SHARED, 0);
  /* a FileHandle names a descriptor entry, of its kind, once; it is an object (refs reach it) */
  sp_wire_side_t fd_side[2] = {{SP_WIRE_SIDE_FD, sp_wire_fd_handle(0), 0, NULL},
                               {SP_WIRE_SIDE_PORT, (void *)1, 0, NULL}};
  FORGED(0, fd_side, 2, SP_WIRE_TAG_FILE_HANDLE, 0);
  FORGED(0, fd_side, 2, T_ARR, 2, 2, SP_WIRE_TAG_FILE_HANDLE, 0, T_REF, 1, T_END);
  FORGED(SP_WIRE_EBAD_SIDE, fd_side, 2, SP_WIRE_TAG_FILE_HANDLE, 1);
  FORGED(SP_WIRE_EBAD_SIDE, fd_side, 2, SP_WIRE_TAG_FILE_HANDLE, 2);
  FORGED(SP_WIRE_EBAD_SIDE, fd_side, 2, T_PORT, 0);
  FORGED(SP_WIRE_EBAD_SIDE, fd_side, 2, T_ARR, 2, 2, SP_WIRE_TAG_FILE_HANDLE, 0, SP_WIRE_TAG_FILE_HANDLE, 0, T_END);
  FORGED(SP_WIRE_ETRUNCATED, fd_side, 2, SP_WIRE_TAG_FILE_HANDLE);
  /* views: in bounds, past the end, misaligned, bad kind, over a non-buffer, self-reference */
  FORGED(0, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 1, 3, T_AB, 4, 1, 2, 3, 4);
  FORGED(SP_WIRE_EBAD_VIEW, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 2, 3, T_AB, 4, 1, 2, 3, 4);
  FORGED(SP_WIRE_EBAD_VIEW, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 5, 0, T_AB, 4, 1, 2, 3, 4);
  FORGED(SP_WIRE_EBAD_VIEW, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT32, 2, 4, T_AB, 8, 0, 0, 0, 0, 0, 0, 0, 0);
  FORGED(SP_WIRE_EBAD_VIEW, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT32, 0, 3, T_AB, 8, 0, 0, 0, 0, 0, 0, 0, 0);
  FORGED(SP_WIRE_EBAD_VIEW, NULL, 0, T_VIEW, SP_WIRE_VIEW_COUNT, 0, 0, T_AB, 0);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 0, 0, T_OBJ, T_END);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 0, 0, T_REF, 0);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_ARR, 2, 2, T_OBJ, T_END, T_VIEW, SP_WIRE_VIEW_UINT8, 0, 0, T_REF, 0, T_END);
  FORGED(0, side, 2, T_VIEW, SP_WIRE_VIEW_FLOAT64, 0, 8, T_X, 0);
  FORGED(SP_WIRE_EBAD_VIEW, side, 2, T_VIEW, SP_WIRE_VIEW_FLOAT64, 8, 8, T_X, 0);
  /* a view's id is reserved while its buffer is read: a ref to it from there fails */
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_ARR, 2, 2, T_AB, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 0, 0, T_REF, 2, T_END);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_ARR, 2, 2, T_AB, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 0, 0, T_REF, 0, T_END);
  FORGED(0, NULL, 0, T_ARR, 2, 2, T_AB, 0, T_VIEW, SP_WIRE_VIEW_UINT8, 0, 0, T_REF, 1, T_END);
  /* resizable: a maximum, then a copied or transferred buffer no longer than it (one object) */
  const uint8_t T_RAB = SP_WIRE_TAG_RESIZABLE, TRACK = SP_WIRE_VIEW_TRACKING;
  FORGED(0, NULL, 0, T_RAB, 8, T_AB, 4, 1, 2, 3, 4);
  FORGED(0, NULL, 0, T_RAB, 4, T_AB, 4, 1, 2, 3, 4);
  FORGED(SP_WIRE_EBAD_LENGTH, NULL, 0, T_RAB, 3, T_AB, 4, 1, 2, 3, 4);
  FORGED(0, side, 2, T_RAB, 8, T_X, 0);
  FORGED(SP_WIRE_EBAD_LENGTH, side, 2, T_RAB, 7, T_X, 0);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_RAB, 8, T_NULL);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_RAB, 8, T_RAB, 8, T_AB, 0);
  FORGED(SP_WIRE_EBAD_TAG, side, 2, T_RAB, 8, SP_WIRE_TAG_SHARED, 0);
  FORGED(SP_WIRE_ETRUNCATED, NULL, 0, T_RAB, 8);
  FORGED(SP_WIRE_EBAD_LENGTH, NULL, 0, T_RAB, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, T_AB, 0);
  FORGED(0, NULL, 0, T_ARR, 2, 2, T_RAB, 4, T_AB, 0, T_REF, 1, T_END);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_ARR, 2, 2, T_RAB, 4, T_AB, 0, T_REF, 2, T_END);
  /* a view tracking its resizable buffer's length: the flag on the kind, the same bounds */
  FORGED(0, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8 | TRACK, 1, 3, T_RAB, 8, T_AB, 4, 1, 2, 3, 4);
  FORGED(0, NULL, 0, T_VIEW, SP_WIRE_VIEW_DATAVIEW | TRACK, 0, 0, T_RAB, 8, T_AB, 0);
  FORGED(SP_WIRE_EBAD_VIEW, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8 | TRACK, 2, 3, T_RAB, 8, T_AB, 4, 1, 2, 3, 4);
  FORGED(SP_WIRE_EBAD_VIEW, NULL, 0, T_VIEW, SP_WIRE_VIEW_UINT8 | 0x40, 0, 0, T_AB, 0);
  /* a WebAssembly module: its bytes as a copied or transferred buffer, nothing else; its id
   * is reserved meanwhile (a ref to it fails), the buffer is an object of its own after it */
  const uint8_t T_WASM = SP_WIRE_TAG_WASM_MODULE;
  FORGED(0, NULL, 0, T_WASM, T_AB, 4, 0, 'a', 's', 'm');
  FORGED(0, side, 2, T_WASM, T_X, 0);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_WASM, T_NULL);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_WASM, T_REF, 0);
  FORGED(SP_WIRE_EBAD_TAG, NULL, 0, T_WASM, T_RAB, 8, T_AB, 0);
  FORGED(SP_WIRE_EBAD_TAG, side, 2, T_WASM, SP_WIRE_TAG_SHARED, 0);
  FORGED(SP_WIRE_ETRUNCATED, NULL, 0, T_WASM);
  FORGED(0, NULL, 0, T_ARR, 3, 3, T_WASM, T_AB, 0, T_REF, 1, T_REF, 2, T_END);
  FORGED(SP_WIRE_EBAD_REF, NULL, 0, T_ARR, 2, 2, T_WASM, T_AB, 0, T_REF, 3, T_END);
}

static void test_depth(void) {
  for (int depth = SP_WIRE_MAX_DEPTH - 2; depth <= SP_WIRE_MAX_DEPTH + 2; depth += 4) {
    sp_wbuf_t w;
    sp_wbuf_init(&w, 0);
    sp_wbuf_u8(&w, SP_WIRE_VERSION);
    for (int i = 0; i < depth; i++) { sp_wbuf_u8(&w, SP_WIRE_TAG_ARRAY); sp_wbuf_varint(&w, 1); sp_wbuf_varint(&w, 1); }
    sp_wbuf_u8(&w, SP_WIRE_TAG_NULL);
    for (int i = 0; i < depth; i++) sp_wbuf_u8(&w, SP_WIRE_TAG_END);
    int e = sp_wire_check(w.data, w.len, NULL, 0);
    CHECK(depth < SP_WIRE_MAX_DEPTH ? e == 0 : e == SP_WIRE_ETOO_DEEP);
    sp_wbuf_free(&w);
  }
  /* a million nested openers: rejected by the depth limit, not the stack */
  size_t n = 1000000;
  uint8_t *p = malloc(n + 1);
  p[0] = SP_WIRE_VERSION;
  memset(p + 1, SP_WIRE_TAG_SET, n);
  CHECK(sp_wire_check(p, n + 1, NULL, 0) == SP_WIRE_ETOO_DEEP);
  free(p);
}

static int freed_count;
static void count_free(void *h) { (void)h; freed_count++; }

static void test_msg_and_blocks(void) {
  size_t base = sp_xbuf_live();
  sp_xbuf_t *b = sp_xbuf_new(100);
  CHECK(b && b->len == 100 && sp_xbuf_live() == base + 1);
  sp_xbuf_t *again = sp_xbuf_lookup_ref(b->data);
  CHECK(again == b);
  CHECK(sp_xbuf_lookup_ref((char *)b->data + 1) == NULL);
  sp_xbuf_unref(again);
  /* many blocks: registry growth and tombstones */
  sp_xbuf_t *many[300];
  for (int i = 0; i < 300; i++) many[i] = sp_xbuf_new((size_t)i);
  for (int i = 0; i < 300; i += 2) sp_xbuf_unref(many[i]);
  for (int i = 1; i < 300; i += 2) {
    sp_xbuf_t *f = sp_xbuf_lookup_ref(many[i]->data);
    CHECK(f == many[i]);
    if (f) sp_xbuf_unref(f);
    sp_xbuf_unref(many[i]);
  }
  CHECK(sp_xbuf_live() == base + 1);

  sp_wire_side_t *side = calloc(3, sizeof *side);
  side[0] = (sp_wire_side_t){SP_WIRE_SIDE_BUFFER, b, b->len, sp_xbuf_unref_void};
  side[1] = (sp_wire_side_t){SP_WIRE_SIDE_PORT, (void *)0x10, 0, count_free};
  side[2] = (sp_wire_side_t){SP_WIRE_SIDE_PORT, (void *)0x20, 0, count_free};
  uint8_t *data = malloc(2);
  data[0] = SP_WIRE_VERSION;
  data[1] = SP_WIRE_TAG_NULL;
  sp_wire_msg_t *m = sp_wire_msg_new(data, 2, side, 3);
  CHECK(sp_wire_msg_take(m, 1, SP_WIRE_SIDE_BUFFER) == NULL); /* wrong kind */
  CHECK(sp_wire_msg_take(m, 9, SP_WIRE_SIDE_PORT) == NULL);   /* out of range */
  CHECK(sp_wire_msg_take(m, 1, SP_WIRE_SIDE_PORT) == (void *)0x10);
  CHECK(sp_wire_msg_take(m, 1, SP_WIRE_SIDE_PORT) == NULL);   /* taken once */
  freed_count = 0;
  sp_wire_msg_free(m); /* drops the buffer and the untaken port only */
  CHECK(freed_count == 1);
  CHECK(sp_xbuf_live() == base);
  sp_wire_msg_free(NULL);

  /* a dropped message closes the FileHandle descriptor it carried; a taken one stays open */
  int fds[2];
  CHECK(pipe(fds) == 0);
  side = calloc(2, sizeof *side);
  side[0] = (sp_wire_side_t){SP_WIRE_SIDE_FD, sp_wire_fd_handle(fds[0]), 0, sp_wire_fd_close};
  side[1] = (sp_wire_side_t){SP_WIRE_SIDE_FD, sp_wire_fd_handle(fds[1]), 0, sp_wire_fd_close};
  data = malloc(2);
  data[0] = SP_WIRE_VERSION;
  data[1] = SP_WIRE_TAG_NULL;
  m = sp_wire_msg_new(data, 2, side, 2);
  void *taken = sp_wire_msg_take(m, 1, SP_WIRE_SIDE_FD);
  CHECK(taken && sp_wire_fd_of(taken) == fds[1]);
  sp_wire_msg_free(m);
  CHECK(fcntl(fds[0], F_GETFD) == -1 && errno == EBADF);
  CHECK(fcntl(fds[1], F_GETFD) != -1);
  close(fds[1]);
}

/* Narrowing and widening code units: every length around the block size, a wide
 * unit in a block, at a block's end and in the tail. */
static void test_units(void) {
  uint16_t u[300] = {0}, back[300];
  uint8_t b[300];
  for (size_t n = 0; n <= 300; n++) {
    for (size_t i = 0; i < n; i++) u[i] = (uint16_t)((i * 37 + n) & 0xff);
    memset(b, 0xaa, sizeof b);
    CHECK(sp_units_narrow(b, u, n));
    int same = 1;
    for (size_t i = 0; i < n; i++) same &= b[i] == u[i];
    CHECK(same);
    CHECK(n == 300 || b[n] == 0xaa); /* nothing written past n */
    sp_units_widen(back, b, n);
    CHECK(n == 0 || memcmp(back, u, n * sizeof *u) == 0);
  }
  /* sp_wire_units reads back what sp_wbuf_string16 wrote, Latin-1 and two-byte */
  for (int wide = 0; wide < 2; wide++) {
    for (size_t i = 0; i < 300; i++) u[i] = (uint16_t)(wide ? 0x4e00 + i : 'a' + i % 26);
    sp_wbuf_t w;
    sp_wbuf_init(&w, 16);
    sp_wbuf_string16(&w, u, 300);
    sp_rbuf_t r = {w.data + 1, w.data + w.len};
    size_t n = 0;
    const uint8_t *p = sp_rbuf_string(&r, w.data[0], &n);
    CHECK(p && n == 300 && w.data[0] == (wide ? SP_WIRE_TAG_STR2 : SP_WIRE_TAG_STR1));
    if (p) {
      sp_wire_units(back, p, n, w.data[0]);
      CHECK(memcmp(back, u, sizeof u) == 0);
    }
    sp_wbuf_free(&w);
  }
  size_t wide_at[] = {0, 5, 63, 64, 127, 128, 200, 299};
  for (size_t k = 0; k < sizeof wide_at / sizeof *wide_at; k++) {
    for (size_t i = 0; i < 300; i++) u[i] = 'a';
    u[wide_at[k]] = 0x100;
    CHECK(!sp_units_narrow(b, u, 300));
    CHECK(sp_units_narrow(b, u, wide_at[k])); /* the units before it are fine */
  }
}

int main(void) {
  test_units();
  test_primitives();
  test_valid_and_truncated();
  test_forged();
  test_depth();
  test_corruption();
  test_msg_and_blocks();
  if (failures) {
    fprintf(stderr, "test_wire: %d failure(s)\n", failures);
    return 1;
  }
  printf("test_wire: ok\n");
  return 0;
}
