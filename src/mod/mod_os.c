/* binding('os'): native half of the os builtin, all through libuv's portable
 * system queries. JS (src/js/os.js) shapes the results; failures throw Node's
 * system error shape via sp_js_throw_uv. */
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "mod/modules.h"

static JSObjectRef obj(JSContextRef ctx) { return JSObjectMake(ctx, NULL, NULL); }

SP_FN(js_cpus) {
  uv_cpu_info_t *cpus;
  int n;
  int r = uv_cpu_info(&cpus, &n);
  if (r < 0) return JSObjectMakeArray(ctx, 0, NULL, NULL);
  sp_js_list_t items = {ctx};
  for (int i = 0; i < n; i++) {
    JSObjectRef c = obj(ctx), t = obj(ctx);
    sp_js_set_str(ctx, c, "model", cpus[i].model);
    sp_js_set_num(ctx, c, "speed", cpus[i].speed);
    sp_js_set_num(ctx, t, "user", (double)cpus[i].cpu_times.user);
    sp_js_set_num(ctx, t, "nice", (double)cpus[i].cpu_times.nice);
    sp_js_set_num(ctx, t, "sys", (double)cpus[i].cpu_times.sys);
    sp_js_set_num(ctx, t, "idle", (double)cpus[i].cpu_times.idle);
    sp_js_set_num(ctx, t, "irq", (double)cpus[i].cpu_times.irq);
    sp_js_set(ctx, c, "times", t);
    sp_js_list_add(&items, c);
  }
  uv_free_cpu_info(cpus, n);
  JSObjectRef arr = sp_js_list_array(&items, exc);
  return arr ? arr : SP_UNDEF;
}

SP_FN(js_totalmem) { return JSValueMakeNumber(ctx, (double)uv_get_total_memory()); }
SP_FN(js_freemem) { return JSValueMakeNumber(ctx, (double)uv_get_free_memory()); }
SP_FN(js_parallelism) { return JSValueMakeNumber(ctx, (double)uv_available_parallelism()); }

SP_FN(js_uptime) {
  double up = 0;
  int r = uv_uptime(&up);
  return r < 0 ? sp_js_throw_uv(ctx, exc, r, "uv_uptime", NULL, NULL) : JSValueMakeNumber(ctx, up);
}

SP_FN(js_loadavg) {
  double avg[3];
  uv_loadavg(avg);
  JSValueRef v[3] = {JSValueMakeNumber(ctx, avg[0]), JSValueMakeNumber(ctx, avg[1]), JSValueMakeNumber(ctx, avg[2])};
  return JSObjectMakeArray(ctx, 3, v, NULL);
}

SP_FN(js_homedir) {
  char buf[4096];
  size_t len = sizeof buf;
  int r = uv_os_homedir(buf, &len);
  return r < 0 ? sp_js_throw_uv(ctx, exc, r, "uv_os_homedir", NULL, NULL) : sp_js_str(ctx, buf);
}

SP_FN(js_hostname) {
  char buf[UV_MAXHOSTNAMESIZE];
  size_t len = sizeof buf;
  int r = uv_os_gethostname(buf, &len);
  return r < 0 ? sp_js_throw_uv(ctx, exc, r, "uv_os_gethostname", NULL, NULL) : sp_js_str(ctx, buf);
}

/* uname(): { sysname, release, version, machine } */
SP_FN(js_uname) {
  uv_utsname_t u;
  int r = uv_os_uname(&u);
  if (r < 0) return sp_js_throw_uv(ctx, exc, r, "uv_os_uname", NULL, NULL);
  JSObjectRef o = obj(ctx);
  sp_js_set_str(ctx, o, "sysname", u.sysname);
  sp_js_set_str(ctx, o, "release", u.release);
  sp_js_set_str(ctx, o, "version", u.version);
  sp_js_set_str(ctx, o, "machine", u.machine);
  return o;
}

/* userInfo(): { uid, gid, username, homedir, shell } */
SP_FN(js_user_info) {
  uv_passwd_t pw;
  int r = uv_os_get_passwd(&pw);
  if (r < 0) return sp_js_throw_uv(ctx, exc, r, "uv_os_get_passwd", NULL, NULL);
  JSObjectRef o = obj(ctx);
  sp_js_set_num(ctx, o, "uid", (double)pw.uid);
  sp_js_set_num(ctx, o, "gid", (double)pw.gid);
  sp_js_set_str(ctx, o, "username", pw.username);
  sp_js_set_str(ctx, o, "homedir", pw.homedir);
  if (pw.shell) sp_js_set_str(ctx, o, "shell", pw.shell);
  else sp_js_set(ctx, o, "shell", JSValueMakeNull(ctx));
  uv_os_free_passwd(&pw);
  return o;
}

