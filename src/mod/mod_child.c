/* binding('child'): child processes, the native half of child_process (the JS half
 * validates options, makes the ChildProcess object and its streams, and shapes results).
 *
 * spawn(options, onEvent) starts a child on the agent's loop. C reports to onEvent, each
 * call a macrotask: ('data', fd, bytes) and ('end', fd) for piped stdout/stderr, then
 * ('exit', status, signal) and, once every handle of the child has closed, ('close').
 * The child's record lives until that last close; its JS handle may go first (the
 * finalizer only detaches it). Running children are listed per agent so that the
 * agent's teardown can close them with their own callbacks (sp__child_agent_teardown).
 *
 * spawnSync(options) runs a child on a loop of its own until it and its pipes are done,
 * with optional input, a timeout (then killSignal) and a maxBuffer per output.
 *
 * options: { file, args (argv, argv[0] included), envPairs ("K=V" strings, or absent for
 * the parent's), cwd, stdio: [kind x3] (0 ignore, 1 pipe, 2 inherit), detached, uid, gid }. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "mod/modules.h"

enum { STDIO_IGNORE = 0, STDIO_PIPE = 1, STDIO_INHERIT = 2 };

/* ---- options --------------------------------------------------------------------------- */
typedef struct spawn_args {
  char *file, *cwd;
  char **argv, **env;
  int stdio[3];
  bool detached;
  double uid, gid; /* < 0: unset */
} spawn_args_t;

static void free_strv(char **v) {
  if (!v) return;
  for (char **p = v; *p; p++) free(*p);
  free(v);
}

static void spawn_args_free(spawn_args_t *sa) {
  free(sa->file);
  free(sa->cwd);
  free_strv(sa->argv);
  free_strv(sa->env);
}

/* a JS array of strings as a NULL-terminated vector (NULL when v is no array) */
static char **strv(JSContextRef ctx, JSValueRef v, JSValueRef *exc) {
  if (!JSValueIsArray(ctx, v)) return NULL;
  JSObjectRef a = (JSObjectRef)v;
  size_t n = (size_t)sp_js_num(ctx, sp_js_get(ctx, a, "length"));
  char **out = calloc(n + 1, sizeof *out);
  if (!out) return NULL;
  for (size_t i = 0; i < n; i++) {
    out[i] = sp_js_cstr(ctx, JSObjectGetPropertyAtIndex(ctx, a, (unsigned)i, exc), NULL, exc);
    if (!out[i]) {
      free_strv(out);
      return NULL;
    }
  }
  return out;
}

static bool spawn_args_read(JSContextRef ctx, JSValueRef v, spawn_args_t *sa, JSValueRef *exc) {
  memset(sa, 0, sizeof *sa);
  if (!JSValueIsObject(ctx, v)) return false;
  JSObjectRef o = (JSObjectRef)v;
  sa->file = sp_js_cstr(ctx, sp_js_get(ctx, o, "file"), NULL, exc);
  sa->argv = strv(ctx, sp_js_get(ctx, o, "args"), exc);
  sa->env = strv(ctx, sp_js_get(ctx, o, "envPairs"), exc);
  JSValueRef cwd = sp_js_get(ctx, o, "cwd");
  if (JSValueIsString(ctx, cwd)) sa->cwd = sp_js_cstr(ctx, cwd, NULL, exc);
  JSValueRef stdio = sp_js_get(ctx, o, "stdio");
  for (unsigned i = 0; i < 3; i++)
    sa->stdio[i] = JSValueIsObject(ctx, stdio)
                       ? (int)sp_js_num(ctx, JSObjectGetPropertyAtIndex(ctx, (JSObjectRef)stdio, i, exc))
                       : STDIO_PIPE;
  sa->detached = JSValueToBoolean(ctx, sp_js_get(ctx, o, "detached"));
  JSValueRef uid = sp_js_get(ctx, o, "uid"), gid = sp_js_get(ctx, o, "gid");
  sa->uid = JSValueIsNumber(ctx, uid) ? sp_js_num(ctx, uid) : -1;
  sa->gid = JSValueIsNumber(ctx, gid) ? sp_js_num(ctx, gid) : -1;
  return sa->file && sa->argv && !*exc;
}

