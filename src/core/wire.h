/* spindle's structured-clone wire format: engine-agnostic buffers, the tag
 * table, the message type that crosses threads and a full validator.
 *
 * A message is the bytes of one cloned value plus a side table of things that
 * move instead of being copied (transferred ArrayBuffers, MessagePorts, shared
 * memory blocks). The bytes never contain pointers: they name side entries by
 * index, so a forged message can at worst name an entry that is missing or of
 * the wrong kind, which the validator rejects.
 *
 * Layout: version byte (SP_WIRE_VERSION), one value, end of buffer. A value is
 * a tag byte followed by its payload (table below). Every object (anything
 * with identity, including ArrayBuffers and views) gets the next id when its
 * tag is read; TAG_REF <id> names an earlier object, which is how cycles and
 * shared references travel. Integers are LEB128 varints, doubles 8 bytes
 * little-endian, strings a length (in code units) then Latin-1 bytes or
 * UTF-16LE units. Property keys are strings that are also numbered, so a key
 * repeated across 1000 records is sent (and atomized by the reader) once.
 *
 * Ownership: a sp_wire_msg_t is built on the sender's thread, handed whole to
 * a queue, read on the receiver's thread and freed on whichever thread drops
 * it; it is never used by two threads at once, so it has no lock. */
#ifndef SP_WIRE_H
#define SP_WIRE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/port.h"

#define SP_WIRE_VERSION 1
/* Hard nesting limit of the format itself (the engine glue also watches its stack). */
#define SP_WIRE_MAX_DEPTH 10000
/* Largest string / buffer the reader accepts (also bounded by the bytes present). */
#define SP_WIRE_MAX_LEN ((uint64_t)1 << 40)

/* X(name, value, payload description) */
#define SP_WIRE_TAGS(X)                                                                    \
  X(UNDEFINED, 0x01, "")                                                                   \
  X(NULL, 0x02, "")                                                                        \
  X(TRUE, 0x03, "")                                                                        \
  X(FALSE, 0x04, "")                                                                       \
  X(INT, 0x05, "zigzag varint (int32)")                                                    \
  X(DOUBLE, 0x06, "f64")                                                                   \
  X(BIGINT, 0x07, "varint n, n ASCII bytes: -?[0-9]+ (decimal)")                          \
  X(STR1, 0x08, "varint n, n Latin-1 bytes")                                               \
  X(STR2, 0x09, "varint n, n UTF-16LE units")                                              \
  X(REF, 0x0a, "varint object id")                                                         \
  X(OBJECT, 0x0b, "(key value)* END")                                                      \
  X(ARRAY, 0x0c, "varint length, varint n dense, n values (HOLE ok), (key value)* END")   \
  X(HOLE, 0x0d, "only inside ARRAY's dense part")                                         \
  X(END, 0x0e, "ends a key/value or value list")                                          \
  X(DATE, 0x0f, "f64 time value")                                                          \
  X(REGEXP, 0x10, "string source, string flags")                                           \
  X(NUMBER_OBJ, 0x11, "f64")                                                               \
  X(STRING_OBJ, 0x12, "string")                                                            \
  X(TRUE_OBJ, 0x13, "")                                                                    \
  X(FALSE_OBJ, 0x14, "")                                                                   \
  X(BIGINT_OBJ, 0x15, "as BIGINT")                                                         \
  X(MAP, 0x16, "(value value)* END")                                                       \
  X(SET, 0x17, "value* END")                                                               \
  X(ERROR, 0x18, "u8 kind, u8 flags, [string message], [string stack], [value cause]")     \
  X(ARRAY_BUFFER, 0x19, "varint n, n bytes (a copy)")                                      \
  X(TRANSFERRED, 0x1a, "varint side index of a SP_WIRE_SIDE_BUFFER (moved or large)")       \
  X(SHARED, 0x1b, "varint side index of a SP_WIRE_SIDE_SHARED")                            \
  X(VIEW, 0x1c, "u8 view kind, varint byteOffset, varint byteLength, buffer value")        \
  X(PORT, 0x1d, "varint side index of a SP_WIRE_SIDE_PORT")                                \
  X(KEY_REF, 0x1e, "varint key id (keys only)")                                            \
  X(KEY_INDEX, 0x1f, "varint array index (keys only)")                                     \
  X(RESIZABLE, 0x20, "varint maxByteLength, ARRAY_BUFFER or TRANSFERRED no longer than that") \
  X(WASM_MODULE, 0x21, "ARRAY_BUFFER or TRANSFERRED: the module's bytes, compiled by the reader") \
  X(FILE_HANDLE, 0x22, "varint side index of a SP_WIRE_SIDE_FD")

