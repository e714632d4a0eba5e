/* binding('fswatch'): fs.watch on libuv's fs event handles (inotify). watch(path,
 * onChange) starts one and returns its handle, or a negative errno; onChange(eventType,
 * filename) runs as a macrotask for each event ('rename' or 'change', as node names
 * them). close(handle) stops it; the record goes with the handle's close. Running
 * watchers are listed per thread so that the agent's teardown closes them. */
#include <stdlib.h>

#include "mod/modules.h"

typedef struct watcher {
  uv_fs_event_t handle;
  sp_agent_t *agent;
  JSObjectRef on_change; /* protected until closed */
  JSObjectRef obj;       /* the JS handle (weak), NULL once collected */
  struct watcher *prev, *next;
} watcher_t;

static __thread watcher_t *watching;

static JSClassRef watch_class;
static uv_once_t watch_class_once = UV_ONCE_INIT;

static void watch_finalize(JSObjectRef obj) {
  watcher_t *w = JSObjectGetPrivate(obj);
  if (w) w->obj = NULL;
}

static void watch_class_init(void) { watch_class = sp_js_handle_class("FSEvent", watch_finalize); }

static watcher_t *watcher_of(JSContextRef ctx, JSValueRef v) { return sp_js_handle(ctx, v, watch_class); }

static void watch_closed(uv_handle_t *h) {
  watcher_t *w = h->data;
  if (w->obj) JSObjectSetPrivate(w->obj, NULL);
  free(w);
}

static void watch_stop(watcher_t *w) {
  if (uv_is_closing((uv_handle_t *)&w->handle)) return;
  if (w->prev) w->prev->next = w->next;
  else if (watching == w) watching = w->next;
  if (w->next) w->next->prev = w->prev;
  w->prev = w->next = NULL;
  if (w->on_change) JSValueUnprotect(w->agent->ctx, w->on_change);
  w->on_change = NULL;
  uv_close((uv_handle_t *)&w->handle, watch_closed);
}

static void watch_cb(uv_fs_event_t *h, const char *filename, int events, int status) {
  watcher_t *w = h->data;
  sp_agent_t *a = w->agent;
  if (a->exiting || !w->on_change) return;
  JSContextRef ctx = a->ctx;
  JSValueRef argv[3];
  if (status < 0) { /* an error: (null, null, errno) */
    argv[0] = JSValueMakeNull(ctx);
    argv[1] = JSValueMakeNull(ctx);
    argv[2] = JSValueMakeNumber(ctx, status);
  } else {
    argv[0] = sp_js_str(ctx, (events & UV_RENAME) ? "rename" : "change");
    argv[1] = filename ? sp_js_str(ctx, filename) : JSValueMakeNull(ctx);
    argv[2] = JSValueMakeNumber(ctx, 0);
  }
  sp__agent_callback(a, w->on_change, NULL, 3, argv);
}

/* watch(path, onChange): the handle, or a negative errno */
SP_FN(js_watch) {
  uv_once(&watch_class_once, watch_class_init);
  sp_agent_t *a = sp__agent_current();
  if (!JSValueIsObject(ctx, SP_ARG(1))) return SP_UNDEF;
  char *path = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!path) return SP_UNDEF;
  watcher_t *w = calloc(1, sizeof *w);
  if (!w) {
    free(path);
    return JSValueMakeNumber(ctx, UV_ENOMEM);
  }
  w->agent = a;
  uv_fs_event_init(&a->loop, &w->handle);
  w->handle.data = w;
  int rc = uv_fs_event_start(&w->handle, watch_cb, path, 0);
  free(path);
  if (rc != 0) {
    uv_close((uv_handle_t *)&w->handle, watch_closed);
    return JSValueMakeNumber(ctx, rc);
  }
  w->on_change = (JSObjectRef)SP_ARG(1);
  JSValueProtect(ctx, w->on_change);
  w->next = watching;
  if (watching) watching->prev = w;
  watching = w;
  w->obj = JSObjectMake(ctx, watch_class, w);
  return w->obj;
}

SP_FN(js_close) {
  watcher_t *w = watcher_of(ctx, SP_ARG(0));
  if (w) watch_stop(w);
  return SP_UNDEF;
}

/* setRef(handle, on) */
SP_FN(js_set_ref) {
  watcher_t *w = watcher_of(ctx, SP_ARG(0));
  if (!w || uv_is_closing((uv_handle_t *)&w->handle)) return SP_UNDEF;
  if (JSValueToBoolean(ctx, SP_ARG(1))) uv_ref((uv_handle_t *)&w->handle);
  else uv_unref((uv_handle_t *)&w->handle);
  return SP_UNDEF;
}

void sp__fswatch_agent_teardown(sp_agent_t *a) {
  watcher_t *w = watching;
  while (w) {
    watcher_t *next = w->next;
    if (w->agent == a) watch_stop(w);
    w = next;
  }
}

void sp_mod_fswatch_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  (void)a;
  sp_js_fn(ctx, t, "watch", js_watch);
  sp_js_fn(ctx, t, "close", js_close);
  sp_js_fn(ctx, t, "setRef", js_set_ref);
}
