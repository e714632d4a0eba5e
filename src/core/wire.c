/* Wire format buffers, messages, the validator and transferred-buffer blocks.
 * See wire.h for the format; this file knows nothing about JavaScript. */
#include "core/wire.h"

#include "core/msgmem.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const uint8_t sp_wire_view_size[SP_WIRE_VIEW_COUNT] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8, 1};

const char *sp_wire_strerror(int err) {
  switch (err) {
#define SP_WIRE_ERR_CASE(name, value, msg) \
  case value: return msg;
    SP_WIRE_ERRORS(SP_WIRE_ERR_CASE)
#undef SP_WIRE_ERR_CASE
  case 0: return "ok";
  }
  return "unknown error";
}

/* ---- writer --------------------------------------------------------------- */
void sp_wbuf_init(sp_wbuf_t *w, size_t hint) {
  w->len = 0;
  w->oom = false;
  w->heap = true;
  w->cap = hint < 64 ? 64 : hint;
  w->data = malloc(w->cap);
  if (!w->data) { w->cap = 0; w->oom = true; }
}

void sp_wbuf_init_on(sp_wbuf_t *w, uint8_t *buf, size_t cap) {
  w->data = buf;
  w->len = 0;
  w->cap = cap;
  w->oom = false;
  w->heap = false;
}

void sp_wbuf_free(sp_wbuf_t *w) {
  if (w->heap) free(w->data);
  w->data = NULL;
  w->len = w->cap = 0;
  w->heap = true;
}

uint8_t *sp_wbuf_reserve(sp_wbuf_t *w, size_t n) {
  if (w->oom) return NULL;
  if (n > SIZE_MAX / 2 - w->len) { w->oom = true; return NULL; }
  if (w->len + n > w->cap) {
    size_t cap = w->cap ? w->cap : 64;
    while (cap < w->len + n) cap *= 2;
    uint8_t *d = w->heap ? realloc(w->data, cap) : malloc(cap);
    if (!d) { w->oom = true; return NULL; }
    if (!w->heap && w->len) memcpy(d, w->data, w->len);
    w->heap = true;
    w->data = d;
    w->cap = cap;
  }
  return w->data + w->len;
}

void sp_wbuf_u8(sp_wbuf_t *w, uint8_t v) {
  uint8_t *p = sp_wbuf_reserve(w, 1);
  if (p) { *p = v; w->len++; }
}

void sp_wbuf_varint(sp_wbuf_t *w, uint64_t v) {
  uint8_t *p = sp_wbuf_reserve(w, 10);
  if (!p) return;
  size_t n = 0;
  while (v >= 0x80) { p[n++] = (uint8_t)(v | 0x80); v >>= 7; }
  p[n++] = (uint8_t)v;
  w->len += n;
}

