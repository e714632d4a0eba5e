/* binding('fs'): file-system calls for fs, fs/promises, the CommonJS loader and
 * error printing.
 *
 * Every call goes through libuv's uv_fs_* functions, so the sync and the async
 * flavours share one code path: when the last argument is a function the
 * request runs on libuv's thread pool and the function is called on this
 * agent's loop as (err, result); otherwise it runs right here and the result
 * is returned or the error thrown. JS (src/js/fs.js) owns validation, options
 * and the shape of the results (Stats, Dirent, Buffer); C only moves bytes and
 * turns a negative errno into Node's system error (errno, code, syscall, path,
 * dest — in that property order, as Node prints them). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jsc/clone.h"
#include "jsc/jsc_private.h"
#include "mod/modules.h"

/* ---- helpers ------------------------------------------------------------ */

static JSObjectRef uv_error(JSContextRef ctx, int err, const char *syscall, const char *path,
                            const char *dest) {
  char msg[4096];
  int n = snprintf(msg, sizeof msg, "%s: %s, %s", uv_err_name(err), uv_strerror(err), syscall);
  if (path && n < (int)sizeof msg) n += snprintf(msg + n, sizeof msg - n, " '%s'", path);
  if (dest && n < (int)sizeof msg) snprintf(msg + n, sizeof msg - n, " -> '%s'", dest);
  JSObjectRef e = sp_js_error(ctx, "Error", NULL, "%s", msg);
  sp_js_set_num(ctx, e, "errno", err);
  sp_js_set_str(ctx, e, "code", uv_err_name(err));
  sp_js_set_str(ctx, e, "syscall", syscall);
  if (path) sp_js_set_str(ctx, e, "path", path);
  if (dest) sp_js_set_str(ctx, e, "dest", dest);
  return e;
}

/* UTF-8 -> JS string with U+FFFD for malformed sequences (WHATWG decoder), NULs kept. */
static JSValueRef utf8_string(JSContextRef ctx, const uint8_t *s, size_t len) {
  JSChar *out = malloc((len + 1) * sizeof(JSChar));
  size_t o = 0, i = 0;
  while (i < len) {
    uint8_t c = s[i];
    if (c < 0x80) { out[o++] = c; i++; continue; }
    uint32_t cp;
    int need;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; }
    else { out[o++] = 0xFFFD; i++; continue; }
    size_t j = i + 1;
    int k = 0;
    for (; k < need && j < len; k++, j++) {
      uint8_t b = s[j];
      uint8_t lo = 0x80, hi = 0xBF;
      if (k == 0) {
        if (c == 0xE0) lo = 0xA0;
        else if (c == 0xED) hi = 0x9F;
        else if (c == 0xF0) lo = 0x90;
        else if (c == 0xF4) hi = 0x8F;
      }
      if (b < lo || b > hi) break;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (k < need) { out[o++] = 0xFFFD; i = j; continue; }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out[o++] = 0xD800 | (cp >> 10);
      out[o++] = 0xDC00 | (cp & 0x3FF);
    } else {
      out[o++] = cp;
    }
    i = j;
  }
  JSStringRef js = JSStringCreateWithCharacters(out, o);
  free(out);
  JSValueRef v = JSValueMakeString(ctx, js);
  JSStringRelease(js);
  return v;
}

/* JS string -> UTF-8, lone surrogates become U+FFFD as in Node. */
static char *utf8_bytes(JSContextRef ctx, JSValueRef v, size_t *len, JSValueRef *exc) {
  JSStringRef s = JSValueToStringCopy(ctx, v, exc);
  if (!s) return NULL;
  size_t n = JSStringGetLength(s);
  const JSChar *p = JSStringGetCharactersPtr(s);
  char *out = malloc(n * 3 + 1);
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t c = p[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (p[++i] - 0xDC00);
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c < 0x80) out[o++] = c;
    else if (c < 0x800) { out[o++] = 0xC0 | (c >> 6); out[o++] = 0x80 | (c & 0x3F); }
    else if (c < 0x10000) {
      out[o++] = 0xE0 | (c >> 12); out[o++] = 0x80 | ((c >> 6) & 0x3F); out[o++] = 0x80 | (c & 0x3F);
    } else {
      out[o++] = 0xF0 | (c >> 18); out[o++] = 0x80 | ((c >> 12) & 0x3F);
      out[o++] = 0x80 | ((c >> 6) & 0x3F); out[o++] = 0x80 | (c & 0x3F);
    }
  }
  out[o] = 0;
  JSStringRelease(s);
  *len = o;
  return out;
}

static void free_bytes(void *bytes, void *ctx) { free(bytes); }

/* Hands a malloc'd block to JS as an ArrayBuffer without copying. */
static JSValueRef array_buffer(JSContextRef ctx, void *bytes, size_t len) {
  if (!bytes) bytes = malloc(1);
  return JSObjectMakeArrayBufferWithBytesNoCopy(ctx, bytes, len, free_bytes, NULL, NULL);
}

