#include "core/broadcast.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

typedef struct sub {
  struct sub *next;
  uint64_t id;
  char *name;
  sp_port_t *writer; /* the registry's end of the subscriber's pair */
} sub_t;

static uv_mutex_t lock;
static uv_once_t once = UV_ONCE_INIT;
static sub_t *subs;      /* guarded by lock */
static uint64_t next_id; /* guarded by lock */

static void init_lock(void) { uv_mutex_init(&lock); }

int sp_broadcast_open(const char *name, uint64_t *id, sp_port_t **reader) {
  uv_once(&once, init_lock);
  sub_t *s = calloc(1, sizeof *s);
  if (!s || !(s->name = strdup(name))) {
    free(s);
    return -ENOMEM;
  }
  int rc = sp_channel_new(&s->writer, reader);
  if (rc) {
    free(s->name);
    free(s);
    return rc;
  }
  uv_mutex_lock(&lock);
  s->id = ++next_id;
  s->next = subs;
  subs = s;
  *id = s->id;
  uv_mutex_unlock(&lock);
  return 0;
}

int sp_broadcast_peers(uint64_t id, sp_port_t ***out, size_t *n) {
  uv_once(&once, init_lock);
  *out = NULL;
  *n = 0;
  uv_mutex_lock(&lock);
  const sub_t *self = NULL;
  size_t count = 0;
  for (sub_t *s = subs; s; s = s->next)
    if (s->id == id) self = s;
  if (!self) {
    uv_mutex_unlock(&lock);
    return -EPIPE;
  }
  for (sub_t *s = subs; s; s = s->next)
    if (s != self && !strcmp(s->name, self->name)) count++;
  sp_port_t **list = count ? malloc(count * sizeof *list) : NULL;
  size_t i = 0;
  /* oldest subscriber first: subs is newest-first, so fill from the back */
  for (sub_t *s = subs; s && list; s = s->next)
    if (s != self && !strcmp(s->name, self->name)) {
      sp_port_ref(s->writer);
      list[count - 1 - i++] = s->writer;
    }
  uv_mutex_unlock(&lock);
  *out = list;
  *n = count;
  return 0;
}

void sp_broadcast_close(uint64_t id) {
  uv_once(&once, init_lock);
  uv_mutex_lock(&lock);
  sub_t *found = NULL;
  for (sub_t **pp = &subs; *pp; pp = &(*pp)->next)
    if ((*pp)->id == id) {
      found = *pp;
      *pp = found->next;
      break;
    }
  uv_mutex_unlock(&lock);
  if (!found) return;
  sp_port_unref(found->writer); /* the reader sees its channel close */
  free(found->name);
  free(found);
}
