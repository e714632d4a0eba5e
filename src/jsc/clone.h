/* Structured clone: JS values <-> spindle's wire format (src/core/wire.h).
 * Serialize on the sender's thread, deserialize on the receiver's (another VM).
 * (API agreed with the worker_threads code in src/mod/mod_worker.c.) */
#ifndef SP_CLONE_H
#define SP_CLONE_H
#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

/* A serialized message: bytes plus a side table of transferred things (buffers,
 * ports). Owned by whoever holds it; freed with sp_wire_msg_free on any thread,
 * which also releases transferred items that were never taken. */
typedef struct sp_wire_msg sp_wire_msg_t;
void sp_wire_msg_free(sp_wire_msg_t *msg);

/* Serializes value; transfer is a JS array of transferables or undefined.
 * On failure returns NULL with *exc set (a DataCloneError DOMException, or the
 * exception a getter threw) and nothing is detached. */
sp_wire_msg_t *sp_clone_serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSValueRef *exc);
/* Deserializes into ctx's VM. Transferred items are taken out of msg (a message
 * is deserialized once). A malformed message returns NULL with *exc set. */
JSValueRef sp_clone_deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc);

/* MessagePorts in transfer lists: implemented by mod_worker, registered once. */
typedef struct sp_clone_port_hooks {
  bool (*is_port)(JSContextRef ctx, JSValueRef v);
  /* detaches the port from its thread; returns an owned handle, or NULL with *exc set */
  void *(*detach_port)(JSContextRef ctx, JSObjectRef port, JSValueRef *exc);
  /* makes a MessagePort object in ctx's VM owning handle */
  JSObjectRef (*attach_port)(JSContextRef ctx, void *handle);
  /* drops a handle that was never attached */
  void (*free_port)(void *handle);
} sp_clone_port_hooks_t;
void sp_clone_set_port_hooks(const sp_clone_port_hooks_t *hooks);

#endif