static int arg_int(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i) {
  return (int)sp_js_num(ctx, SP_ARG(i));
}

static int64_t arg_i64(JSContextRef ctx, size_t argc, const JSValueRef argv[], size_t i, int64_t dflt) {
  JSValueRef v = SP_ARG(i);
  if (!JSValueIsNumber(ctx, v)) return dflt;
  return (int64_t)sp_js_num(ctx, v);
}

/* ---- request plumbing -------------------------------------------------- */

enum { OPT_TYPES = 1 };

typedef struct {
  uv_fs_t req;
  JSObjectRef cb;   /* protected; NULL for a synchronous call */
  JSObjectRef keep; /* protected; buffer the thread pool reads or writes */
  char *path, *dest;
  void *data;       /* malloc'd bytes owned by the request (write of a string) */
  int opt;
} fs_req_t;

static const char *syscall_name(uv_fs_type t) {
  switch (t) {
    case UV_FS_OPEN: return "open";
    case UV_FS_CLOSE: return "close";
    case UV_FS_READ: return "read";
    case UV_FS_WRITE: return "write";
    case UV_FS_STAT: return "stat";
    case UV_FS_LSTAT: return "lstat";
    case UV_FS_FSTAT: return "fstat";
    case UV_FS_SCANDIR: return "scandir";
    case UV_FS_MKDIR: return "mkdir";
    case UV_FS_RMDIR: return "rmdir";
    case UV_FS_UNLINK: return "unlink";
    case UV_FS_RENAME: return "rename";
    case UV_FS_COPYFILE: return "copyfile";
    case UV_FS_MKDTEMP: return "mkdtemp";
    case UV_FS_REALPATH: return "realpath";
    case UV_FS_ACCESS: return "access";
    case UV_FS_CHMOD: return "chmod";
    case UV_FS_FCHMOD: return "fchmod";
    case UV_FS_SYMLINK: return "symlink";
    case UV_FS_READLINK: return "readlink";
    case UV_FS_LINK: return "link";
    case UV_FS_FTRUNCATE: return "ftruncate";
    case UV_FS_FSYNC: return "fsync";
    case UV_FS_FDATASYNC: return "fdatasync";
    case UV_FS_UTIME: return "utime";
    case UV_FS_FUTIME: return "futime";
    case UV_FS_LUTIME: return "lutime";
    case UV_FS_CHOWN: return "chown";
    case UV_FS_FCHOWN: return "fchown";
    case UV_FS_LCHOWN: return "lchown";
    case UV_FS_STATFS: return "statfs";
    default: return "fs";
  }
}

static double ts_ms(uv_timespec_t t) { return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6; }

static JSValueRef stats_array(JSContextRef ctx, const uv_stat_t *s) {
  double v[14] = {(double)s->st_dev,     (double)s->st_mode,  (double)s->st_nlink, (double)s->st_uid,
                  (double)s->st_gid,     (double)s->st_rdev,  (double)s->st_blksize, (double)s->st_ino,
                  (double)s->st_size,    (double)s->st_blocks, ts_ms(s->st_atim),  ts_ms(s->st_mtim),
                  ts_ms(s->st_ctim),     ts_ms(s->st_birthtim)};
  JSValueRef vals[14];
  for (int i = 0; i < 14; i++) vals[i] = JSValueMakeNumber(ctx, v[i]);
  return JSObjectMakeArray(ctx, 14, vals, NULL);
}

/* [type, bsize, blocks, bfree, bavail, files, ffree], node's StatFs order */
static JSValueRef statfs_array(JSContextRef ctx, const uv_statfs_t *s) {
  double v[7] = {(double)s->f_type,   (double)s->f_bsize, (double)s->f_blocks, (double)s->f_bfree,
                 (double)s->f_bavail, (double)s->f_files, (double)s->f_ffree};
  JSValueRef vals[7];
  for (int i = 0; i < 7; i++) vals[i] = JSValueMakeNumber(ctx, v[i]);
  return JSObjectMakeArray(ctx, 7, vals, NULL);
}

/* Holding the engine lock across the loop makes the list's calls nested ones (cheap); the
 * types are numbers, which the collector does not own. */
static JSValueRef scandir_result(JSContextRef ctx, fs_req_t *r, JSValueRef *err) {
  JSLock(ctx);
  sp_js_list_t names = {ctx}, types = {ctx};
  bool with_types = r->opt & OPT_TYPES;
  uv_dirent_t ent;
  while (uv_fs_scandir_next(&r->req, &ent) != UV_EOF) {
    sp_js_list_add(&names, utf8_string(ctx, (const uint8_t *)ent.name, strlen(ent.name)));
    if (with_types) sp_js_list_add(&types, JSValueMakeNumber(ctx, ent.type));
  }
  JSValueRef out = sp_js_list_array(&names, err);
  if (with_types) {
    JSValueRef pair[2] = {out, sp_js_list_array(&types, err)};
    out = pair[0] && pair[1] ? JSObjectMakeArray(ctx, 2, pair, NULL) : NULL;
  }
  JSUnlock(ctx);
  return out;
}

