/* binding('process'): what the JS `process` object needs from the OS. */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "jsc/jsc_private.h"
#include "mod/modules.h"

extern char **environ;
/* setenv/unsetenv are not thread-safe; every env access from JS goes through this lock. */
static uv_mutex_t env_lock;
static uv_once_t env_once = UV_ONCE_INIT;
static void env_lock_init(void) { uv_mutex_init(&env_lock); }

SP_FN(js_write) {
  /* After process.exit() no JS should run, but JSC may still drain queued promise
   * jobs before its watchdog stops them: keep their output out, as node would. */
  sp_agent_t *a = sp__agent_current();
  if (a && a->exiting) return SP_UNDEF;
  int fd = (int)sp_js_num(ctx, SP_ARG(0));
  size_t len;
  uint8_t *bytes = sp_js_bytes(ctx, SP_ARG(1), &len, NULL);
  if (bytes) {
    sp__write_fd(fd, (const char *)bytes, len);
    return SP_UNDEF;
  }
  char *s = sp_js_cstr(ctx, SP_ARG(1), &len, exc);
  if (!s) return SP_UNDEF;
  sp__write_fd(fd, s, len);
  free(s);
  return SP_UNDEF;
}

/* reallyExit(code, unwind): the agent stops; its JS is stopped by the engine's watchdog
 * (armed here, uncatchable) as soon as it runs on, or, with `unwind`, by an exception
 * thrown now (which a catch block can see). */
SP_FN(js_really_exit) {
  sp_agent_t *a = sp__agent_current();
  sp__agent_begin_exit(a, (int)sp_js_num(ctx, SP_ARG(0)));
  if (JSValueToBoolean(ctx, SP_ARG(1))) *exc = sp__termination_exception(ctx);
  return SP_UNDEF;
}

/* abort(): process.abort() and --abort-on-uncaught-exception in the main thread. As node,
 * the process dies of SIGABRT (a parent sees the signal, not an exit code). Output written
 * so far is out already: spindle writes stdout and stderr synchronously. */
SP_FN(js_abort) {
  fflush(NULL);
  abort();
}

SP_FN(js_cwd) {
  char buf[4096];
  size_t n = sizeof buf;
  int r = uv_cwd(buf, &n);
  if (r) return sp_js_throw_uv(ctx, exc, r, "uv_cwd", NULL, NULL);
  return sp_js_str(ctx, buf);
}

SP_FN(js_chdir) {
  char *dir = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!dir) return SP_UNDEF;
  int r = uv_chdir(dir);
  if (r) { /* node reports "chdir '<cwd>' -> '<dir>'" */
    char cwd[4096];
    size_t n = sizeof cwd;
    if (uv_cwd(cwd, &n) != 0) cwd[0] = 0;
    sp_js_throw_uv(ctx, exc, r, "chdir", cwd, dir);
  }
  free(dir);
  return SP_UNDEF;
}

SP_FN(js_hrtime_ns) { return JSValueMakeNumber(ctx, (double)uv_hrtime()); }
SP_FN(js_hrtime_bigint) { return JSBigIntCreateWithUInt64(ctx, uv_hrtime(), exc); }

SP_FN(js_uptime) {
  return JSValueMakeNumber(ctx, (double)(uv_hrtime() - sp__process_start_ns()) / 1e9); /* a worker's too, as node */
}

SP_FN(js_memory_usage) {
  JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  sp_js_set_num(ctx, o, "rss", (double)rss);
  const struct sp_heap_stats *h = sp__agent_heap_stats(sp__agent_current(), ctx, rss);
  sp_js_set_num(ctx, o, "heapTotal", h->capacity > h->size ? h->capacity : h->size);
  sp_js_set_num(ctx, o, "heapUsed", h->size);
  sp_js_set_num(ctx, o, "external", h->extra);
  sp_js_set_num(ctx, o, "arrayBuffers", h->extra);
  return o;
}

SP_FN(js_rss) {
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  return JSValueMakeNumber(ctx, (double)rss);
}