/* interfaces(): [{ name, address, netmask, family, mac, internal, scopeid }] */
SP_FN(js_interfaces) {
  uv_interface_address_t *ifs;
  int n;
  int r = uv_interface_addresses(&ifs, &n);
  if (r < 0) return sp_js_throw_uv(ctx, exc, r, "uv_interface_addresses", NULL, NULL);
  sp_js_list_t items = {ctx};
  for (int i = 0; i < n; i++) {
    JSObjectRef o = obj(ctx);
    char addr[INET6_ADDRSTRLEN], mask[INET6_ADDRSTRLEN], mac[18];
    bool v6 = ifs[i].address.address4.sin_family == AF_INET6;
    if (v6) {
      uv_ip6_name(&ifs[i].address.address6, addr, sizeof addr);
      uv_ip6_name(&ifs[i].netmask.netmask6, mask, sizeof mask);
    } else {
      uv_ip4_name(&ifs[i].address.address4, addr, sizeof addr);
      uv_ip4_name(&ifs[i].netmask.netmask4, mask, sizeof mask);
    }
    const unsigned char *m = (const unsigned char *)ifs[i].phys_addr;
    snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    sp_js_set_str(ctx, o, "name", ifs[i].name);
    sp_js_set_str(ctx, o, "address", addr);
    sp_js_set_str(ctx, o, "netmask", mask);
    sp_js_set_str(ctx, o, "family", v6 ? "IPv6" : "IPv4");
    sp_js_set_str(ctx, o, "mac", mac);
    sp_js_set(ctx, o, "internal", JSValueMakeBoolean(ctx, ifs[i].is_internal));
    if (v6) sp_js_set_num(ctx, o, "scopeid", ifs[i].address.address6.sin6_scope_id);
    sp_js_list_add(&items, o);
  }
  uv_free_interface_addresses(ifs, n);
  JSObjectRef arr = sp_js_list_array(&items, exc);
  return arr ? arr : SP_UNDEF;
}

SP_FN(js_get_priority) {
  int prio;
  int r = uv_os_getpriority((uv_pid_t)sp_js_num(ctx, SP_ARG(0)), &prio);
  return r < 0 ? sp_js_throw_uv(ctx, exc, r, "uv_os_getpriority", NULL, NULL) : JSValueMakeNumber(ctx, prio);
}

SP_FN(js_set_priority) {
  int r = uv_os_setpriority((uv_pid_t)sp_js_num(ctx, SP_ARG(0)), (int)sp_js_num(ctx, SP_ARG(1)));
  return r < 0 ? sp_js_throw_uv(ctx, exc, r, "uv_os_setpriority", NULL, NULL) : SP_UNDEF;
}

static JSObjectRef null_proto(JSContextRef ctx) {
  JSObjectRef o = obj(ctx);
  JSObjectSetPrototype(ctx, o, JSValueMakeNull(ctx));
  return o;
}