/* ---- a worker's descriptors (node's trackUnmanagedFds, on by default) ---------- */

/* As node: process.emitWarning(text) (rare: only when a tracked worker's descriptors were
 * opened or closed behind fs's back). */
static void fd_warn(JSContextRef ctx, const char *text, int fd) {
  char msg[96];
  snprintf(msg, sizeof msg, text, fd);
  JSObjectRef global = JSContextGetGlobalObject(ctx);
  JSValueRef process = sp_js_get(ctx, global, "process");
  if (!JSValueIsObject(ctx, process)) return;
  JSValueRef emit = sp_js_get(ctx, (JSObjectRef)process, "emitWarning");
  if (!JSValueIsObject(ctx, emit) || !JSObjectIsFunction(ctx, (JSObjectRef)emit)) return;
  JSValueRef arg = sp_js_str(ctx, msg), exc = NULL;
  JSObjectCallAsFunction(ctx, (JSObjectRef)emit, (JSObjectRef)process, 1, &arg, &exc);
}

static bool fd_tracked(sp_agent_t *a, int fd) {
  size_t word = (size_t)fd / 64;
  return word < a->open_fds_words && (a->open_fds[word] & ((uint64_t)1 << (fd % 64)));
}

/* Marks fd as open (closed at the worker's end) or closed, with no warning. */
static void fd_mark(sp_agent_t *a, int fd, bool open) {
  if (!a->track_fds || fd < 0) return;
  size_t word = (size_t)fd / 64;
  uint64_t bit = (uint64_t)1 << (fd % 64);
  if (word >= a->open_fds_words) {
    if (!open) return;
    size_t n = word + 1 > a->open_fds_words * 2 ? word + 1 : a->open_fds_words * 2;
    uint64_t *grown = realloc(a->open_fds, n * sizeof *grown);
    if (!grown) return; /* out of memory: this one is not closed for the worker */
    memset(grown + a->open_fds_words, 0, (n - a->open_fds_words) * sizeof *grown);
    a->open_fds = grown;
    a->open_fds_words = n;
  }
  if (open) a->open_fds[word] |= bit;
  else a->open_fds[word] &= ~bit;
}

static void fd_track(JSContextRef ctx, sp_agent_t *a, int fd, bool open) {
  if (!a->track_fds || fd < 0) return;
  bool tracked = fd_tracked(a, fd);
  if (open && tracked) fd_warn(ctx, "File descriptor %d opened in unmanaged mode twice", fd);
  if (!open && !tracked) fd_warn(ctx, "File descriptor %d closed but not opened in unmanaged mode", fd);
  fd_mark(a, fd, open);
}

/* ---- FileHandles in transfer lists (jsc/clone.h's fd hooks) -------------------
 * internal/fs/promises hands its functions over as it loads (setFileHandleHooks): a realm
 * that never loaded it has no FileHandle to send, and loads it to receive one. A moved
 * descriptor leaves the sender's tracked set (a worker's end must not close it) and joins
 * the receiver's. */
SP_FN(js_set_file_handle_hooks) {
  sp_agent_t *a = sp__agent_current();
  if (a && !a->file_handle_hooks && JSValueIsObject(ctx, SP_ARG(0))) {
    a->file_handle_hooks = (JSObjectRef)SP_ARG(0);
    JSValueProtect(ctx, a->file_handle_hooks);
  }
  return SP_UNDEF;
}

static JSValueRef fh_call(JSContextRef ctx, sp_agent_t *a, const char *name, JSValueRef arg, JSValueRef *exc) {
  JSValueRef fn = sp_js_get(ctx, a->file_handle_hooks, name);
  if (!JSValueIsObject(ctx, fn)) return NULL;
  return JSObjectCallAsFunction(ctx, (JSObjectRef)fn, NULL, 1, &arg, exc);
}

static int fh_classify(JSContextRef ctx, JSObjectRef obj) {
  sp_agent_t *a = sp__agent_current();
  if (!a || !a->file_handle_hooks) return SP_CLONE_FH_NONE;
  JSValueRef e = NULL;
  JSValueRef r = fh_call(ctx, a, "classify", obj, &e);
  return r && !e ? (int)JSValueToNumber(ctx, r, NULL) : SP_CLONE_FH_NONE;
}

static int fh_detach(JSContextRef ctx, JSObjectRef obj, JSValueRef *exc) {
  sp_agent_t *a = sp__agent_current();
  JSValueRef r = a && a->file_handle_hooks ? fh_call(ctx, a, "detach", obj, exc) : NULL;
  int fd = r && !*exc ? (int)JSValueToNumber(ctx, r, NULL) : -1;
  if (fd >= 0) fd_mark(a, fd, false);
  return fd;
}

