/* binding('fs'): synchronous file-system calls for fs, the CommonJS loader and
 * error printing. Failures throw Node-style errors (code, errno, syscall, path). */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mod/modules.h"

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
      buf[len] = 0;
      r = sp_js_strn(ctx, buf, len);
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

void sp_mod_fs_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  sp_js_fn(ctx, target, "readFileUtf8", js_read_file_utf8);
  sp_js_fn(ctx, target, "internalModuleStat", js_internal_module_stat);
  sp_js_fn(ctx, target, "realpath", js_realpath);
}
