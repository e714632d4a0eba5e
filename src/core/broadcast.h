/* BroadcastChannel registry (engine-agnostic): every open channel of every
 * thread, by name. Each subscriber owns a port pair: it receives on one end
 * (wrapped as a MessagePort on its thread) and the registry keeps the other
 * end, the "writer", to which other subscribers post. One process-wide mutex
 * guards the list; posting copies out the writers (with a ref each) under
 * the lock and posts outside it, since serializing may run arbitrary JS. */
#ifndef SP_CORE_BROADCAST_H
#define SP_CORE_BROADCAST_H
#include <stddef.h>
#include <stdint.h>

#include "core/port.h"

/* Subscribes to name; returns an id (> 0) and the receiving port (caller owns one ref). */
int sp_broadcast_open(const char *name, uint64_t *id, sp_port_t **reader);
/* Writers of every other subscriber of id's channel: *out is malloc'd, each port ref'd. */
int sp_broadcast_peers(uint64_t id, sp_port_t ***out, size_t *n);
void sp_broadcast_close(uint64_t id);

#endif