static JSObjectRef fh_attach(JSContextRef ctx, int fd, JSValueRef *exc) {
  sp_agent_t *a = sp__agent_current();
  if (!a) return NULL;
  if (!a->file_handle_hooks) {
    JSObjectRef load = sp__agent_hook(a, "loadBuiltin");
    JSValueRef id = sp_js_str(ctx, "internal/fs/promises");
    if (load) JSObjectCallAsFunction(ctx, load, NULL, 1, &id, exc);
    if (*exc || !a->file_handle_hooks) return NULL;
  }
  JSValueRef r = fh_call(ctx, a, "attach", JSValueMakeNumber(ctx, fd), exc);
  if (!r || *exc || !JSValueIsObject(ctx, r)) return NULL;
  fd_mark(a, fd, true);
  return (JSObjectRef)r;
}

static const sp_clone_fd_hooks_t fd_hooks = {fh_classify, fh_detach, fh_attach};
static void install_fd_hooks(void) { sp_clone_set_fd_hooks(&fd_hooks); }

void sp__fs_agent_teardown(sp_agent_t *a) {
  if (a->file_handle_hooks) JSValueUnprotect(a->ctx, a->file_handle_hooks);
  a->file_handle_hooks = NULL;
  for (size_t w = 0; w < a->open_fds_words; w++)
    for (int b = 0; b < 64 && a->open_fds[w]; b++)
      if (a->open_fds[w] & ((uint64_t)1 << b)) {
        close((int)(w * 64 + (size_t)b));
        a->open_fds[w] &= ~((uint64_t)1 << b);
      }
  free(a->open_fds);
  a->open_fds = NULL;
  a->open_fds_words = 0;
}

/* The JS value of a finished request, or NULL with *err set. */
static JSValueRef fs_result(JSContextRef ctx, fs_req_t *r, JSValueRef *err) {
  uv_fs_t *req = &r->req;
  if (req->result < 0) {
    const char *path = r->path, *dest = r->dest;
    if (req->fs_type == UV_FS_MKDTEMP && req->path) path = req->path;
    if (req->fs_type == UV_FS_READ || req->fs_type == UV_FS_WRITE || req->fs_type == UV_FS_CLOSE)
      path = dest = NULL;
    *err = uv_error(ctx, (int)req->result, syscall_name(req->fs_type), path, dest);
    return NULL;
  }
  switch (req->fs_type) {
    case UV_FS_OPEN: fd_track(ctx, sp__agent_current(), (int)req->result, true); /* fall through */
    case UV_FS_READ:
    case UV_FS_WRITE: return JSValueMakeNumber(ctx, (double)req->result);
    case UV_FS_STAT:
    case UV_FS_LSTAT:
    case UV_FS_FSTAT: return stats_array(ctx, &req->statbuf);
    case UV_FS_SCANDIR: return scandir_result(ctx, r, err);
    case UV_FS_STATFS: return statfs_array(ctx, req->ptr);
    case UV_FS_MKDTEMP: return utf8_string(ctx, (const uint8_t *)req->path, strlen(req->path));
    case UV_FS_READLINK:
    case UV_FS_REALPATH: return utf8_string(ctx, req->ptr, strlen(req->ptr));
    default: return JSValueMakeUndefined(ctx);
  }
}

static void fs_req_free(JSContextRef ctx, fs_req_t *r) {
  uv_fs_req_cleanup(&r->req);
  if (r->cb) JSValueUnprotect(ctx, r->cb);
  if (r->keep) JSValueUnprotect(ctx, r->keep);
  free(r->path);
  free(r->dest);
  free(r->data);
}

static void on_fs_done(uv_fs_t *req) {
  fs_req_t *r = (fs_req_t *)req;
  sp_agent_t *a = sp__agent_current();
  JSContextRef ctx = a->ctx;
  JSValueRef err = NULL, res = NULL;
  if (!a->exiting) {
    res = fs_result(ctx, r, &err);
    JSValueRef args[2] = {err ? err : JSValueMakeNull(ctx), res ? res : JSValueMakeUndefined(ctx)};
    JSObjectRef cb = r->cb;
    JSValueProtect(ctx, cb);
    fs_req_free(ctx, r);
    free(r);
    sp__agent_callback(a, cb, NULL, 2, args);
    JSValueUnprotect(ctx, cb);
    return;
  }
  fs_req_free(ctx, r);
  free(r);
}

/* Starts a request: async (heap, callback) when `cb` is a function, else on `stack`. */
static fs_req_t *fs_req(JSContextRef ctx, JSValueRef cb, fs_req_t *stack) {
  if (JSValueIsObject(ctx, cb) && JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
    fs_req_t *r = calloc(1, sizeof *r);
    r->cb = (JSObjectRef)cb;
    JSValueProtect(ctx, cb);
    return r;
  }
  memset(stack, 0, sizeof *stack);
  return stack;
}

static uv_fs_cb fs_cb(fs_req_t *r) { return r->cb ? on_fs_done : NULL; }

