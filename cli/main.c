/* spindle CLI: node-like argument parsing, then one main agent. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spindle.h"

static const char usage[] =
    "Usage: spindle [options] [ script.js | -e \"script\" | - ] [arguments]\n"
    "\n"
    "Options:\n"
    "  -                     script read from stdin (default if no file name is provided)\n"
    "  --                    indicate the end of spindle options\n"
    "  -e, --eval script     evaluate script\n"
    "  -p, --print script    evaluate script and print result\n"
    "  -h, --help            print spindle command line options\n"
    "  -v, --version         print spindle and JavaScriptCore versions\n"
    "  -r, --require module  module to preload (option can be repeated; in workers too)\n"
    "  --no-warnings         silence all process warnings\n"
    "  --no-deprecation      silence deprecation warnings\n"
    "  --trace-warnings      show stack traces on process warnings\n"
    "  --trace-deprecation   show stack traces on deprecations\n"
    "  --throw-deprecation   throw an exception on deprecations\n"
    "  --abort-on-uncaught-exception\n"
    "                        abort (SIGABRT) on an uncaught error in the main thread\n"
    "  --expose-gc           expose the gc() function (in every thread)\n"
    "  --experimental-worker accepted and ignored (workers are always on)\n";

/* Node flags that are accepted. They take effect, if they have any here, through
 * process.execArgv, which the agent reads (internal/process/exec_options.js; --expose-gc
 * in C), in the main thread and in workers, which inherit it by default. */
static const char *const accepted_flags[] = {"--experimental-worker", "--no-warnings", "--no-deprecation",
                                             "--expose-gc", "--expose_gc", "--trace-warnings", "--harmony",
                                             "--trace-deprecation", "--throw-deprecation",
                                             "--abort-on-uncaught-exception", NULL};

static char *read_all(FILE *f) {
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  size_t n;
  while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (cap - len < 2) buf = realloc(buf, cap *= 2);
  }
  buf[len] = 0;
  return buf;
}

int main(int argc, char **argv) {
  /* As node: a write to a pipe whose reader has gone fails with EPIPE (a stream error, or
   * output dropped) instead of killing the process (a child that exits before its stdin is
   * written, `spindle app.js | head -1`). Children get SIGPIPE back (libuv resets it). */
  signal(SIGPIPE, SIG_IGN);
  const char *eval_src = NULL;
  int print = 0, i = 1, from_stdin = 0;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || !strcmp(a, "-")) break;
    if (!strcmp(a, "--")) break;
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); return 0; }
    if (!strcmp(a, "-v") || !strcmp(a, "--version")) {
      printf("v%s (spindle; JavaScriptCore %s; Node.js API %s)\n", SP_VERSION, SP_JSC_VERSION, SP_NODE_API_VERSION);
      return 0;
    }
    if (!strcmp(a, "-p") || !strcmp(a, "--print")) {
      /* as node: the script is optional (-p -e CODE, or stdin) */
      print = 1;
      if (i + 1 < argc && argv[i + 1][0] != '-') eval_src = argv[++i];
      continue;
    }
    if (!strcmp(a, "-pe")) { print = 1; a = "-e"; }
    if (!strcmp(a, "-e") || !strcmp(a, "--eval")) {
      if (i + 1 >= argc) { fprintf(stderr, "spindle: %s requires an argument\n", a); return 9; }
      eval_src = argv[++i];
      continue;
    }
    if (!strcmp(a, "-r") || !strcmp(a, "--require")) { /* the module is read from execArgv */
      if (i + 1 >= argc) { fprintf(stderr, "spindle: %s requires an argument\n", a); return 9; }
      i++;
      continue;
    }
    if (!strncmp(a, "--require=", 10)) continue;
    if (!strncmp(a, "--eval=", 7) || !strncmp(a, "--print=", 8)) {
      if (a[2] == 'p') print = 1;
      eval_src = strchr(a, '=') + 1;
      continue;
    }
    int known = 0;
    for (const char *const *f = accepted_flags; *f; f++) known |= !strcmp(a, *f);
    if (!known) { fprintf(stderr, "spindle: bad option: %s\n", a); return 9; }
  }
  /* process.execArgv: the options before the script, without a final "--" */
  int exec_argc = i - 1;
  char **exec_argv = argv + 1;
  if (i < argc && !strcmp(argv[i], "--")) i++;
  int dash = 0; /* an explicit "-" stays in process.argv, as in node */
  if (!eval_src && (i >= argc || !strcmp(argv[i], "-"))) {
    from_stdin = 1;
    dash = i < argc;
  }

  /* process.argv: [execPath, script?, ...args] */
  char **pargv = calloc((size_t)argc + 2, sizeof *pargv);
  int pargc = 0;
  pargv[pargc++] = argv[0];
  if (!eval_src && (!from_stdin || dash)) pargv[pargc++] = argv[i++];
  while (i < argc) pargv[pargc++] = argv[i++];

  sp_runtime_init(argc, argv);
  sp_agent_options_t opts = {.argc = pargc, .argv = pargv, .exec_argc = exec_argc, .exec_argv = exec_argv};
  sp_agent_t *agent;
  if (sp_agent_new(&agent, &opts) != 0) return 70;
  if (eval_src) {
    sp_agent_eval(agent, eval_src, print);
  } else if (from_stdin) {
    char *src = read_all(stdin);
    sp_agent_eval(agent, src, print | 2); /* bit 1: the source came from stdin */
    free(src);
  } else {
    sp_agent_run_file(agent, pargv[1]);
  }
  sp_agent_run_loop(agent);
  int code = sp_agent_exit_code(agent);
  sp_agent_free(agent);
  free(pargv);
  return code;
}