enum {
#define SP_WIRE_TAG_ENUM(name, value, desc) SP_WIRE_TAG_##name = value,
  SP_WIRE_TAGS(SP_WIRE_TAG_ENUM)
#undef SP_WIRE_TAG_ENUM
};

/* ERROR: which constructor the receiver uses (node picks it from `name`). */
enum { SP_WIRE_ERR_ERROR, SP_WIRE_ERR_EVAL, SP_WIRE_ERR_RANGE, SP_WIRE_ERR_REFERENCE,
       SP_WIRE_ERR_SYNTAX, SP_WIRE_ERR_TYPE, SP_WIRE_ERR_URI, SP_WIRE_ERR_COUNT };
enum { SP_WIRE_ERRF_MESSAGE = 1, SP_WIRE_ERRF_STACK = 2, SP_WIRE_ERRF_CAUSE = 4 };

/* VIEW kinds, with element sizes in sp_wire_view_size. */
enum { SP_WIRE_VIEW_INT8, SP_WIRE_VIEW_UINT8, SP_WIRE_VIEW_UINT8C, SP_WIRE_VIEW_INT16,
       SP_WIRE_VIEW_UINT16, SP_WIRE_VIEW_INT32, SP_WIRE_VIEW_UINT32, SP_WIRE_VIEW_FLOAT32,
       SP_WIRE_VIEW_FLOAT64, SP_WIRE_VIEW_BIGINT64, SP_WIRE_VIEW_BIGUINT64,
       SP_WIRE_VIEW_DATAVIEW, SP_WIRE_VIEW_COUNT };
extern const uint8_t sp_wire_view_size[SP_WIRE_VIEW_COUNT];
/* Or'ed into a VIEW's kind: the view tracks its (resizable) buffer's length. */
#define SP_WIRE_VIEW_TRACKING 0x80

/* Error codes (negative returns). */
#define SP_WIRE_ERRORS(X)                                     \
  X(TRUNCATED, -1, "unexpected end of data")                  \
  X(BAD_TAG, -2, "unknown or misplaced tag")                  \
  X(BAD_LENGTH, -3, "length out of range")                    \
  X(BAD_REF, -4, "reference to an unknown object or key")     \
  X(TOO_DEEP, -5, "nesting too deep")                         \
  X(BAD_SIDE, -6, "bad side-table reference")                 \
  X(BAD_VIEW, -7, "view out of its buffer's bounds")          \
  X(BAD_VERSION, -8, "unsupported wire version")              \
  X(TRAILING, -9, "trailing bytes")                           \
  X(NOMEM, -10, "out of memory")                              \
  X(BAD_VALUE, -11, "malformed value")

enum {
#define SP_WIRE_ERR_ENUM(name, value, msg) SP_WIRE_E##name = value,
  SP_WIRE_ERRORS(SP_WIRE_ERR_ENUM)
#undef SP_WIRE_ERR_ENUM
};
const char *sp_wire_strerror(int err);

/* ---- growable writer ---------------------------------------------------- */
typedef struct sp_wbuf {
  uint8_t *data;
  size_t len, cap;
  bool oom;  /* sticky: any failed growth; check once at the end */
  bool heap; /* data is malloc'd (else the caller's buffer, given to sp_wbuf_init_on) */
} sp_wbuf_t;