/* libuv's process options over `pipes` (initialised on `loop` for the piped fds) */
static void spawn_options(const spawn_args_t *sa, uv_loop_t *loop, uv_pipe_t pipes[3], uv_stdio_container_t io[3],
                          uv_process_options_t *po, uv_exit_cb on_exit) {
  memset(po, 0, sizeof *po);
  for (int i = 0; i < 3; i++) {
    if (sa->stdio[i] == STDIO_PIPE) {
      uv_pipe_init(loop, &pipes[i], 0);
      io[i].flags = UV_CREATE_PIPE | (i == 0 ? UV_READABLE_PIPE : UV_WRITABLE_PIPE);
      io[i].data.stream = (uv_stream_t *)&pipes[i];
    } else if (sa->stdio[i] == STDIO_INHERIT) {
      io[i].flags = UV_INHERIT_FD;
      io[i].data.fd = i;
    } else {
      io[i].flags = UV_IGNORE;
    }
  }
  po->file = sa->file;
  po->args = sa->argv;
  po->env = sa->env;
  po->cwd = sa->cwd;
  po->stdio = io;
  po->stdio_count = 3;
  po->exit_cb = on_exit;
  if (sa->detached) po->flags |= UV_PROCESS_DETACHED;
  if (sa->uid >= 0) {
    po->flags |= UV_PROCESS_SETUID;
    po->uid = (uv_uid_t)sa->uid;
  }
  if (sa->gid >= 0) {
    po->flags |= UV_PROCESS_SETGID;
    po->gid = (uv_gid_t)sa->gid;
  }
}

/* Starts the child `sa` describes on `loop` (and frees `sa`): 0 or a negative errno. */
static int spawn_child(spawn_args_t *sa, uv_loop_t *loop, uv_process_t *proc, uv_pipe_t pipes[3],
                       uv_stdio_container_t io[3], uv_exit_cb on_exit) {
  uv_process_options_t po;
  spawn_options(sa, loop, pipes, io, &po, on_exit);
  int rc = uv_spawn(loop, proc, &po);
  spawn_args_free(sa);
  return rc;
}

static void alloc_cb(uv_handle_t *h, size_t suggested, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(suggested);
  buf->len = buf->base ? suggested : 0;
}

/* ---- spawn: a child on the agent's loop ------------------------------------------------ */
typedef struct child {
  uv_process_t proc;
  uv_pipe_t pipes[3];
  bool piped[3];
  int open_handles; /* the process handle and the pipes, until each has closed */
  sp_agent_t *agent;
  JSObjectRef on_event; /* protected while any handle is open */
  JSObjectRef obj;      /* the JS handle (weak), NULL once collected */
  struct child *prev, *next; /* the agent's running children */
} child_t;

/* The running children of each agent (teardown closes them). One list per thread. */
static __thread child_t *running;

static JSClassRef child_class;
static uv_once_t child_class_once = UV_ONCE_INIT;

static void child_finalize(JSObjectRef obj) {
  child_t *c = JSObjectGetPrivate(obj);
  if (c) c->obj = NULL;
}

static void child_class_init(void) { child_class = sp_js_handle_class("Process", child_finalize); }

static child_t *child_of(JSContextRef ctx, JSValueRef v) { return sp_js_handle(ctx, v, child_class); }

/* onEvent(name, a1, a2) as a macrotask, unless the agent is going or the child is detached */
static void emit_name(child_t *c, const char *name, JSValueRef a1, JSValueRef a2) {
  sp_agent_t *a = c->agent;
  if (a->exiting || !c->on_event) return;
  JSContextRef ctx = a->ctx;
  JSValueRef argv[3] = {sp_js_str(ctx, name), a1 ? a1 : JSValueMakeUndefined(ctx), a2 ? a2 : JSValueMakeUndefined(ctx)};
  sp__agent_callback(a, c->on_event, NULL, 3, argv);
}

