/* postMessageToThread's registry (engine-agnostic): which thread ids can be sent
 * to, process-wide. A thread that can receive owns a port pair: it reads one end,
 * and the registry keeps the other, the "writer", under the thread's id. One
 * mutex guards the table; a sender takes the writer out with a ref and posts
 * outside the lock. */
#ifndef SP_CORE_THREADMSG_H
#define SP_CORE_THREADMSG_H
#include <stdint.h>

#include "core/port.h"

/* Lists writer under thread_id (replacing an earlier one); takes a ref of its own. 0 or -ENOMEM. */
int sp_threadmsg_register(uint64_t thread_id, sp_port_t *writer);
/* Forgets thread_id's writer (nothing if none). */
void sp_threadmsg_unregister(uint64_t thread_id);
/* thread_id's writer with a ref for the caller, or NULL when no such thread receives. */
sp_port_t *sp_threadmsg_writer(uint64_t thread_id);

#endif