/* Finishes what fs_req started: returns the result (sync) or undefined (async). */
static JSValueRef fs_finish(JSContextRef ctx, fs_req_t *r, int rc, JSValueRef *exc) {
  if (r->cb) {
    if (rc < 0) { /* libuv refused before queuing: report synchronously */
      *exc = uv_error(ctx, rc, syscall_name(r->req.fs_type), r->path, r->dest);
      fs_req_free(ctx, r);
      free(r);
    }
    return JSValueMakeUndefined(ctx);
  }
  JSValueRef err = NULL;
  JSValueRef v = fs_result(ctx, r, &err);
  fs_req_free(ctx, r);
  if (!v) {
    *exc = err;
    return JSValueMakeUndefined(ctx);
  }
  return v;
}

static uv_loop_t *loop(void) { return &sp__agent_current()->loop; }

/* Path arguments arrive as strings (JS converts Buffers and URLs). */
#define BEGIN(cbidx) \
  fs_req_t stack_req; \
  fs_req_t *r = fs_req(ctx, SP_ARG(cbidx), &stack_req)

#define FAIL_EARLY()                  \
  do {                                \
    if (r->cb) {                      \
      JSValueUnprotect(ctx, r->cb);   \
      free(r->path); free(r->dest);   \
      free(r);                        \
    } else {                          \
      free(r->path); free(r->dest);   \
    }                                 \
    return SP_UNDEF;                  \
  } while (0)

#define PATH(i, field)                                   \
  do {                                                   \
    r->field = sp_js_cstr(ctx, SP_ARG(i), NULL, exc);    \
    if (!r->field) FAIL_EARLY();                         \
  } while (0)

/* ---- calls: each (args..., [callback]) ---------------------------------- */