static void child_closed(uv_handle_t *h) {
  child_t *c = h->data;
  if (--c->open_handles > 0) return;
  if (c->prev) c->prev->next = c->next;
  else if (running == c) running = c->next;
  if (c->next) c->next->prev = c->prev;
  emit_name(c, "close", NULL, NULL);
  if (c->obj) JSObjectSetPrivate(c->obj, NULL);
  if (c->on_event) JSValueUnprotect(c->agent->ctx, c->on_event);
  free(c);
}

static void child_close_pipe(child_t *c, int fd) {
  if (!c->piped[fd] || uv_is_closing((uv_handle_t *)&c->pipes[fd])) return;
  uv_close((uv_handle_t *)&c->pipes[fd], child_closed);
}

static void child_exit_cb(uv_process_t *proc, int64_t status, int signal) {
  child_t *c = proc->data;
  JSContextRef ctx = c->agent->ctx;
  emit_name(c, "exit", JSValueMakeNumber(ctx, (double)status), JSValueMakeNumber(ctx, signal));
  uv_close((uv_handle_t *)proc, child_closed);
  child_close_pipe(c, 0); /* nobody reads the child's stdin any more (node destroys it too) */
}

static void child_read_cb(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  child_t *c = s->data;
  int fd = (uv_pipe_t *)s == &c->pipes[1] ? 1 : 2;
  JSContextRef ctx = c->agent->ctx;
  if (n > 0) {
    JSObjectRef u8 = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, (size_t)n, NULL);
    void *p = u8 ? JSObjectGetTypedArrayBytesPtr(ctx, u8, NULL) : NULL;
    if (p) memcpy(p, buf->base, (size_t)n);
    free(buf->base);
    if (p) emit_name(c, "data", JSValueMakeNumber(ctx, fd), u8);
    return;
  }
  free(buf->base);
  if (n == 0) return;
  uv_read_stop(s);
  emit_name(c, "end", JSValueMakeNumber(ctx, fd), NULL);
  child_close_pipe(c, fd);
}

/* spawn(options, onEvent): the handle, or a negative errno (nothing started) */
SP_FN(js_spawn) {
  uv_once(&child_class_once, child_class_init);
  sp_agent_t *a = sp__agent_current();
  spawn_args_t sa;
  if (!spawn_args_read(ctx, SP_ARG(0), &sa, exc) || !JSValueIsObject(ctx, SP_ARG(1))) {
    spawn_args_free(&sa);
    return *exc ? SP_UNDEF : sp_js_throw(ctx, exc, "TypeError", NULL, "bad spawn options");
  }
  child_t *c = calloc(1, sizeof *c);
  if (!c) {
    spawn_args_free(&sa);
    return JSValueMakeNumber(ctx, UV_ENOMEM);
  }
  c->agent = a;
  uv_stdio_container_t io[3];
  int rc = spawn_child(&sa, &a->loop, &c->proc, c->pipes, io, child_exit_cb);
  c->proc.data = c;
  for (int i = 0; i < 3; i++) {
    c->piped[i] = io[i].flags & UV_CREATE_PIPE;
    c->pipes[i].data = c;
  }
  c->open_handles = 1;
  for (int i = 0; i < 3; i++) c->open_handles += c->piped[i];
  if (rc != 0) {
    /* nothing runs: close what was made, report the error (the record goes with the handles) */
    c->on_event = NULL;
    uv_close((uv_handle_t *)&c->proc, child_closed);
    for (int i = 0; i < 3; i++) child_close_pipe(c, i);
    return JSValueMakeNumber(ctx, rc);
  }
  c->on_event = (JSObjectRef)SP_ARG(1);
  JSValueProtect(ctx, c->on_event);
  c->next = running;
  if (running) running->prev = c;
  running = c;
  for (int i = 1; i < 3; i++)
    if (c->piped[i]) uv_read_start((uv_stream_t *)&c->pipes[i], alloc_cb, child_read_cb);
  c->obj = JSObjectMake(ctx, child_class, c);
  sp_js_set_num(ctx, c->obj, "pid", c->proc.pid);
  return c->obj;
}

