/* spindle: a JavaScript runtime with Node-compatible worker_threads.
 * This is the public embedding API; everything else is internal. Functions
 * return 0 or a negative errno-style code. */
#ifndef SPINDLE_H
#define SPINDLE_H
#ifdef __cplusplus
extern "C" {
#endif

#define SP_VERSION "0.1.0"
#define SP_NODE_API_VERSION "v20.20.2" /* the Node.js API spindle follows */

typedef struct sp_agent sp_agent_t;

typedef struct sp_agent_options {
  int argc;           /* process.argv (argv[0] = execPath) */
  char **argv;
  int exec_argc;      /* process.execArgv */
  char **exec_argv;
  int node_argc;      /* options from NODE_OPTIONS, read by the first agent without a parent: */
  char **node_argv;   /* in effect in every thread, before execArgv's, not in process.execArgv */
} sp_agent_options_t;

/* Once per process, on the main thread, before any agent. */
int sp_runtime_init(int argc, char **argv);

/* An agent is one thread's JS engine + event loop. Create, run, free on the same thread. */
int sp_agent_new(sp_agent_t **out, const sp_agent_options_t *opts);
/* Runs a CommonJS main module from a file path. */
int sp_agent_run_file(sp_agent_t *a, const char *path);
/* Evaluates source as a CommonJS-like script ([eval]); print_result bit 0: print the result as
 * `node -p`; bit 1: the source came from stdin (named [stdin]). */
int sp_agent_eval(sp_agent_t *a, const char *source, int print_result);
/* Runs the event loop until nothing keeps it alive (or process.exit); emits 'exit'. */
int sp_agent_run_loop(sp_agent_t *a);
/* process exit code after the loop ended */
int sp_agent_exit_code(sp_agent_t *a);
void sp_agent_free(sp_agent_t *a);

const char *sp_version(void);

#ifdef __cplusplus
}
#endif
#endif