SP_FN(js_cpu_usage) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
  sp_js_set_num(ctx, o, "user", (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec);
  sp_js_set_num(ctx, o, "system", (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec);
  return o;
}

/* resourceUsage(): getrusage(2) under node's names (times in microseconds, maxRSS in KB) */
SP_FN(js_resource_usage) {
  uv_rusage_t ru;
  int r = uv_getrusage(&ru);
  if (r) return sp_js_throw_uv(ctx, exc, r, "uv_getrusage", NULL, NULL);
  JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
  sp_js_set_num(ctx, o, "userCPUTime", (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec);
  sp_js_set_num(ctx, o, "systemCPUTime", (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec);
  sp_js_set_num(ctx, o, "maxRSS", (double)ru.ru_maxrss);
  sp_js_set_num(ctx, o, "sharedMemorySize", (double)ru.ru_ixrss);
  sp_js_set_num(ctx, o, "unsharedDataSize", (double)ru.ru_idrss);
  sp_js_set_num(ctx, o, "unsharedStackSize", (double)ru.ru_isrss);
  sp_js_set_num(ctx, o, "minorPageFault", (double)ru.ru_minflt);
  sp_js_set_num(ctx, o, "majorPageFault", (double)ru.ru_majflt);
  sp_js_set_num(ctx, o, "swappedOut", (double)ru.ru_nswap);
  sp_js_set_num(ctx, o, "fsRead", (double)ru.ru_inblock);
  sp_js_set_num(ctx, o, "fsWrite", (double)ru.ru_oublock);
  sp_js_set_num(ctx, o, "ipcSent", (double)ru.ru_msgsnd);
  sp_js_set_num(ctx, o, "ipcReceived", (double)ru.ru_msgrcv);
  sp_js_set_num(ctx, o, "signalsCount", (double)ru.ru_nsignals);
  sp_js_set_num(ctx, o, "voluntaryContextSwitches", (double)ru.ru_nvcsw);
  sp_js_set_num(ctx, o, "involuntaryContextSwitches", (double)ru.ru_nivcsw);
  return o;
}

/* ids(): [uid, euid, gid, egid, ...supplementary groups] */
SP_FN(js_ids) {
  gid_t groups[256];
  int n = getgroups(256, groups);
  if (n < 0) n = 0;
  JSValueRef *vals = malloc((4 + (size_t)n) * sizeof *vals);
  if (!vals) return sp_js_throw(ctx, exc, "RangeError", NULL, "out of memory");
  vals[0] = JSValueMakeNumber(ctx, getuid());
  vals[1] = JSValueMakeNumber(ctx, geteuid());
  vals[2] = JSValueMakeNumber(ctx, getgid());
  vals[3] = JSValueMakeNumber(ctx, getegid());
  for (int i = 0; i < n; i++) vals[4 + i] = JSValueMakeNumber(ctx, groups[i]);
  JSObjectRef arr = JSObjectMakeArray(ctx, 4 + (size_t)n, vals, exc);
  free(vals);
  return arr;
}

/* ---- credentials: the lookups behind process.setuid() and kin ---- */

/* A user (group) id from a number or a name; false when the name is unknown. */
static bool resolve_id(JSContextRef ctx, JSValueRef v, bool group, unsigned *out) {
  if (JSValueIsNumber(ctx, v)) {
    *out = (unsigned)JSValueToNumber(ctx, v, NULL);
    return true;
  }
  char *name = sp_js_cstr(ctx, v, NULL, NULL);
  if (!name) return false;
  char buf[16384];
  bool found = false;
  if (group) {
    struct group gr, *r = NULL;
    if (!getgrnam_r(name, &gr, buf, sizeof buf, &r) && r) *out = r->gr_gid, found = true;
  } else {
    struct passwd pw, *r = NULL;
    if (!getpwnam_r(name, &pw, buf, sizeof buf, &r) && r) *out = r->pw_uid, found = true;
  }
  free(name);
  return found;
}

/* lookupId(id, group): a user (group) id for a number or a name; -1 for an unknown name.
 * Only the lookup: see internal/process/credentials for why nothing is changed. */
SP_FN(js_lookup_id) {
  unsigned id;
  if (!resolve_id(ctx, SP_ARG(0), JSValueToBoolean(ctx, SP_ARG(1)), &id)) return JSValueMakeNumber(ctx, -1);
  return JSValueMakeNumber(ctx, id);
}

/* userName(uid): the name of a user id, or null */
SP_FN(js_user_name) {
  char buf[16384];
  struct passwd pw, *r = NULL;
  if (getpwuid_r((uid_t)sp_js_num(ctx, SP_ARG(0)), &pw, buf, sizeof buf, &r) || !r) return JSValueMakeNull(ctx);
  return sp_js_str(ctx, r->pw_name);
}

/* ---- the memory a cgroup allows, as node's libuv reads it ----
 * cgroup v2 (/proc/self/cgroup is "0::/path"): memory.max and memory.high, "max" = no limit;
 * v1: the memory controller's limit_in_bytes and soft_limit_in_bytes, its largest value
 * (PAGE_COUNTER_MAX) = no limit. No limit reads as UINT64_MAX, unknown as 0. */
static uint64_t read_u64_file(const char *path) {
  char buf[64];
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  if (!strncmp(buf, "max", 3)) return UINT64_MAX;
  return strtoull(buf, NULL, 10);
}

/* The directory of this process's memory cgroup, and whether it is v2; false if unknown. */
static bool memory_cgroup_dir(char *dir, size_t size, bool *v2) {
  char buf[1024];
  FILE *f = fopen("/proc/self/cgroup", "r");
  if (!f) return false;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  const char *p;
  if (!strncmp(buf, "0::/", 4)) {
    *v2 = true;
    p = buf + 4;
  } else {
    *v2 = false;
    p = strstr(buf, ":memory:/");
    if (!p) return false;
    p += 9;
  }
  int len = (int)strcspn(p, "\n");
  snprintf(dir, size, *v2 ? "/sys/fs/cgroup/%.*s" : "/sys/fs/cgroup/memory/%.*s", len, p);
  return true;
}

static uint64_t cgroup_file(const char *dir, const char *name) {
  char path[1200];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return read_u64_file(path);
}

static uint64_t constrained_memory(char *dir, size_t size, bool *v2) {
  if (!memory_cgroup_dir(dir, size, v2)) return 0;
  uint64_t high, max;
  if (*v2) {
    max = cgroup_file(dir, "memory.max");
    high = cgroup_file(dir, "memory.high");
  } else {
    max = cgroup_file(dir, "memory.limit_in_bytes");
    high = cgroup_file(dir, "memory.soft_limit_in_bytes");
    if (!max || !high) { /* a controller not mounted at that path: its root */
      snprintf(dir, size, "/sys/fs/cgroup/memory");
      max = cgroup_file(dir, "memory.limit_in_bytes");
      high = cgroup_file(dir, "memory.soft_limit_in_bytes");
    }
    uint64_t unlimited = (uint64_t)LONG_MAX & ~((uint64_t)sysconf(_SC_PAGESIZE) - 1);
    if (max == unlimited) max = UINT64_MAX;
    if (high == unlimited) high = UINT64_MAX;
  }
  if (!max || !high) return 0;
  return high < max ? high : max;
}

/* constrainedMemory() */
SP_FN(js_constrained_memory) {
  char dir[1100];
  bool v2;
  return JSValueMakeNumber(ctx, (double)constrained_memory(dir, sizeof dir, &v2));
}

/* availableMemory(): what the cgroup still allows, else the system's free memory */
SP_FN(js_available_memory) {
  char dir[1100];
  bool v2;
  uint64_t limit = constrained_memory(dir, sizeof dir, &v2);
  if (!limit || limit > uv_get_total_memory()) return JSValueMakeNumber(ctx, (double)uv_get_free_memory());
  uint64_t used = cgroup_file(dir, v2 ? "memory.current" : "memory.usage_in_bytes");
  return JSValueMakeNumber(ctx, used > limit ? 0 : (double)(limit - used));
}

/* kill(pid, signal number) */
SP_FN(js_kill) {
  int r = uv_kill((int)sp_js_num(ctx, SP_ARG(0)), (int)sp_js_num(ctx, SP_ARG(1)));
  if (r) return sp_js_throw_uv(ctx, exc, r, "kill", NULL, NULL);
  return SP_UNDEF;
}

/* holdLoop(bool): count pending engine work (async wasm compiles) that must keep the loop alive */
SP_FN(js_hold_loop) {
  sp_agent_t *a = sp__agent_current();
  if (JSValueToBoolean(ctx, SP_ARG(0))) {
    a->engine_deferred_work = true;
    if (a->engine_pending++ == 0) uv_ref((uv_handle_t *)&a->engine_hold);
  } else if (a->engine_pending > 0 && --a->engine_pending == 0) {
    uv_unref((uv_handle_t *)&a->engine_hold);
  }
  return SP_UNDEF;
}

/* engineDeferredWork(): the realm uses something whose callbacks the engine
 * queues on its own (FinalizationRegistry): its VM will not serve another realm */
SP_FN(js_engine_deferred_work) {
  sp__agent_current()->engine_deferred_work = true;
  return SP_UNDEF;
}

SP_FN(js_gc) {
  JSSynchronousGarbageCollectForDebugging(ctx);
  return SP_UNDEF;
}

/* ---- process.env: a live view of the C environment. JS wraps these in a Proxy
 * (object.js), since properties served by a JSClass callback are always
 * read-only and non-enumerable, which would hide them from spread/Object.entries. */
SP_FN(js_env_get) {
  char *k = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!k) return SP_UNDEF;
  uv_mutex_lock(&env_lock);
  const char *v = getenv(k);
  JSValueRef r = v ? sp_js_str(ctx, v) : SP_UNDEF;
  uv_mutex_unlock(&env_lock);
  free(k);
  return r;
}

SP_FN(js_env_set) {
  char *k = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  char *v = k ? sp_js_cstr(ctx, SP_ARG(1), NULL, exc) : NULL;
  if (k && v && *k && !strchr(k, '=')) {
    uv_mutex_lock(&env_lock);
    setenv(k, v, 1);
    uv_mutex_unlock(&env_lock);
  }
  free(k);
  free(v);
  return SP_UNDEF;
}

SP_FN(js_env_delete) {
  char *k = sp_js_cstr(ctx, SP_ARG(0), NULL, exc);
  if (!k) return SP_UNDEF;
  uv_mutex_lock(&env_lock);
  if (*k && !strchr(k, '=')) unsetenv(k);
  uv_mutex_unlock(&env_lock);
  free(k);
  return SP_UNDEF;
}

/* envKeys(): the variable names, in environment order */
SP_FN(js_env_keys) {
  sp_js_list_t keys = {ctx};
  uv_mutex_lock(&env_lock);
  for (char **e = environ; *e; e++) {
    const char *eq = strchr(*e, '=');
    if (eq && eq != *e) sp_js_list_add(&keys, sp_js_strn(ctx, *e, (size_t)(eq - *e)));
  }
  uv_mutex_unlock(&env_lock);
  JSObjectRef arr = sp_js_list_array(&keys, exc);
  return arr ? arr : SP_UNDEF;
}

char **sp__env_snapshot(void) {
  uv_once(&env_once, env_lock_init);
  uv_mutex_lock(&env_lock);
  size_t n = 0;
  for (char **e = environ; *e; e++) n++;
  char **out = calloc(n + 1, sizeof *out);
  for (size_t i = 0; out && i < n; i++) out[i] = strdup(environ[i]);
  uv_mutex_unlock(&env_lock);
  return out;
}

void sp__env_free(char **env) {
  if (!env) return;
  for (char **e = env; *e; e++) free(*e);
  free(env);
}

JSObjectRef sp__env_object(JSContextRef ctx, char **env) {
  JSObjectRef o = JSObjectMake(ctx, NULL, NULL);
  for (char **e = env; e && *e; e++) {
    const char *eq = strchr(*e, '=');
    if (!eq) continue;
    char *k = strndup(*e, (size_t)(eq - *e));
    sp_js_set_str(ctx, o, k, eq + 1);
    free(k);
  }
  return o;
}

/* envSnapshot(): a plain copy of the environment */
SP_FN(js_env_snapshot) {
  char **env = sp__env_snapshot();
  JSObjectRef o = sp__env_object(ctx, env);
  sp__env_free(env);
  return o;
}

static JSObjectRef str_array(JSContextRef ctx, int n, char **v) {
  sp_js_list_t strs = {ctx};
  for (int i = 0; i < n; i++) sp_js_list_add(&strs, sp_js_str(ctx, v[i]));
  return sp_js_list_array(&strs, NULL);
}

void sp_mod_process_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  uv_once(&env_once, env_lock_init);
  sp_js_fn(ctx, t, "write", js_write);
  sp_js_fn(ctx, t, "reallyExit", js_really_exit);
  sp_js_fn(ctx, t, "abort", js_abort);
  sp_js_fn(ctx, t, "cwd", js_cwd);
  sp_js_fn(ctx, t, "chdir", js_chdir);
  sp_js_fn(ctx, t, "hrtimeNs", js_hrtime_ns);
  sp_js_fn(ctx, t, "hrtimeBigint", js_hrtime_bigint);
  sp_js_fn(ctx, t, "uptime", js_uptime);
  sp_js_fn(ctx, t, "memoryUsage", js_memory_usage);
  sp_js_fn(ctx, t, "rss", js_rss);
  sp_js_fn(ctx, t, "cpuUsage", js_cpu_usage);
  sp_js_fn(ctx, t, "gc", js_gc);
  sp_js_set(ctx, t, "exposeGc", JSValueMakeBoolean(ctx, sp__expose_gc()));
  if (sp__stack_trace_limit() >= 0) sp_js_set_num(ctx, t, "stackTraceLimit", sp__stack_trace_limit());
  /* the process's NODE_OPTIONS (the CLI's), in every thread (a Worker given no env follows
   * them); and this thread's options: in the main thread NODE_OPTIONS's, then execArgv's
   * (a worker's come with its job: internal/worker/child) */
  int node_argc;
  char **node_argv = sp__node_options(&node_argc);
  sp_js_set(ctx, t, "nodeOptions", str_array(ctx, node_argc, node_argv));
  sp_js_list_t options = {ctx};
  for (int i = 0; !a->worker && i < node_argc; i++) sp_js_list_add(&options, sp_js_str(ctx, node_argv[i]));
  for (int i = 0; i < a->opts.exec_argc; i++) sp_js_list_add(&options, sp_js_str(ctx, a->opts.exec_argv[i]));
  sp_js_set(ctx, t, "options", sp_js_list_array(&options, NULL));
  sp_js_fn(ctx, t, "holdLoop", js_hold_loop);
  sp_js_fn(ctx, t, "engineDeferredWork", js_engine_deferred_work);
  sp_js_fn(ctx, t, "kill", js_kill);
  sp_js_fn(ctx, t, "resourceUsage", js_resource_usage);
  sp_js_fn(ctx, t, "ids", js_ids);
  sp_js_fn(ctx, t, "lookupId", js_lookup_id);
  sp_js_fn(ctx, t, "userName", js_user_name);
  sp_js_fn(ctx, t, "constrainedMemory", js_constrained_memory);
  sp_js_fn(ctx, t, "availableMemory", js_available_memory);
  sp_js_fn(ctx, t, "envSnapshot", js_env_snapshot);
  sp_js_fn(ctx, t, "envGet", js_env_get);
  sp_js_fn(ctx, t, "envSet", js_env_set);
  sp_js_fn(ctx, t, "envDelete", js_env_delete);
  sp_js_fn(ctx, t, "envKeys", js_env_keys);
  sp_js_set(ctx, t, "argv", str_array(ctx, a->opts.argc, a->opts.argv));
  sp_js_set(ctx, t, "execArgv", str_array(ctx, a->opts.exec_argc, a->opts.exec_argv));
  char exe[4096];
  size_t n = sizeof exe;
  if (uv_exepath(exe, &n) == 0) sp_js_set_str(ctx, t, "execPath", exe);
  sp_js_set_num(ctx, t, "pid", (double)uv_os_getpid());
  sp_js_set_num(ctx, t, "ppid", (double)uv_os_getppid());
  sp_js_set_str(ctx, t, "version", SP_NODE_API_VERSION);
  sp_js_set_str(ctx, t, "spindleVersion", SP_VERSION);
  sp_js_set_str(ctx, t, "jscVersion", SP_JSC_VERSION);
  sp_js_set_str(ctx, t, "uvVersion", uv_version_string());
#if defined(__x86_64__)
  sp_js_set_str(ctx, t, "arch", "x64");
#elif defined(__aarch64__)
  sp_js_set_str(ctx, t, "arch", "arm64");
#else
  sp_js_set_str(ctx, t, "arch", "unknown");
#endif
  sp_js_set_str(ctx, t, "platform", "linux");
  sp_js_set(ctx, t, "isMainThread", JSValueMakeBoolean(ctx, a->worker == NULL));
}