typedef struct write_req {
  uv_write_t req;
  char *data;
} write_req_t;

static void write_cb(uv_write_t *req, int status) {
  (void)status; /* a failed write shows as the pipe's end (EPIPE): node's child.stdin 'error' is not modelled */
  write_req_t *w = (write_req_t *)req;
  free(w->data);
  free(w);
}

/* write(handle, bytes): 0, or a negative errno */
SP_FN(js_write) {
  child_t *c = child_of(ctx, SP_ARG(0));
  if (!c || !c->piped[0] || uv_is_closing((uv_handle_t *)&c->pipes[0])) return JSValueMakeNumber(ctx, UV_EPIPE);
  size_t n = 0;
  uint8_t *p = sp_js_bytes(ctx, SP_ARG(1), &n, exc);
  if (!p && n) return SP_UNDEF;
  write_req_t *w = malloc(sizeof *w);
  char *copy = malloc(n ? n : 1);
  if (!w || !copy) {
    free(w);
    free(copy);
    return JSValueMakeNumber(ctx, UV_ENOMEM);
  }
  memcpy(copy, p, n);
  w->data = copy;
  uv_buf_t buf = uv_buf_init(copy, (unsigned)n);
  int rc = uv_write(&w->req, (uv_stream_t *)&c->pipes[0], &buf, 1, write_cb);
  if (rc) {
    free(copy);
    free(w);
  }
  return JSValueMakeNumber(ctx, rc);
}

static void shutdown_cb(uv_shutdown_t *req, int status) {
  (void)status;
  child_t *c = req->data;
  free(req);
  child_close_pipe(c, 0);
}

/* endInput(handle): the child's stdin ends once what was written is out */
SP_FN(js_end_input) {
  child_t *c = child_of(ctx, SP_ARG(0));
  if (!c || !c->piped[0] || uv_is_closing((uv_handle_t *)&c->pipes[0])) return SP_UNDEF;
  uv_shutdown_t *req = malloc(sizeof *req);
  if (req) req->data = c;
  if (!req || uv_shutdown(req, (uv_stream_t *)&c->pipes[0], shutdown_cb) != 0) {
    free(req);
    child_close_pipe(c, 0);
  }
  return SP_UNDEF;
}

/* kill(handle, signal): 0, or a negative errno (ESRCH once it has exited) */
SP_FN(js_kill) {
  child_t *c = child_of(ctx, SP_ARG(0));
  if (!c || uv_is_closing((uv_handle_t *)&c->proc)) return JSValueMakeNumber(ctx, UV_ESRCH);
  return JSValueMakeNumber(ctx, uv_process_kill(&c->proc, (int)sp_js_num(ctx, SP_ARG(1))));
}

/* setRef(handle, on): whether the child keeps the loop alive (its pipes too) */
SP_FN(js_set_ref) {
  child_t *c = child_of(ctx, SP_ARG(0));
  if (!c) return SP_UNDEF;
  bool on = JSValueToBoolean(ctx, SP_ARG(1));
  uv_handle_t *hs[4] = {(uv_handle_t *)&c->proc, (uv_handle_t *)&c->pipes[0], (uv_handle_t *)&c->pipes[1],
                        (uv_handle_t *)&c->pipes[2]};
  for (int i = 0; i < 4; i++) {
    if (i > 0 && !c->piped[i - 1]) continue;
    if (uv_is_closing(hs[i])) continue;
    if (on) uv_ref(hs[i]);
    else uv_unref(hs[i]);
  }
  return SP_UNDEF;
}