void sp_wbuf_zigzag(sp_wbuf_t *w, int64_t v) {
  sp_wbuf_varint(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

void sp_wbuf_double(sp_wbuf_t *w, double v) {
  uint8_t *p = sp_wbuf_reserve(w, 8);
  if (!p) return;
  uint64_t bits;
  memcpy(&bits, &v, 8);
  for (int i = 0; i < 8; i++) p[i] = (uint8_t)(bits >> (8 * i));
  w->len += 8;
}

void sp_wbuf_bytes(sp_wbuf_t *w, const void *src, size_t n) {
  if (!n) return;
  uint8_t *p = sp_wbuf_reserve(w, n);
  if (!p) return;
  memcpy(p, src, n);
  w->len += n;
}

void sp_wbuf_string8(sp_wbuf_t *w, const uint8_t *s, size_t n) {
  sp_wbuf_u8(w, SP_WIRE_TAG_STR1);
  sp_wbuf_varint(w, n);
  sp_wbuf_bytes(w, s, n);
}

/* Code-unit copies in blocks of a fixed size: the compiler vectorises a loop of
 * known trip count at -O2, not one with an early exit or an unknown count. */
#define UNIT_BLOCK 64
/* gcc's -O2 cost model leaves the narrowing store scalar (measured: half the time of
 * a 100 KB string clone); clang vectorises both loops at -O2 already. */
#if defined(__GNUC__) && !defined(__clang__)
#define SP_VECTORISE __attribute__((optimize("O3")))
#else
#define SP_VECTORISE
#endif

SP_VECTORISE bool sp_units_narrow(uint8_t *dst, const uint16_t *src, size_t n) {
  size_t i = 0;
  for (; i + UNIT_BLOCK <= n; i += UNIT_BLOCK) {
    uint16_t any = 0;
    for (size_t j = 0; j < UNIT_BLOCK; j++) any |= src[i + j];
    if (any > 0xff) return false;
    for (size_t j = 0; j < UNIT_BLOCK; j++) dst[i + j] = (uint8_t)src[i + j];
  }
  for (; i < n; i++) {
    if (src[i] > 0xff) return false;
    dst[i] = (uint8_t)src[i];
  }
  return true;
}

SP_VECTORISE void sp_units_widen(uint16_t *dst, const uint8_t *src, size_t n) {
  size_t i = 0;
  for (; i + UNIT_BLOCK <= n; i += UNIT_BLOCK)
    for (size_t j = 0; j < UNIT_BLOCK; j++) dst[i + j] = src[i + j];
  for (; i < n; i++) dst[i] = src[i];
}

void sp_wire_units(uint16_t *dst, const uint8_t *src, size_t n, int tag) {
  if (tag == SP_WIRE_TAG_STR1) {
    sp_units_widen(dst, src, n);
    return;
  }
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  memcpy(dst, src, 2 * n); /* the wire's byte order is the host's */
#else
  for (size_t i = 0; i < n; i++) dst[i] = (uint16_t)(src[2 * i] | src[2 * i + 1] << 8);
#endif
}

void sp_wbuf_string16(sp_wbuf_t *w, const uint16_t *u, size_t n) {
  /* Narrow while scanning: most strings are Latin-1, and then the scan is the copy. */
  uint8_t *p = sp_wbuf_reserve(w, 11 + n * 2);
  if (!p) return;
  size_t head = w->len;
  sp_wbuf_u8(w, SP_WIRE_TAG_STR1);
  sp_wbuf_varint(w, n);
  uint8_t *dst = w->data + w->len;
  if (sp_units_narrow(dst, u, n)) { w->len += n; return; }
  w->data[head] = SP_WIRE_TAG_STR2;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  memcpy(dst, u, 2 * n); /* the wire's byte order is the host's */
#else
  for (size_t i = 0; i < n; i++) {
    dst[2 * i] = (uint8_t)u[i];
    dst[2 * i + 1] = (uint8_t)(u[i] >> 8);
  }
#endif
  w->len += 2 * n;
}

/* ---- reader (the hot reads are inline in wire.h) ---------------------------- */
int sp_rbuf_peek(const sp_rbuf_t *r) { return r->p < r->end ? *r->p : -1; }

uint64_t sp__rbuf_varint_long(sp_rbuf_t *r) {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (r->p >= r->end) { sp_rbuf_fail(r, SP_WIRE_ETRUNCATED); return 0; }
    uint8_t b = *r->p++;
    if (shift == 63 && b > 1) break; /* more than 64 bits */
    v |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  sp_rbuf_fail(r, SP_WIRE_EBAD_LENGTH);
  return 0;
}

double sp_rbuf_double(sp_rbuf_t *r) {
  if (sp_rbuf_left(r) < 8) { sp_rbuf_fail(r, SP_WIRE_ETRUNCATED); return 0; }
  uint64_t bits = 0;
  for (int i = 0; i < 8; i++) bits |= (uint64_t)r->p[i] << (8 * i);
  r->p += 8;
  double d;
  memcpy(&d, &bits, 8);
  return d;
}

/* ---- messages ------------------------------------------------------------- */
static void free_link(sp_port_msg_t *link) { sp_wire_msg_free((sp_wire_msg_t *)link); }

/* Every message header lives in a msgblock; small messages carry their bytes in it too. */
enum { INLINE_MAX = SP_MSGBLOCK_BYTES - sizeof(sp_wire_msg_t) };

sp_wire_msg_t *sp_wire_msg_new(uint8_t *data, size_t len, sp_wire_side_t *side, uint32_t nside) {
  sp_wire_msg_t *m = sp_msgblock_alloc();
  if (!m) return NULL;
  m->link.next = NULL;
  m->link.free = free_link;
  m->data = data;
  m->len = len;
  m->side = side;
  m->nside = nside;
  m->data_inline = false;
  return m;
}

sp_wire_msg_t *sp_wire_msg_alloc(size_t len) {
  sp_wire_msg_t *m;
  if (len <= INLINE_MAX) {
    if (!(m = sp_wire_msg_new(NULL, len, NULL, 0))) return NULL;
    m->data = (uint8_t *)(m + 1);
    m->data_inline = true;
    return m;
  }
  uint8_t *data = malloc(len);
  if (!data || !(m = sp_wire_msg_new(data, len, NULL, 0))) {
    free(data);
    return NULL;
  }
  return m;
}

sp_wire_msg_t *sp_wire_msg_from_wbuf(sp_wbuf_t *w, sp_wire_side_t *side, uint32_t nside) {
  sp_wire_msg_t *m;
  if (w->len > INLINE_MAX && w->heap) { /* the writer's heap buffer becomes the message's */
    if (!(m = sp_wire_msg_new(w->data, w->len, side, nside))) return NULL;
    w->data = NULL;
  } else {
    if (!(m = sp_wire_msg_alloc(w->len))) return NULL;
    if (w->len) memcpy(m->data, w->data, w->len);
    m->side = side;
    m->nside = nside;
  }
  sp_wbuf_free(w);
  return m;
}

/* A FileHandle's descriptor that no receiver took (the message was dropped): closed, as the
 * handle would have been. */
void sp_wire_fd_close(void *handle) { close(sp_wire_fd_of(handle)); }

void sp_wire_msg_free(sp_wire_msg_t *m) {
  if (!m) return;
  for (uint32_t i = 0; i < m->nside; i++)
    if (m->side[i].handle && m->side[i].free) m->side[i].free(m->side[i].handle);
  free(m->side);
  if (!m->data_inline) free(m->data);
  sp_msgblock_free(m);
}

void *sp_wire_msg_take(sp_wire_msg_t *m, uint64_t index, int kind) {
  if (!m || index >= m->nside || m->side[index].kind != kind) return NULL;
  void *h = m->side[index].handle;
  m->side[index].handle = NULL;
  return h;
}

/* ---- validator ------------------------------------------------------------ */
/* PENDING: a view or module, made after the buffer it holds; no REF may name it meanwhile */
enum { OBJ_PLAIN, OBJ_BUFFER, OBJ_PENDING };

typedef struct {
  sp_rbuf_t r;
  const sp_wire_side_t *side;
  uint32_t nside;
  uint8_t *side_used;
  /* per object id: kind and, for buffers, byte length (on the stack until
   * a message has more objects than that) */
  uint8_t *okind;
  uint64_t *olen;
  size_t nobj, capobj;
  uint64_t nkeys;
  int depth;
  uint8_t okind_small[32]; /* last: the rest is zeroed up to here */
  uint64_t olen_small[32];
} check_t;

static int new_obj(check_t *c, uint8_t kind, uint64_t len) {
  if (c->nobj == c->capobj) {
    size_t cap = c->capobj * 2;
    bool small = c->okind == c->okind_small;
    uint8_t *k = realloc(small ? NULL : c->okind, cap);
    if (!k) return SP_WIRE_ENOMEM;
    if (small) memcpy(k, c->okind_small, c->nobj);
    c->okind = k;
    uint64_t *l = realloc(small ? NULL : c->olen, cap * sizeof *l);
    if (!l) return SP_WIRE_ENOMEM;
    if (small) memcpy(l, c->olen_small, c->nobj * sizeof *l);
    c->olen = l;
    c->capobj = cap;
  }
  c->okind[c->nobj] = kind;
  c->olen[c->nobj] = len;
  c->nobj++;
  return 0;
}

static void cfail(check_t *c, int err) { sp_rbuf_fail(&c->r, err); }

static void check_value(check_t *c, int tag);

static void check_string(check_t *c) {
  int tag = sp_rbuf_u8(&c->r);
  if (c->r.err) return;
  if (tag != SP_WIRE_TAG_STR1 && tag != SP_WIRE_TAG_STR2) { cfail(c, SP_WIRE_EBAD_TAG); return; }
  size_t n;
  sp_rbuf_string(&c->r, tag, &n);
}

static void check_bigint(check_t *c) {
  uint64_t n = sp_rbuf_len(&c->r, SP_WIRE_MAX_LEN);
  const uint8_t *p = sp_rbuf_bytes(&c->r, n);
  if (!p) return;
  size_t i = 0;
  if (n && p[0] == '-') i = 1;
  if (i == n) { cfail(c, SP_WIRE_EBAD_VALUE); return; }
  for (; i < n; i++)
    if (p[i] < '0' || p[i] > '9') { cfail(c, SP_WIRE_EBAD_VALUE); return; }
}

/* (key value)* END; keys are STR1/STR2 (numbered), KEY_REF or KEY_INDEX. */
static void check_props(check_t *c) {
  for (;;) {
    int tag = sp_rbuf_u8(&c->r);
    if (c->r.err) return;
    if (tag == SP_WIRE_TAG_END) return;
    if (tag == SP_WIRE_TAG_STR1 || tag == SP_WIRE_TAG_STR2) {
      size_t n;
      sp_rbuf_string(&c->r, tag, &n);
      c->nkeys++;
    } else if (tag == SP_WIRE_TAG_KEY_REF) {
      if (sp_rbuf_varint(&c->r) >= c->nkeys) cfail(c, SP_WIRE_EBAD_REF);
    } else if (tag == SP_WIRE_TAG_KEY_INDEX) {
      sp_rbuf_len(&c->r, 0xfffffffeu);
    } else {
      cfail(c, SP_WIRE_EBAD_TAG);
    }
    if (c->r.err) return;
    check_value(c, sp_rbuf_u8(&c->r));
    if (c->r.err) return;
  }
}

static uint64_t side_ref(check_t *c, int kind) {
  uint64_t i = sp_rbuf_varint(&c->r);
  if (c->r.err) return 0;
  if (i >= c->nside || c->side[i].kind != kind || c->side_used[i]) { cfail(c, SP_WIRE_EBAD_SIDE); return 0; }
  c->side_used[i] = 1;
  return c->side[i].len;
}

static void check_value(check_t *c, int tag) {
  sp_rbuf_t *r = &c->r;
  if (r->err) return;
  if (++c->depth > SP_WIRE_MAX_DEPTH) { cfail(c, SP_WIRE_ETOO_DEEP); return; }
  int e;
  switch (tag) {
  case SP_WIRE_TAG_UNDEFINED: case SP_WIRE_TAG_NULL: case SP_WIRE_TAG_TRUE: case SP_WIRE_TAG_FALSE:
    break;
  case SP_WIRE_TAG_INT: {
    int64_t v = sp_rbuf_zigzag(r);
    if (v < INT32_MIN || v > INT32_MAX) cfail(c, SP_WIRE_EBAD_VALUE);
    break;
  }
  case SP_WIRE_TAG_DOUBLE: sp_rbuf_double(r); break;
  case SP_WIRE_TAG_BIGINT: check_bigint(c); break;
  case SP_WIRE_TAG_STR1: case SP_WIRE_TAG_STR2: {
    size_t n;
    sp_rbuf_string(r, tag, &n);
    break;
  }
  case SP_WIRE_TAG_REF: {
    uint64_t id = sp_rbuf_varint(r);
    if (!r->err && (id >= c->nobj || c->okind[id] == OBJ_PENDING)) cfail(c, SP_WIRE_EBAD_REF);
    break;
  }
  case SP_WIRE_TAG_OBJECT:
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    check_props(c);
    break;
  case SP_WIRE_TAG_ARRAY: {
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    uint64_t len = sp_rbuf_len(r, 0xffffffffu);
    uint64_t dense = sp_rbuf_len(r, len);
    for (uint64_t i = 0; i < dense && !r->err; i++) {
      int t = sp_rbuf_u8(r);
      if (t != SP_WIRE_TAG_HOLE) check_value(c, t);
    }
    check_props(c);
    break;
  }
  case SP_WIRE_TAG_DATE: case SP_WIRE_TAG_NUMBER_OBJ:
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    sp_rbuf_double(r);
    break;
  case SP_WIRE_TAG_REGEXP:
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    check_string(c);
    check_string(c);
    break;
  case SP_WIRE_TAG_STRING_OBJ:
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    check_string(c);
    break;
  case SP_WIRE_TAG_TRUE_OBJ: case SP_WIRE_TAG_FALSE_OBJ:
    if ((e = new_obj(c, OBJ_PLAIN, 0))) cfail(c, e);
    break;
  case SP_WIRE_TAG_BIGINT_OBJ:
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    check_bigint(c);
    break;
  case SP_WIRE_TAG_MAP: case SP_WIRE_TAG_SET:
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    for (;;) {
      int t = sp_rbuf_u8(r);
      if (r->err || t == SP_WIRE_TAG_END) break;
      check_value(c, t);
      if (tag == SP_WIRE_TAG_MAP) check_value(c, sp_rbuf_u8(r));
    }
    break;
  case SP_WIRE_TAG_ERROR: {
    if ((e = new_obj(c, OBJ_PLAIN, 0))) { cfail(c, e); break; }
    uint8_t kind = sp_rbuf_u8(r), flags = sp_rbuf_u8(r);
    if (kind >= SP_WIRE_ERR_COUNT || flags > 7) { cfail(c, SP_WIRE_EBAD_VALUE); break; }
    if (flags & SP_WIRE_ERRF_MESSAGE) check_string(c);
    if (flags & SP_WIRE_ERRF_STACK) check_string(c);
    if (flags & SP_WIRE_ERRF_CAUSE) check_value(c, sp_rbuf_u8(r));
    break;
  }
  case SP_WIRE_TAG_ARRAY_BUFFER: {
    uint64_t n = sp_rbuf_len(r, SP_WIRE_MAX_LEN);
    if (!sp_rbuf_bytes(r, n)) break;
    if ((e = new_obj(c, OBJ_BUFFER, n))) cfail(c, e);
    break;
  }
  case SP_WIRE_TAG_TRANSFERRED: case SP_WIRE_TAG_SHARED: {
    uint64_t n = side_ref(c, tag == SP_WIRE_TAG_SHARED ? SP_WIRE_SIDE_SHARED : SP_WIRE_SIDE_BUFFER);
    if (!r->err && (e = new_obj(c, OBJ_BUFFER, n))) cfail(c, e);
    break;
  }
  case SP_WIRE_TAG_RESIZABLE: { /* the buffer that follows is the object */
    uint64_t max = sp_rbuf_len(r, SP_WIRE_MAX_LEN);
    int t = sp_rbuf_u8(r);
    if (r->err) break;
    if (t != SP_WIRE_TAG_ARRAY_BUFFER && t != SP_WIRE_TAG_TRANSFERRED) { cfail(c, SP_WIRE_EBAD_TAG); break; }
    check_value(c, t);
    if (!r->err && c->olen[c->nobj - 1] > max) cfail(c, SP_WIRE_EBAD_LENGTH);
    break;
  }
  case SP_WIRE_TAG_WASM_MODULE: { /* the module is made from its bytes, a buffer of its own */
    size_t id = c->nobj;
    if ((e = new_obj(c, OBJ_PENDING, 0))) { cfail(c, e); break; }
    int t = sp_rbuf_u8(r);
    if (r->err) break;
    if (t != SP_WIRE_TAG_ARRAY_BUFFER && t != SP_WIRE_TAG_TRANSFERRED) { cfail(c, SP_WIRE_EBAD_TAG); break; }
    check_value(c, t);
    c->okind[id] = OBJ_PLAIN;
    break;
  }
  case SP_WIRE_TAG_PORT: case SP_WIRE_TAG_FILE_HANDLE:
    side_ref(c, tag == SP_WIRE_TAG_PORT ? SP_WIRE_SIDE_PORT : SP_WIRE_SIDE_FD);
    if (!r->err && (e = new_obj(c, OBJ_PLAIN, 0))) cfail(c, e);
    break;
  case SP_WIRE_TAG_VIEW: {
    size_t id = c->nobj;
    if ((e = new_obj(c, OBJ_PENDING, 0))) { cfail(c, e); break; }
    uint8_t kind = sp_rbuf_u8(r) & ~SP_WIRE_VIEW_TRACKING;
    uint64_t off = sp_rbuf_len(r, SP_WIRE_MAX_LEN), blen = sp_rbuf_len(r, SP_WIRE_MAX_LEN);
    if (r->err) break;
    if (kind >= SP_WIRE_VIEW_COUNT || off % sp_wire_view_size[kind] || blen % sp_wire_view_size[kind]) {
      cfail(c, SP_WIRE_EBAD_VIEW);
      break;
    }
    int t = sp_rbuf_u8(r);
    uint64_t buflen;
    if (t == SP_WIRE_TAG_REF) {
      uint64_t ref = sp_rbuf_varint(r);
      if (r->err) break;
      if (ref >= c->nobj || c->okind[ref] != OBJ_BUFFER) { cfail(c, SP_WIRE_EBAD_REF); break; }
      buflen = c->olen[ref];
    } else if (t == SP_WIRE_TAG_ARRAY_BUFFER || t == SP_WIRE_TAG_TRANSFERRED || t == SP_WIRE_TAG_SHARED ||
               t == SP_WIRE_TAG_RESIZABLE) {
      check_value(c, t);
      if (r->err) break;
      buflen = c->olen[c->nobj - 1];
    } else {
      cfail(c, SP_WIRE_EBAD_TAG);
      break;
    }
    if (off > buflen || blen > buflen - off) { cfail(c, SP_WIRE_EBAD_VIEW); break; }
    c->okind[id] = OBJ_PLAIN;
    break;
  }
  default:
    cfail(c, SP_WIRE_EBAD_TAG);
  }
  c->depth--;
}

int sp_wire_check(const uint8_t *data, size_t len, const sp_wire_side_t *side, uint32_t nside) {
  check_t c;
  memset(&c, 0, offsetof(check_t, okind_small));
  c.okind = c.okind_small;
  c.olen = c.olen_small;
  c.capobj = sizeof c.okind_small;
  sp_rbuf_init(&c.r, data, len);
  c.side = side;
  c.nside = side ? nside : 0;
  if (c.nside && !(c.side_used = calloc(c.nside, 1))) return SP_WIRE_ENOMEM;
  uint8_t version = sp_rbuf_u8(&c.r);
  if (!c.r.err && version != SP_WIRE_VERSION) cfail(&c, SP_WIRE_EBAD_VERSION);
  if (!c.r.err) check_value(&c, sp_rbuf_u8(&c.r));
  if (!c.r.err && c.r.p != c.r.end) c.r.err = SP_WIRE_ETRAILING;
  free(c.side_used);
  if (c.okind != c.okind_small) free(c.okind);
  if (c.olen != c.olen_small) free(c.olen);
  return c.r.err;
}

/* ---- transferred buffer blocks -------------------------------------------
 * Registry: open addressing by data pointer, guarded by one mutex. Lookups
 * happen once per transferred buffer, so a lock is cheap enough. */
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static sp_xbuf_t **reg_slots; /* NULL = empty, TOMB = deleted */
static size_t reg_cap, reg_used, reg_live;
#define TOMB ((sp_xbuf_t *)1)

static size_t reg_hash(const void *p, size_t cap) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x & (cap - 1);
}

static int reg_grow(void) {
  size_t cap = reg_cap ? reg_cap * 2 : 64;
  sp_xbuf_t **slots = calloc(cap, sizeof *slots);
  if (!slots) return -1;
  for (size_t i = 0; i < reg_cap; i++) {
    sp_xbuf_t *b = reg_slots[i];
    if (!b || b == TOMB) continue;
    size_t h = reg_hash(b->data, cap);
    while (slots[h]) h = (h + 1) & (cap - 1);
    slots[h] = b;
  }
  free(reg_slots);
  reg_slots = slots;
  reg_cap = cap;
  reg_used = reg_live;
  return 0;
}

sp_xbuf_t *sp_xbuf_new(size_t len) {
  sp_xbuf_t *b = malloc(sizeof *b);
  if (!b) return NULL;
  b->data = malloc(len ? len : 1); /* distinct non-NULL pointer even for empty buffers */
  if (!b->data) { free(b); return NULL; }
  b->len = len;
  atomic_init(&b->refs, 1);
  pthread_mutex_lock(&reg_lock);
  if ((reg_used + 1) * 2 > reg_cap && reg_grow()) {
    pthread_mutex_unlock(&reg_lock);
    free(b->data);
    free(b);
    return NULL;
  }
  size_t h = reg_hash(b->data, reg_cap);
  while (reg_slots[h] && reg_slots[h] != TOMB) h = (h + 1) & (reg_cap - 1);
  if (!reg_slots[h]) reg_used++;
  reg_slots[h] = b;
  reg_live++;
  pthread_mutex_unlock(&reg_lock);
  return b;
}

void sp_xbuf_ref(sp_xbuf_t *b) { atomic_fetch_add(&b->refs, 1); }

void sp_xbuf_unref(sp_xbuf_t *b) {
  if (atomic_fetch_sub(&b->refs, 1) != 1) return;
  pthread_mutex_lock(&reg_lock);
  size_t h = reg_hash(b->data, reg_cap);
  while (reg_slots[h] && reg_slots[h] != b) h = (h + 1) & (reg_cap - 1);
  if (reg_slots[h] == b) { reg_slots[h] = TOMB; reg_live--; }
  pthread_mutex_unlock(&reg_lock);
  free(b->data);
  free(b);
}

void sp_xbuf_unref_void(void *b) { sp_xbuf_unref(b); }

sp_xbuf_t *sp_xbuf_lookup_ref(const void *p) {
  sp_xbuf_t *found = NULL;
  pthread_mutex_lock(&reg_lock);
  if (reg_cap) {
    size_t h = reg_hash(p, reg_cap);
    for (sp_xbuf_t *b; (b = reg_slots[h]); h = (h + 1) & (reg_cap - 1)) {
      if (b != TOMB && b->data == p) {
        /* a block whose count already hit zero is being freed: not ours to revive */
        long refs = atomic_load(&b->refs);
        while (refs > 0 && !atomic_compare_exchange_weak(&b->refs, &refs, refs + 1)) {}
        if (refs > 0) found = b;
        break;
      }
    }
  }
  pthread_mutex_unlock(&reg_lock);
  return found;
}

size_t sp_xbuf_live(void) {
  pthread_mutex_lock(&reg_lock);
  size_t n = reg_live;
  pthread_mutex_unlock(&reg_lock);
  return n;
}
