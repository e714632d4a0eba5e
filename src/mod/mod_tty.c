/* binding('tty'): what the tty module and process.stdout/stdin need of a terminal:
 * what kind of file a descriptor is, a terminal's size, and raw mode. Raw mode is set
 * with termios on the descriptor itself; the settings found the first time are put
 * back when raw mode is turned off, and at exit if it is still on (as libuv does for
 * node's uv_tty_reset_mode). */
#include <errno.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "mod/modules.h"

/* isatty(fd) */
SP_FN(js_isatty) {
  double fd = sp_js_num(ctx, SP_ARG(0));
  return JSValueMakeBoolean(ctx, fd >= 0 && fd <= 2147483647 && uv_guess_handle((int)fd) == UV_TTY);
}

/* usable(fd): what uv_tty_init accepts (a terminal, pipe or socket), or the error name */
SP_FN(js_usable) {
  uv_handle_type t = uv_guess_handle((int)sp_js_num(ctx, SP_ARG(0)));
  return JSValueMakeBoolean(ctx, t != UV_FILE && t != UV_UNKNOWN_HANDLE);
}

/* windowSize(fd): [columns, rows], or undefined when fd is no terminal */
SP_FN(js_window_size) {
  struct winsize ws;
  if (ioctl((int)sp_js_num(ctx, SP_ARG(0)), TIOCGWINSZ, &ws) != 0) return SP_UNDEF;
  JSValueRef v[2] = {JSValueMakeNumber(ctx, ws.ws_col), JSValueMakeNumber(ctx, ws.ws_row)};
  return JSObjectMakeArray(ctx, 2, v, exc);
}

/* The terminal's settings before raw mode, for fds 0..2 (the ones a process has as
 * its terminal); one process-wide record, guarded: any thread may ask. */
static struct {
  uv_mutex_t lock;
  struct termios saved[3];
  bool have[3], raw[3];
} modes;
static uv_once_t modes_once = UV_ONCE_INIT;

static void restore_at_exit(void) {
  uv_mutex_lock(&modes.lock);
  for (int fd = 0; fd < 3; fd++)
    if (modes.raw[fd]) tcsetattr(fd, TCSANOW, &modes.saved[fd]);
  uv_mutex_unlock(&modes.lock);
}

static void modes_init(void) {
  uv_mutex_init(&modes.lock);
  atexit(restore_at_exit);
}

/* setRawMode(fd, on): 0, or a negative errno (libuv's codes) */
SP_FN(js_set_raw_mode) {
  int fd = (int)sp_js_num(ctx, SP_ARG(0));
  bool on = JSValueToBoolean(ctx, SP_ARG(1));
  if (fd < 0 || fd > 2) return JSValueMakeNumber(ctx, UV_EINVAL);
  uv_once(&modes_once, modes_init);
  uv_mutex_lock(&modes.lock);
  int rc = 0;
  if (!modes.have[fd]) {
    if (tcgetattr(fd, &modes.saved[fd]) != 0) rc = -errno;
    else modes.have[fd] = true;
  }
  if (rc == 0) {
    struct termios t = modes.saved[fd];
    if (on) { /* libuv's UV_TTY_MODE_RAW */
      t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
      t.c_oflag |= ONLCR;
      t.c_cflag |= CS8;
      t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
      t.c_cc[VMIN] = 1;
      t.c_cc[VTIME] = 0;
    }
    if (tcsetattr(fd, TCSADRAIN, &t) != 0) rc = -errno;
    else modes.raw[fd] = on;
  }
  uv_mutex_unlock(&modes.lock);
  return JSValueMakeNumber(ctx, rc);
}

void sp_mod_tty_init(JSContextRef ctx, JSObjectRef t, sp_agent_t *a) {
  (void)a;
  sp_js_fn(ctx, t, "isatty", js_isatty);
  sp_js_fn(ctx, t, "usable", js_usable);
  sp_js_fn(ctx, t, "windowSize", js_window_size);
  sp_js_fn(ctx, t, "setRawMode", js_set_raw_mode);
}