/* The agent is going: its children's handles close now, with their callbacks (no JS runs). */
void sp__child_agent_teardown(sp_agent_t *a) {
  for (child_t *c = running; c; c = c->next) {
    if (c->agent != a) continue;
    if (c->on_event) JSValueUnprotect(a->ctx, c->on_event);
    c->on_event = NULL;
    if (!uv_is_closing((uv_handle_t *)&c->proc)) uv_close((uv_handle_t *)&c->proc, child_closed);
    for (int i = 0; i < 3; i++) child_close_pipe(c, i);
  }
  /* the close callbacks run with the rest of the loop's teardown (agent_free): running the
   * loop here would also run timers a last 'exit' listener set, which node never runs */
}

/* ---- spawnSync: a child on a loop of its own ------------------------------------------- */
typedef struct out_buf {
  char *data;
  size_t len, cap;
} out_buf_t;

typedef struct sync_child {
  uv_loop_t loop;
  uv_process_t proc;
  uv_pipe_t pipes[3];
  uv_timer_t timer;
  out_buf_t out[3];
  size_t max_buffer;
  int kill_signal;
  int64_t status;
  int term_signal;
  int error; /* ETIMEDOUT, ENOBUFS or a write error */
  bool exited;
} sync_child_t;

static void sync_kill(sync_child_t *s, int error) {
  if (!s->error) s->error = error;
  if (!s->exited) uv_process_kill(&s->proc, s->kill_signal);
}

static void sync_read_cb(uv_stream_t *st, ssize_t n, const uv_buf_t *buf) {
  sync_child_t *s = st->data;
  out_buf_t *o = &s->out[(uv_pipe_t *)st == &s->pipes[1] ? 1 : 2];
  if (n > 0) {
    if (o->len + (size_t)n > o->cap) {
      size_t cap = o->cap ? o->cap * 2 : 64 * 1024;
      while (cap < o->len + (size_t)n) cap *= 2;
      char *d = realloc(o->data, cap);
      if (!d) {
        free(buf->base);
        sync_kill(s, UV_ENOMEM);
        return;
      }
      o->data = d;
      o->cap = cap;
    }
    memcpy(o->data + o->len, buf->base, (size_t)n);
    o->len += (size_t)n;
    if (s->max_buffer && o->len > s->max_buffer) {
      o->len = s->max_buffer; /* node keeps what fit */
      sync_kill(s, UV_ENOBUFS);
    }
  }
  free(buf->base);
  if (n < 0) {
    uv_read_stop(st);
    uv_close((uv_handle_t *)st, NULL);
  }
}

static void sync_exit_cb(uv_process_t *proc, int64_t status, int signal) {
  sync_child_t *s = proc->data;
  s->exited = true;
  s->status = status;
  s->term_signal = signal;
  uv_close((uv_handle_t *)proc, NULL);
  uv_close((uv_handle_t *)&s->timer, NULL);
}

static void sync_timeout_cb(uv_timer_t *t) { sync_kill(t->data, UV_ETIMEDOUT); }

static void sync_write_cb(uv_write_t *req, int status) {
  sync_child_t *s = req->data;
  (void)s;
  (void)status; /* EPIPE: the child did not read its input; node ignores that too */
  uv_close((uv_handle_t *)req->handle, NULL);
}

static JSValueRef bytes_value(JSContextRef ctx, out_buf_t *o) {
  JSObjectRef u8 = JSObjectMakeTypedArray(ctx, kJSTypedArrayTypeUint8Array, o->len, NULL);
  void *p = u8 ? JSObjectGetTypedArrayBytesPtr(ctx, u8, NULL) : NULL;
  if (p && o->len) memcpy(p, o->data, o->len);
  return u8 ? (JSValueRef)u8 : JSValueMakeNull(ctx);
}

/* spawnSync(options, input, timeoutMs, killSignal, maxBuffer):
 * { pid, status, signal, stdout, stderr, error } (error: 0 or a negative errno) */