SP_FN(js_open) { /* open(path, flags, mode, cb) */
  BEGIN(3);
  PATH(0, path);
  int rc = uv_fs_open(loop(), &r->req, r->path, arg_int(ctx, argc, argv, 1), arg_int(ctx, argc, argv, 2), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_close) {
  BEGIN(1);
  int fd = arg_int(ctx, argc, argv, 0);
  fd_track(ctx, sp__agent_current(), fd, false);
  return fs_finish(ctx, r, uv_fs_close(loop(), &r->req, fd, fs_cb(r)), exc);
}

/* read(fd, view, offset, length, position|-1, cb) / write(...) same shape */
static JSValueRef read_write(JSContextRef ctx, size_t argc, const JSValueRef argv[], JSValueRef *exc, bool wr) {
  BEGIN(5);
  size_t len = 0;
  uint8_t *p = sp_js_bytes(ctx, SP_ARG(1), &len, exc);
  if (!p && len) FAIL_EARLY();
  size_t off = (size_t)arg_i64(ctx, argc, argv, 2, 0), n = (size_t)arg_i64(ctx, argc, argv, 3, (int64_t)len);
  if (off > len) off = len;
  if (n > len - off) n = len - off;
  static char empty;
  uv_buf_t buf = uv_buf_init(p ? (char *)p + off : &empty, (unsigned)n);
  if (r->cb) {
    r->keep = (JSObjectRef)SP_ARG(1);
    JSValueProtect(ctx, r->keep);
  }
  int64_t pos = arg_i64(ctx, argc, argv, 4, -1);
  int fd = arg_int(ctx, argc, argv, 0);
  int rc = wr ? uv_fs_write(loop(), &r->req, fd, &buf, 1, pos, fs_cb(r))
              : uv_fs_read(loop(), &r->req, fd, &buf, 1, pos, fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_read) { return read_write(ctx, argc, argv, exc, false); }
SP_FN(js_write) { return read_write(ctx, argc, argv, exc, true); }

SP_FN(js_write_string) { /* writeString(fd, string, position|-1, cb): bytes written */
  BEGIN(3);
  size_t len;
  char *data = utf8_bytes(ctx, SP_ARG(1), &len, exc);
  if (!data) FAIL_EARLY();
  r->data = data;
  uv_buf_t buf = uv_buf_init(data, (unsigned)len);
  int rc = uv_fs_write(loop(), &r->req, arg_int(ctx, argc, argv, 0), &buf, 1, arg_i64(ctx, argc, argv, 2, -1), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

#define STAT_FN(name, call)                                             \
  SP_FN(name) {                                                         \
    BEGIN(1);                                                           \
    PATH(0, path);                                                      \
    return fs_finish(ctx, r, call(loop(), &r->req, r->path, fs_cb(r)), exc); \
  }
STAT_FN(js_stat, uv_fs_stat)
STAT_FN(js_lstat, uv_fs_lstat)
STAT_FN(js_rmdir, uv_fs_rmdir)
STAT_FN(js_unlink, uv_fs_unlink)
STAT_FN(js_readlink, uv_fs_readlink)
STAT_FN(js_realpath_uv, uv_fs_realpath)
STAT_FN(js_statfs, uv_fs_statfs)

SP_FN(js_fstat) {
  BEGIN(1);
  return fs_finish(ctx, r, uv_fs_fstat(loop(), &r->req, arg_int(ctx, argc, argv, 0), fs_cb(r)), exc);
}

SP_FN(js_fsync) {
  BEGIN(1);
  return fs_finish(ctx, r, uv_fs_fsync(loop(), &r->req, arg_int(ctx, argc, argv, 0), fs_cb(r)), exc);
}

SP_FN(js_fdatasync) {
  BEGIN(1);
  return fs_finish(ctx, r, uv_fs_fdatasync(loop(), &r->req, arg_int(ctx, argc, argv, 0), fs_cb(r)), exc);
}

SP_FN(js_ftruncate) { /* ftruncate(fd, len, cb) */
  BEGIN(2);
  int rc = uv_fs_ftruncate(loop(), &r->req, arg_int(ctx, argc, argv, 0), arg_i64(ctx, argc, argv, 1, 0), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_readdir) { /* readdir(path, withTypes, cb) */
  BEGIN(2);
  PATH(0, path);
  r->opt = JSValueToBoolean(ctx, SP_ARG(1)) ? OPT_TYPES : 0;
  return fs_finish(ctx, r, uv_fs_scandir(loop(), &r->req, r->path, 0, fs_cb(r)), exc);
}

SP_FN(js_mkdir) { /* mkdir(path, mode, cb) */
  BEGIN(2);
  PATH(0, path);
  return fs_finish(ctx, r, uv_fs_mkdir(loop(), &r->req, r->path, arg_int(ctx, argc, argv, 1), fs_cb(r)), exc);
}

SP_FN(js_mkdtemp) { /* mkdtemp(prefix, cb): prefix + 6 random characters */
  BEGIN(1);
  size_t n;
  char *prefix = sp_js_cstr(ctx, SP_ARG(0), &n, exc);
  if (!prefix) FAIL_EARLY();
  r->path = malloc(n + 7);
  memcpy(r->path, prefix, n);
  memcpy(r->path + n, "XXXXXX", 7);
  free(prefix);
  return fs_finish(ctx, r, uv_fs_mkdtemp(loop(), &r->req, r->path, fs_cb(r)), exc);
}

SP_FN(js_access) { /* access(path, mode, cb) */
  BEGIN(2);
  PATH(0, path);
  return fs_finish(ctx, r, uv_fs_access(loop(), &r->req, r->path, arg_int(ctx, argc, argv, 1), fs_cb(r)), exc);
}

SP_FN(js_chmod) { /* chmod(path, mode, cb) */
  BEGIN(2);
  PATH(0, path);
  return fs_finish(ctx, r, uv_fs_chmod(loop(), &r->req, r->path, arg_int(ctx, argc, argv, 1), fs_cb(r)), exc);
}

SP_FN(js_fchmod) {
  BEGIN(2);
  int rc = uv_fs_fchmod(loop(), &r->req, arg_int(ctx, argc, argv, 0), arg_int(ctx, argc, argv, 1), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_chown) { /* chown(path, uid, gid, follow, cb) */
  BEGIN(4);
  PATH(0, path);
  uv_uid_t uid = (uv_uid_t)arg_i64(ctx, argc, argv, 1, -1);
  uv_gid_t gid = (uv_gid_t)arg_i64(ctx, argc, argv, 2, -1);
  int rc = JSValueToBoolean(ctx, SP_ARG(3)) ? uv_fs_chown(loop(), &r->req, r->path, uid, gid, fs_cb(r))
                                            : uv_fs_lchown(loop(), &r->req, r->path, uid, gid, fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_fchown) {
  BEGIN(3);
  int rc = uv_fs_fchown(loop(), &r->req, arg_int(ctx, argc, argv, 0), (uv_uid_t)arg_i64(ctx, argc, argv, 1, -1),
                        (uv_gid_t)arg_i64(ctx, argc, argv, 2, -1), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_rename) { /* rename(from, to, cb) */
  BEGIN(2);
  PATH(0, path);
  PATH(1, dest);
  return fs_finish(ctx, r, uv_fs_rename(loop(), &r->req, r->path, r->dest, fs_cb(r)), exc);
}

SP_FN(js_link) {
  BEGIN(2);
  PATH(0, path);
  PATH(1, dest);
  return fs_finish(ctx, r, uv_fs_link(loop(), &r->req, r->path, r->dest, fs_cb(r)), exc);
}

SP_FN(js_symlink) { /* symlink(target, path, flags, cb) */
  BEGIN(3);
  PATH(0, path);
  PATH(1, dest);
  int rc = uv_fs_symlink(loop(), &r->req, r->path, r->dest, arg_int(ctx, argc, argv, 2), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_copyfile) { /* copyfile(src, dest, mode, cb) */
  BEGIN(3);
  PATH(0, path);
  PATH(1, dest);
  int rc = uv_fs_copyfile(loop(), &r->req, r->path, r->dest, arg_int(ctx, argc, argv, 2), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_utimes) { /* utimes(path, atime, mtime, mode 0 follow / 1 lstat, cb); times in seconds */
  BEGIN(4);
  PATH(0, path);
  double at = sp_js_num(ctx, SP_ARG(1)), mt = sp_js_num(ctx, SP_ARG(2));
  int rc = arg_int(ctx, argc, argv, 3) ? uv_fs_lutime(loop(), &r->req, r->path, at, mt, fs_cb(r))
                                       : uv_fs_utime(loop(), &r->req, r->path, at, mt, fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

SP_FN(js_futimes) {
  BEGIN(3);
  int rc = uv_fs_futime(loop(), &r->req, arg_int(ctx, argc, argv, 0), sp_js_num(ctx, SP_ARG(1)),
                        sp_js_num(ctx, SP_ARG(2)), fs_cb(r));
  return fs_finish(ctx, r, rc, exc);
}

/* readFile(path|fd, flags): the whole file as an ArrayBuffer (sync only; the
 * async readFile is built from open/fstat/read in JS). */
SP_FN(js_read_file) {
  int fd, own = 0;
  char *path = NULL;
  if (JSValueIsNumber(ctx, SP_ARG(0))) {
    fd = arg_int(ctx, argc, argv, 0);
  } else {
    path = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
    if (!path) return SP_UNDEF;
    uv_fs_t req;
    fd = uv_fs_open(loop(), &req, path, arg_int(ctx, argc, argv, 1), 0666, NULL);
    uv_fs_req_cleanup(&req);
    if (fd < 0) {
      *exc = uv_error(ctx, fd, "open", path, NULL);
      free(path);
      return SP_UNDEF;
    }
    own = 1;
  }
  struct stat st;
  size_t cap = 1 << 14;
  if (fstat(fd, &st) < 0) { /* as Node: a bad fd fails in fstat, before any read */
    *exc = uv_error(ctx, -errno, "fstat", NULL, NULL);
    if (own) close(fd);
    free(path);
    return SP_UNDEF;
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) cap = (size_t)st.st_size + 1;
  size_t len = 0;
  char *buf = malloc(cap);
  JSValueRef result = SP_UNDEF;
  for (;;) {
    if (len == cap) buf = realloc(buf, cap *= 2);
    uv_fs_t req;
    uv_buf_t b = uv_buf_init(buf + len, (unsigned)(cap - len));
    int n = uv_fs_read(loop(), &req, fd, &b, 1, -1, NULL);
    uv_fs_req_cleanup(&req);
    if (n < 0) {
      *exc = uv_error(ctx, n, "read", NULL, NULL);
      free(buf);
      buf = NULL;
      break;
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  if (own) close(fd);
  if (buf) result = array_buffer(ctx, buf, len);
  free(path);
  return result;
}

/* utf8Decode(view): bytes -> string (the fs string fast path, before Buffer exists) */
SP_FN(js_utf8_decode) {
  size_t len = 0;
  uint8_t *p = sp_js_bytes(ctx, SP_ARG(0), &len, exc);
  return utf8_string(ctx, p, p ? len : 0);
}

/* utf8Encode(string): ArrayBuffer of its UTF-8 bytes */
SP_FN(js_utf8_encode) {
  size_t len;
  char *data = utf8_bytes(ctx, SP_ARG(0), &len, exc);
  if (!data) return SP_UNDEF;
  return array_buffer(ctx, data, len);
}

/* ---- used by the CommonJS loader ---------------------------------------- */

/* readFileUtf8(path): the whole file as a string */
SP_FN(js_read_file_utf8) {
  char *path = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!path) return SP_UNDEF;
  JSValueRef r = SP_UNDEF;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sp_js_throw_uv(ctx, exc, -errno, "open", path, NULL);
    free(path);
    return r;
  }
  size_t cap = 1 << 14, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (cap - len < 2) buf = realloc(buf, cap *= 2);
    ssize_t n = read(fd, buf + len, cap - len - 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      sp_js_throw_uv(ctx, exc, -errno, "read", NULL, NULL);
      break;
    }
    if (n == 0) {
      r = utf8_string(ctx, (const uint8_t *)buf, len);
      break;
    }
    len += (size_t)n;
  }
  close(fd);
  free(buf);
  free(path);
  return r;
}

/* internalModuleStat(path): 0 file, 1 directory, negative errno otherwise (never throws) */
SP_FN(js_internal_module_stat) {
  char *path = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!path) return SP_UNDEF;
  struct stat st;
  int r = stat(path, &st) == 0 ? (S_ISDIR(st.st_mode) ? 1 : 0) : -errno;
  free(path);
  return JSValueMakeNumber(ctx, r);
}

SP_FN(js_realpath) {
  char *path = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!path) return SP_UNDEF;
  char *real = realpath(path, NULL);
  JSValueRef r = real ? sp_js_str(ctx, real) : sp_js_throw_uv(ctx, exc, -errno, "realpath", path, NULL);
  free(real);
  free(path);
  return r;
}

/* ---- constants ----------------------------------------------------------- */

static void set_constants(JSContextRef ctx, JSObjectRef target) {
  JSObjectRef c = JSObjectMake(ctx, NULL, NULL);
  JSObjectSetPrototype(ctx, c, JSValueMakeNull(ctx));
#define C(name, value) sp_js_set_num(ctx, c, name, value);
  C("UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR) C("UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION)
  C("O_RDONLY", O_RDONLY) C("O_WRONLY", O_WRONLY) C("O_RDWR", O_RDWR)
  C("UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN) C("UV_DIRENT_FILE", UV_DIRENT_FILE)
  C("UV_DIRENT_DIR", UV_DIRENT_DIR) C("UV_DIRENT_LINK", UV_DIRENT_LINK) C("UV_DIRENT_FIFO", UV_DIRENT_FIFO)
  C("UV_DIRENT_SOCKET", UV_DIRENT_SOCKET) C("UV_DIRENT_CHAR", UV_DIRENT_CHAR)
  C("UV_DIRENT_BLOCK", UV_DIRENT_BLOCK)
  C("EXTENSIONLESS_FORMAT_JAVASCRIPT", 0) C("EXTENSIONLESS_FORMAT_WASM", 1)
  C("S_IFMT", S_IFMT) C("S_IFREG", S_IFREG) C("S_IFDIR", S_IFDIR) C("S_IFCHR", S_IFCHR)
  C("S_IFBLK", S_IFBLK) C("S_IFIFO", S_IFIFO) C("S_IFLNK", S_IFLNK) C("S_IFSOCK", S_IFSOCK)
  C("O_CREAT", O_CREAT) C("O_EXCL", O_EXCL) C("UV_FS_O_FILEMAP", 0) C("O_NOCTTY", O_NOCTTY)
  C("O_TRUNC", O_TRUNC) C("O_APPEND", O_APPEND) C("O_DIRECTORY", O_DIRECTORY)
  C("O_NOATIME", O_NOATIME) C("O_NOFOLLOW", O_NOFOLLOW) C("O_SYNC", O_SYNC) C("O_DSYNC", O_DSYNC)
  C("O_DIRECT", O_DIRECT) C("O_NONBLOCK", O_NONBLOCK)
  C("S_IRWXU", S_IRWXU) C("S_IRUSR", S_IRUSR) C("S_IWUSR", S_IWUSR) C("S_IXUSR", S_IXUSR)
  C("S_IRWXG", S_IRWXG) C("S_IRGRP", S_IRGRP) C("S_IWGRP", S_IWGRP) C("S_IXGRP", S_IXGRP)
  C("S_IRWXO", S_IRWXO) C("S_IROTH", S_IROTH) C("S_IWOTH", S_IWOTH) C("S_IXOTH", S_IXOTH)
  C("F_OK", F_OK) C("R_OK", R_OK) C("W_OK", W_OK) C("X_OK", X_OK)
  C("UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL) C("COPYFILE_EXCL", UV_FS_COPYFILE_EXCL)
  C("UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE) C("COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE)
  C("UV_FS_COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE)
  C("COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE)
#undef C
  sp_js_set(ctx, target, "constants", c);
}

void sp_mod_fs_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  static uv_once_t fd_hooks_once = UV_ONCE_INIT; /* once: threads set up this binding concurrently */
  uv_once(&fd_hooks_once, install_fd_hooks);
  sp_js_fn(ctx, target, "setFileHandleHooks", js_set_file_handle_hooks);
  sp_js_fn(ctx, target, "readFileUtf8", js_read_file_utf8);
  sp_js_fn(ctx, target, "internalModuleStat", js_internal_module_stat);
  sp_js_fn(ctx, target, "realpath", js_realpath);
  static const struct { const char *name; JSObjectCallAsFunctionCallback fn; } fns[] = {
      {"open", js_open},         {"close", js_close},       {"read", js_read},
      {"write", js_write},       {"writeString", js_write_string},
      {"stat", js_stat},         {"statfs", js_statfs},     {"lstat", js_lstat},       {"fstat", js_fstat},
      {"rmdir", js_rmdir},       {"unlink", js_unlink},     {"readlink", js_readlink},
      {"realpathNative", js_realpath_uv},                   {"fsync", js_fsync},
      {"fdatasync", js_fdatasync},                          {"ftruncate", js_ftruncate},
      {"readdir", js_readdir},   {"mkdir", js_mkdir},       {"mkdtemp", js_mkdtemp},
      {"access", js_access},     {"chmod", js_chmod},       {"fchmod", js_fchmod},
      {"chown", js_chown},       {"fchown", js_fchown},     {"rename", js_rename},
      {"link", js_link},         {"symlink", js_symlink},   {"copyfile", js_copyfile},
      {"utimes", js_utimes},     {"futimes", js_futimes},   {"readFile", js_read_file},
      {"utf8Decode", js_utf8_decode},                       {"utf8Encode", js_utf8_encode},
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) sp_js_fn(ctx, target, fns[i].name, fns[i].fn);
  set_constants(ctx, target);
}