void sp_wbuf_init(sp_wbuf_t *w, size_t hint);
/* Starts on the caller's buffer (e.g. on its stack); moves to the heap only if it outgrows it. */
void sp_wbuf_init_on(sp_wbuf_t *w, uint8_t *buf, size_t cap);
void sp_wbuf_free(sp_wbuf_t *w);
/* Makes room for n more bytes; returns the write pointer or NULL (and sets oom). */
uint8_t *sp_wbuf_reserve(sp_wbuf_t *w, size_t n);
void sp_wbuf_u8(sp_wbuf_t *w, uint8_t v);
void sp_wbuf_varint(sp_wbuf_t *w, uint64_t v);
void sp_wbuf_zigzag(sp_wbuf_t *w, int64_t v);
void sp_wbuf_double(sp_wbuf_t *w, double v);
void sp_wbuf_bytes(sp_wbuf_t *w, const void *p, size_t n);
/* Writes a string tag (STR1 when every unit is < 256, else STR2) and the units. */
void sp_wbuf_string16(sp_wbuf_t *w, const uint16_t *units, size_t n);
/* Code units to Latin-1 bytes; false (dst partly written) if one is above 0xff. */
bool sp_units_narrow(uint8_t *dst, const uint16_t *src, size_t n);
/* Latin-1 bytes to code units. */
void sp_units_widen(uint16_t *dst, const uint8_t *src, size_t n);
/* The n units of a STR1 or STR2 payload (tag says which) as code units: the inverse of
 * sp_wbuf_string16. */
void sp_wire_units(uint16_t *dst, const uint8_t *src, size_t n, int tag);
/* Writes STR1 from Latin-1 bytes. */
void sp_wbuf_string8(sp_wbuf_t *w, const uint8_t *s, size_t n);

/* ---- bounds-checked reader ---------------------------------------------- */
typedef struct sp_rbuf {
  const uint8_t *p, *end;
  int err; /* sticky: first error, 0 while fine; reads after an error return zeroes */
} sp_rbuf_t;

static inline void sp_rbuf_init(sp_rbuf_t *r, const uint8_t *p, size_t n) {
  r->p = p;
  r->end = p + n;
  r->err = 0;
}
static inline size_t sp_rbuf_left(const sp_rbuf_t *r) { return (size_t)(r->end - r->p); }
/* The reads below are inline: the validator makes one or more per byte of a message
 * (an 80 KB one took 136 us with them out of line). */
/* Records the first error and stops the reader (later reads return zeroes). */
static inline void sp_rbuf_fail(sp_rbuf_t *r, int err) {
  if (!r->err) r->err = err;
  r->p = r->end;
}
static inline uint8_t sp_rbuf_u8(sp_rbuf_t *r) {
  if (r->p >= r->end) {
    sp_rbuf_fail(r, SP_WIRE_ETRUNCATED);
    return 0;
  }
  return *r->p++;
}
int sp_rbuf_peek(const sp_rbuf_t *r); /* next byte or -1 */
uint64_t sp__rbuf_varint_long(sp_rbuf_t *r); /* two bytes or more */
static inline uint64_t sp_rbuf_varint(sp_rbuf_t *r) {
  if (r->p < r->end && *r->p < 0x80) return *r->p++;
  return sp__rbuf_varint_long(r);
}
/* A varint that must be <= max (else BAD_LENGTH). */
static inline uint64_t sp_rbuf_len(sp_rbuf_t *r, uint64_t max) {
  uint64_t v = sp_rbuf_varint(r);
  if (v > max) {
    sp_rbuf_fail(r, SP_WIRE_EBAD_LENGTH);
    return 0;
  }
  return v;
}
static inline int64_t sp_rbuf_zigzag(sp_rbuf_t *r) {
  uint64_t v = sp_rbuf_varint(r);
  return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}
double sp_rbuf_double(sp_rbuf_t *r);
/* n bytes in place, or NULL (TRUNCATED) when fewer remain. */
static inline const uint8_t *sp_rbuf_bytes(sp_rbuf_t *r, uint64_t n) {
  if (n > sp_rbuf_left(r)) {
    sp_rbuf_fail(r, SP_WIRE_ETRUNCATED);
    return NULL;
  }
  const uint8_t *p = r->p;
  r->p += n;
  return p;
}
/* A STR1/STR2 payload after its tag: *units = code units; returns the bytes in place. */
static inline const uint8_t *sp_rbuf_string(sp_rbuf_t *r, int tag, size_t *units) {
  uint64_t n = sp_rbuf_len(r, SP_WIRE_MAX_LEN);
  const uint8_t *p = r->err ? NULL : sp_rbuf_bytes(r, tag == SP_WIRE_TAG_STR2 ? n * 2 : n);
  *units = p ? (size_t)n : 0;
  return p;
}