SP_FN(js_spawn_sync) {
  spawn_args_t sa;
  if (!spawn_args_read(ctx, SP_ARG(0), &sa, exc)) {
    spawn_args_free(&sa);
    return *exc ? SP_UNDEF : sp_js_throw(ctx, exc, "TypeError", NULL, "bad spawn options");
  }
  sync_child_t *s = calloc(1, sizeof *s);
  if (!s) {
    spawn_args_free(&sa);
    return sp_js_throw(ctx, exc, "RangeError", NULL, "Out of memory");
  }
  size_t in_len = 0;
  uint8_t *in = JSValueIsObject(ctx, SP_ARG(1)) ? sp_js_bytes(ctx, SP_ARG(1), &in_len, exc) : NULL;
  double timeout = sp_js_num(ctx, SP_ARG(2));
  s->kill_signal = JSValueIsNumber(ctx, SP_ARG(3)) ? (int)sp_js_num(ctx, SP_ARG(3)) : SIGTERM;
  double max_buffer = sp_js_num(ctx, SP_ARG(4));
  s->max_buffer = max_buffer > 0 && max_buffer < 1e15 ? (size_t)max_buffer : 0;
  uv_loop_init(&s->loop);
  uv_stdio_container_t io[3];
  int rc = spawn_child(&sa, &s->loop, &s->proc, s->pipes, io, sync_exit_cb);
  s->proc.data = s;
  uv_write_t wreq;
  char *in_copy = NULL;
  if (rc == 0) {
    for (int i = 1; i < 3; i++)
      if (io[i].flags & UV_CREATE_PIPE) {
        s->pipes[i].data = s;
        uv_read_start((uv_stream_t *)&s->pipes[i], alloc_cb, sync_read_cb);
      }
    if (io[0].flags & UV_CREATE_PIPE) {
      if (in_len) {
        in_copy = malloc(in_len);
        memcpy(in_copy, in, in_len);
        uv_buf_t buf = uv_buf_init(in_copy, (unsigned)in_len);
        wreq.data = s;
        if (uv_write(&wreq, (uv_stream_t *)&s->pipes[0], &buf, 1, sync_write_cb) != 0)
          uv_close((uv_handle_t *)&s->pipes[0], NULL);
      } else {
        uv_close((uv_handle_t *)&s->pipes[0], NULL);
      }
    }
    uv_timer_init(&s->loop, &s->timer);
    s->timer.data = s;
    if (timeout > 0) uv_timer_start(&s->timer, sync_timeout_cb, (uint64_t)timeout, 0);
  } else {
    uv_close((uv_handle_t *)&s->proc, NULL);
    for (int i = 0; i < 3; i++)
      if (io[i].flags & UV_CREATE_PIPE) uv_close((uv_handle_t *)&s->pipes[i], NULL);
  }
  uv_run(&s->loop, UV_RUN_DEFAULT);
  uv_loop_close(&s->loop);
  free(in_copy);

  JSObjectRef r = JSObjectMake(ctx, NULL, NULL);
  if (rc == 0) {
    sp_js_set_num(ctx, r, "pid", s->proc.pid);
    sp_js_set_num(ctx, r, "status", (double)s->status);
    sp_js_set_num(ctx, r, "signal", s->term_signal);
    if (io[1].flags & UV_CREATE_PIPE) sp_js_set(ctx, r, "stdout", bytes_value(ctx, &s->out[1]));
    if (io[2].flags & UV_CREATE_PIPE) sp_js_set(ctx, r, "stderr", bytes_value(ctx, &s->out[2]));
  }
  sp_js_set_num(ctx, r, "error", rc ? rc : s->error);
  for (int i = 0; i < 3; i++) free(s->out[i].data);
  free(s);
  return r;
}

void sp_mod_child_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  (void)a;
  sp_js_fn(ctx, t, "spawn", js_spawn);
  sp_js_fn(ctx, t, "write", js_write);
  sp_js_fn(ctx, t, "endInput", js_end_input);
  sp_js_fn(ctx, t, "kill", js_kill);
  sp_js_fn(ctx, t, "setRef", js_set_ref);
  sp_js_fn(ctx, t, "spawnSync", js_spawn_sync);
}
