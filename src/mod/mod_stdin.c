/* binding('stdin'): the main thread's process.stdin reads fd 0 through the agent's loop
 * while JavaScript wants data (process.stdin in internal/process/object.js). A terminal or a pipe (or a
 * socket) is a libuv stream, read as it comes; anything else (a regular file, /dev/null)
 * is read with one file read at a time. Reading keeps the loop alive, as node's stdin
 * does while it flows; stop() lets it go (a file read in flight still completes, and its
 * bytes are delivered: the stream queues them while paused).
 *
 * There is one fd 0, read by the main thread only, so the state is static. The stream
 * handle is closed by the agent's teardown like every other handle (static memory: no
 * close callback needed); a file read in flight then completes without calling JS. */
#include <stdlib.h>
#include <string.h>

#include "mod/modules.h"

enum { CHUNK = 64 * 1024 };

static struct {
  sp_agent_t *agent;        /* the main agent, once start() ran */
  uv_handle_type type;      /* what fd 0 is */
  bool stream_open;         /* h is initialized (a stream) */
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_tty_t tty;
  } h;
  uv_fs_t req;              /* a file read */
  bool req_pending;
  bool wanted;              /* JS wants data (between start and stop) */
  bool ended;               /* end of input (or an error) was delivered */
  JSObjectRef on_chunk;     /* onChunk(Uint8Array | null), protected */
  char buf[CHUNK];
} in;

static bool is_stream(uv_handle_type t) { return t == UV_TTY || t == UV_NAMED_PIPE || t == UV_TCP; }

/* Hands a chunk (NULL: the end) to JS, as a macrotask. A chunk the engine has no memory
 * for ends the input there: JS is told so, and nothing more is read. */
static void deliver(const char *data, size_t n) {
  sp_agent_t *a = in.agent;
  if (!a || a->exiting || !in.on_chunk) return;
  if (!sp__agent_enter(a)) return;
  JSValueRef arg = JSValueMakeNull(a->ctx);
  if (data) {
    JSObjectRef u8 = JSObjectMakeTypedArray(a->ctx, kJSTypedArrayTypeUint8Array, n, NULL);
    void *p = u8 ? JSObjectGetTypedArrayBytesPtr(a->ctx, u8, NULL) : NULL;
    if (p) {
      memcpy(p, data, n);
      arg = u8;
    }
  }
  if (JSValueIsNull(a->ctx, arg)) {
    in.ended = true;
    if (in.stream_open && !uv_is_closing(&in.h.handle)) uv_read_stop(&in.h.stream);
  }
  sp__agent_call(a, in.on_chunk, NULL, 1, &arg);
  sp__agent_leave(a);
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  (void)suggested;
  *buf = uv_buf_init(in.buf, CHUNK);
}

static void read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    deliver(buf->base, (size_t)n);
  } else if (n < 0) { /* UV_EOF, or an error: both end the input */
    uv_read_stop(s);
    deliver(NULL, 0);
  }
}

static bool file_read(void);

static void fs_read_cb(uv_fs_t *req) {
  ssize_t n = req->result;
  uv_fs_req_cleanup(req);
  in.req_pending = false;
  if (n > 0) {
    deliver(in.buf, (size_t)n);
    if (in.wanted && !in.ended && !file_read()) deliver(NULL, 0);
  } else {
    deliver(NULL, 0);
  }
}

/* Starts the next file read; false if libuv refused it (the input is then over). */
static bool file_read(void) {
  if (in.req_pending || in.ended || !in.agent || in.agent->exiting) return true;
  uv_buf_t b = uv_buf_init(in.buf, CHUNK);
  in.req_pending = uv_fs_read(&in.agent->loop, &in.req, 0, &b, 1, -1, fs_read_cb) == 0;
  return in.req_pending;
}

/* What fd 0 is: "tty", "pipe", "file" (or anything else read as a file) or "none". */
static const char *type_name(uv_handle_type t) {
  switch (t) {
  case UV_TTY: return "tty";
  case UV_NAMED_PIPE: case UV_TCP: return "pipe";
  case UV_FILE: return "file";
  default: return "none";
  }
}

SP_FN(js_type) { return sp_js_str(ctx, type_name(uv_guess_handle(0))); }

/* start(onChunk): reads and delivers until stop() or the end of the input. Returns false
 * when there is nothing to read (no fd 0, or one libuv refuses): the input is over. */
SP_FN(js_start) {
  sp_agent_t *a = sp__agent_current();
  if (a->worker || !JSValueIsObject(ctx, SP_ARG(0))) return JSValueMakeBoolean(ctx, false);
  if (!in.agent) {
    in.agent = a;
    in.type = uv_guess_handle(0);
    in.on_chunk = (JSObjectRef)SP_ARG(0);
    JSValueProtect(ctx, in.on_chunk);
    if (in.type == UV_TTY) {
      in.stream_open = uv_tty_init(&a->loop, &in.h.tty, 0, 1) == 0;
    } else if (is_stream(in.type) && uv_pipe_init(&a->loop, &in.h.pipe, 0) == 0) {
      in.stream_open = uv_pipe_open(&in.h.pipe, 0) == 0;
      if (!in.stream_open) uv_close(&in.h.handle, NULL);
    }
    if (in.type == UV_UNKNOWN_HANDLE || (is_stream(in.type) && !in.stream_open)) in.ended = true;
  }
  if (in.agent != a || in.ended) return JSValueMakeBoolean(ctx, false);
  in.wanted = true;
  if (in.stream_open) return JSValueMakeBoolean(ctx, uv_read_start(&in.h.stream, alloc_cb, read_cb) == 0);
  return JSValueMakeBoolean(ctx, file_read());
}

SP_FN(js_stop) {
  in.wanted = false;
  if (in.stream_open && !uv_is_closing(&in.h.handle)) uv_read_stop(&in.h.stream);
  return SP_UNDEF;
}

void sp_mod_stdin_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  (void)a;
  sp_js_fn(ctx, t, "type", js_type);
  sp_js_fn(ctx, t, "start", js_start);
  sp_js_fn(ctx, t, "stop", js_stop);
}