/* ---- messages ------------------------------------------------------------ */
typedef enum {
  SP_WIRE_SIDE_NONE = 0,
  SP_WIRE_SIDE_BUFFER = 1, /* ArrayBuffer bytes (transferred, or a large copy): a sp_xbuf_t* (one ref) */
  SP_WIRE_SIDE_PORT = 2,   /* MessagePort: handle from sp_clone_port_hooks_t.detach_port */
  SP_WIRE_SIDE_SHARED = 3, /* SharedArrayBuffer block: handle from sp_clone_shared_hooks_t */
  SP_WIRE_SIDE_FD = 4,     /* a transferred fs FileHandle's descriptor: sp_wire_fd_handle(fd) */
} sp_wire_side_kind_t;

typedef struct sp_wire_side {
  uint8_t kind;
  void *handle;              /* NULL once taken by the receiver */
  uint64_t len;              /* byte length for BUFFER/SHARED (the validator checks views) */
  void (*free)(void *handle); /* drops an untaken handle */
} sp_wire_side_t;

typedef struct sp_wire_msg {
  sp_port_msg_t link; /* first: a message travels through a port's queue as is */
  uint8_t *data;
  size_t len;
  sp_wire_side_t *side;
  uint32_t nside;
  bool data_inline;   /* data follows this header in its msgblock (core/msgmem.h) */
} sp_wire_msg_t;

/* Takes ownership of data (malloc'd) and side (malloc'd array, may be NULL). */
sp_wire_msg_t *sp_wire_msg_new(uint8_t *data, size_t len, sp_wire_side_t *side, uint32_t nside);
/* Takes the writer's bytes (w is left empty) and side: a small message is one
 * recycled block with its bytes inline, a large one keeps the writer's heap
 * buffer. NULL when out of memory (w and side are then still the caller's). */
sp_wire_msg_t *sp_wire_msg_from_wbuf(sp_wbuf_t *w, sp_wire_side_t *side, uint32_t nside);
/* A message of len bytes for the caller to fill, with no side handles. NULL when out of memory. */
sp_wire_msg_t *sp_wire_msg_alloc(size_t len);
/* Frees the bytes and drops every side handle not taken. NULL is fine. */
void sp_wire_msg_free(sp_wire_msg_t *msg);
/* Takes a side handle of the given kind (NULL if out of range, wrong kind or taken). */
void *sp_wire_msg_take(sp_wire_msg_t *msg, uint64_t index, int kind);

/* A descriptor as a side handle (never NULL), and back; sp_wire_fd_close closes an untaken one. */
static inline void *sp_wire_fd_handle(int fd) { return (void *)((intptr_t)fd + 1); }
static inline int sp_wire_fd_of(void *handle) { return (int)((intptr_t)handle - 1); }
void sp_wire_fd_close(void *handle);
/* Validates a whole message: version, every tag, length, key and object
 * reference, side index (in range, right kind, used once), view bounds, and
 * nothing trailing. Returns 0 or an SP_WIRE_E* code. Never reads outside
 * [data, data+len). */
int sp_wire_check(const uint8_t *data, size_t len, const sp_wire_side_t *side, uint32_t nside);

/* ---- transferred buffer blocks ------------------------------------------
 * Memory that outlives any one VM: the receiver wraps `data` with
 * JSObjectMakeArrayBufferWithBytesNoCopy and the deallocator drops a ref.
 * Blocks are registered by data pointer so that transferring a buffer that
 * already sits on a block (it came in a message) moves the pointer again
 * instead of copying. `refs` is atomic; the registry has its own lock. */
typedef struct sp_xbuf {
  _Atomic long refs;
  void *data;
  size_t len;
} sp_xbuf_t;

sp_xbuf_t *sp_xbuf_new(size_t len); /* uninitialised bytes, refs = 1, registered */
void sp_xbuf_ref(sp_xbuf_t *b);
void sp_xbuf_unref(sp_xbuf_t *b);   /* frees and unregisters at zero */
/* The block whose data starts at p, with a new reference, or NULL. */
sp_xbuf_t *sp_xbuf_lookup_ref(const void *p);
void sp_xbuf_unref_void(void *b);   /* as a sp_wire_side_t.free */
/* Live blocks (for leak checks in tests). */
size_t sp_xbuf_live(void);

#endif
