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
    "  --unhandled-rejections=MODE\n"
    "                        throw (default), strict, warn, none or warn-with-error-code\n"
    "  --stack-trace-limit=N Error.stackTraceLimit in every thread\n"
    "  --enable-source-maps, --max-old-space-size=N, --max-semi-space-size=N, --stack-size=N\n"
    "                        accepted without effect\n"
    "  --experimental-worker accepted and ignored (workers are always on)\n"
    "\n"
    "Environment variables:\n"
    "  NODE_OPTIONS          options applied before the command line's, in every thread\n"
    "                        (-r/--require and the options above that take no script)\n";

/* Node flags that are accepted. They take effect, if they have any here, through
 * process.execArgv, which the agent reads (internal/process/exec_options.js; --expose-gc
 * in C), in the main thread and in workers, which inherit it by default. */
static const char *const accepted_flags[] = {"--experimental-worker", "--no-warnings", "--no-deprecation",
                                             "--expose-gc", "--expose_gc", "--trace-warnings", "--harmony",
                                             "--trace-deprecation", "--throw-deprecation",
                                             "--abort-on-uncaught-exception",
                                             /* accepted without effect: stacks are not source-mapped */
                                             "--enable-source-maps", NULL};
/* V8 flags taking a number after '=' (as V8: never as the next argument). The heap and
 * stack sizes are accepted without effect (the engine sizes its own; npm scripts set them
 * often); --stack-trace-limit sets Error.stackTraceLimit in every thread. */
static const char *const number_flags[] = {"--max-old-space-size=", "--max_old_space_size=",
                                           "--max-semi-space-size=", "--max_semi_space_size=",
                                           "--stack-size=", "--stack_size=", "--stack-trace-limit=",
                                           "--stack_trace_limit=", NULL};

static int is_number(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return 0;
  return 1;
}

/* --unhandled-rejections MODE (or =MODE): node's modes (internal/process/task_queues) */
static const char rejections_flag[] = "--unhandled-rejections";
static int rejections_mode_ok(const char *mode) {
  static const char *const modes[] = {"throw", "strict", "warn", "none", "warn-with-error-code", NULL};
  for (const char *const *m = modes; *m; m++)
    if (!strcmp(mode, *m)) return 1;
  fprintf(stderr, "spindle: invalid value for %s\n", rejections_flag);
  return 0;
}

/* An option given its value as the next argument (-r, --unhandled-rejections) at argv[*i]:
 * 1 and *i on the value, 0 if it is not one, -1 (printed) if its value is missing or bad. */
static int value_option(int argc, char **argv, int *i) {
  const char *a = argv[*i];
  int rejections = !strcmp(a, rejections_flag);
  if (strcmp(a, "-r") && strcmp(a, "--require") && !rejections) return 0;
  /* as node's parser: an option that follows is no value */
  if (*i + 1 >= argc || (argv[*i + 1][0] == '-' && argv[*i + 1][1])) {
    fprintf(stderr, "spindle: %s requires an argument\n", a);
    return -1;
  }
  if (rejections && !rejections_mode_ok(argv[*i + 1])) return -1;
  ++*i;
  return 1;
}

/* 1: an option taking no argument (or its value after '=') that spindle accepts; -1: one of
 * number_flags with a bad number; -2: a bad --unhandled-rejections mode (printed); 0: unknown. */
static int flag_kind(const char *a) {
  for (const char *const *f = accepted_flags; *f; f++)
    if (!strcmp(a, *f)) return 1;
  for (const char *const *f = number_flags; *f; f++)
    if (!strncmp(a, *f, strlen(*f))) return is_number(a + strlen(*f)) ? 1 : -1;
  size_t rl = sizeof rejections_flag - 1;
  if (!strncmp(a, rejections_flag, rl) && a[rl] == '=') return rejections_mode_ok(a + rl + 1) ? 1 : -2;
  return 0;
}

static void free_args(int argc, char **argv) {
  for (int i = 0; i < argc; i++) free(argv[i]);
  free(argv);
}

/* NODE_OPTIONS split as node splits it: at spaces, except within double quotes, where a
 * backslash takes the next character as it is. NULL for an unterminated string. */
static char **split_node_options(const char *s, int *argc) {
  size_t n = strlen(s);
  char **v = calloc(n / 2 + 2, sizeof *v); /* at most one argument per two characters */
  char *cur = NULL;
  size_t len = 0;
  int in_string = 0;
  *argc = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == ' ' && !in_string) {
      cur = NULL;
      continue;
    }
    if (!cur) {
      cur = v[(*argc)++] = calloc(n + 1, 1);
      len = 0;
    }
    if (c == '"') {
      in_string = !in_string;
    } else if (c == '\\' && in_string && i + 1 < n) {
      cur[len++] = s[++i];
    } else {
      cur[len++] = c;
    }
  }
  if (in_string) {
    free_args(*argc, v);
    return NULL;
  }
  return v;
}

/* Checks NODE_OPTIONS's arguments as node does: only options that configure the process,
 * -r/--require with its module among them; they end at the first argument that is no
 * option (the rest is ignored: *argc shrinks). Returns 0, or prints why and returns 9. */
static int check_node_options(int *argc, char **argv) {
  for (int i = 0; i < *argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || !strcmp(a, "-")) {
      for (int k = i; k < *argc; k++) free(argv[k]);
      *argc = i;
      break;
    }
    int value = value_option(*argc, argv, &i);
    if (value == 1) continue;
    if (value == -1) return 9;
    if (!strncmp(a, "--require=", 10)) continue;
    int kind = flag_kind(a);
    if (kind == 1) continue;
    if (kind == -1) { fprintf(stderr, "spindle: illegal value for flag %s\n", a); return 9; }
    if (kind == -2) return 9; /* printed */
    fprintf(stderr, "spindle: %s is not allowed in NODE_OPTIONS\n", a);
    return 9;
  }
  return 0;
}

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
    /* -r's module and the rejections mode are read from execArgv */
    int value = value_option(argc, argv, &i);
    if (value == 1) continue;
    if (value == -1) return 9;
    if (!strncmp(a, "--require=", 10)) continue;
    if (!strncmp(a, "--eval=", 7) || !strncmp(a, "--print=", 8)) {
      if (a[2] == 'p') print = 1;
      eval_src = strchr(a, '=') + 1;
      continue;
    }
    int kind = flag_kind(a);
    if (kind == -1) { fprintf(stderr, "spindle: illegal value for flag %s\n", a); return 9; }
    if (kind == -2) return 9; /* printed */
    if (kind == 0) { fprintf(stderr, "spindle: bad option: %s\n", a); return 9; }
  }
  /* As node: NODE_OPTIONS's options apply before the command line's, in every thread */
  int node_argc = 0;
  char **node_argv = NULL;
  const char *node_options = getenv("NODE_OPTIONS");
  if (node_options && *node_options) {
    node_argv = split_node_options(node_options, &node_argc);
    if (!node_argv) { fputs("spindle: invalid value for NODE_OPTIONS (unterminated string)\n", stderr); return 9; }
    int rc = check_node_options(&node_argc, node_argv);
    if (rc) {
      free_args(node_argc, node_argv);
      return rc;
    }
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
  sp_agent_options_t opts = {.argc = pargc, .argv = pargv, .exec_argc = exec_argc, .exec_argv = exec_argv,
                             .node_argc = node_argc, .node_argv = node_argv};
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
  free_args(node_argc, node_argv);
  return code;
}