/* os.constants, in Node's key order. */
static JSObjectRef constants(JSContextRef ctx) {
  JSObjectRef c = null_proto(ctx), dl = null_proto(ctx), er = null_proto(ctx), sig = null_proto(ctx),
              pr = null_proto(ctx);
#define N(o, name) sp_js_set_num(ctx, o, #name, name);
  sp_js_set_num(ctx, c, "UV_UDP_REUSEADDR", 4);
  N(dl, RTLD_LAZY) N(dl, RTLD_NOW) N(dl, RTLD_GLOBAL) N(dl, RTLD_LOCAL) N(dl, RTLD_DEEPBIND)
  N(er, E2BIG) N(er, EACCES) N(er, EADDRINUSE) N(er, EADDRNOTAVAIL) N(er, EAFNOSUPPORT) N(er, EAGAIN)
  N(er, EALREADY) N(er, EBADF) N(er, EBADMSG) N(er, EBUSY) N(er, ECANCELED) N(er, ECHILD)
  N(er, ECONNABORTED) N(er, ECONNREFUSED) N(er, ECONNRESET) N(er, EDEADLK) N(er, EDESTADDRREQ)
  N(er, EDOM) N(er, EDQUOT) N(er, EEXIST) N(er, EFAULT) N(er, EFBIG) N(er, EHOSTUNREACH) N(er, EIDRM)
  N(er, EILSEQ) N(er, EINPROGRESS) N(er, EINTR) N(er, EINVAL) N(er, EIO) N(er, EISCONN) N(er, EISDIR)
  N(er, ELOOP) N(er, EMFILE) N(er, EMLINK) N(er, EMSGSIZE) N(er, EMULTIHOP) N(er, ENAMETOOLONG)
  N(er, ENETDOWN) N(er, ENETRESET) N(er, ENETUNREACH) N(er, ENFILE) N(er, ENOBUFS) N(er, ENODATA)
  N(er, ENODEV) N(er, ENOENT) N(er, ENOEXEC) N(er, ENOLCK) N(er, ENOLINK) N(er, ENOMEM) N(er, ENOMSG)
  N(er, ENOPROTOOPT) N(er, ENOSPC) N(er, ENOSR) N(er, ENOSTR) N(er, ENOSYS) N(er, ENOTCONN)
  N(er, ENOTDIR) N(er, ENOTEMPTY) N(er, ENOTSOCK) N(er, ENOTSUP) N(er, ENOTTY) N(er, ENXIO)
  N(er, EOPNOTSUPP) N(er, EOVERFLOW) N(er, EPERM) N(er, EPIPE) N(er, EPROTO) N(er, EPROTONOSUPPORT)
  N(er, EPROTOTYPE) N(er, ERANGE) N(er, EROFS) N(er, ESPIPE) N(er, ESRCH) N(er, ESTALE) N(er, ETIME)
  N(er, ETIMEDOUT) N(er, ETXTBSY) N(er, EWOULDBLOCK) N(er, EXDEV)
  N(sig, SIGHUP) N(sig, SIGINT) N(sig, SIGQUIT) N(sig, SIGILL) N(sig, SIGTRAP) N(sig, SIGABRT)
  N(sig, SIGIOT) N(sig, SIGBUS) N(sig, SIGFPE) N(sig, SIGKILL) N(sig, SIGUSR1) N(sig, SIGSEGV)
  N(sig, SIGUSR2) N(sig, SIGPIPE) N(sig, SIGALRM) N(sig, SIGTERM) N(sig, SIGCHLD) N(sig, SIGSTKFLT)
  N(sig, SIGCONT) N(sig, SIGSTOP) N(sig, SIGTSTP) N(sig, SIGTTIN) N(sig, SIGTTOU) N(sig, SIGURG)
  N(sig, SIGXCPU) N(sig, SIGXFSZ) N(sig, SIGVTALRM) N(sig, SIGPROF) N(sig, SIGWINCH) N(sig, SIGIO)
  N(sig, SIGPOLL) N(sig, SIGPWR) N(sig, SIGSYS)
#undef N
  sp_js_set_num(ctx, pr, "PRIORITY_LOW", UV_PRIORITY_LOW);
  sp_js_set_num(ctx, pr, "PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL);
  sp_js_set_num(ctx, pr, "PRIORITY_NORMAL", UV_PRIORITY_NORMAL);
  sp_js_set_num(ctx, pr, "PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL);
  sp_js_set_num(ctx, pr, "PRIORITY_HIGH", UV_PRIORITY_HIGH);
  sp_js_set_num(ctx, pr, "PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST);
  sp_js_set(ctx, c, "dlopen", dl);
  sp_js_set(ctx, c, "errno", er);
  sp_js_set(ctx, c, "signals", sig);
  sp_js_set(ctx, c, "priority", pr);
  return c;
}

void sp_mod_os_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  static const struct { const char *name; JSObjectCallAsFunctionCallback fn; } fns[] = {
      {"cpus", js_cpus},           {"totalmem", js_totalmem},         {"freemem", js_freemem},
      {"availableParallelism", js_parallelism},                       {"uptime", js_uptime},
      {"loadavg", js_loadavg},     {"homedir", js_homedir},           {"hostname", js_hostname},
      {"uname", js_uname},         {"userInfo", js_user_info},        {"interfaces", js_interfaces},
      {"getPriority", js_get_priority},                               {"setPriority", js_set_priority},
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) sp_js_fn(ctx, target, fns[i].name, fns[i].fn);
  sp_js_set(ctx, target, "constants", constants(ctx));
}
