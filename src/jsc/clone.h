/* Structured clone for JavaScriptCore: JS value -> wire message -> JS value.
 *
 * Threads. sp_clone_serialize runs on the sender's thread with the sender's
 * context; the message it returns owns plain memory only (bytes + side table,
 * see core/wire.h) and may be handed to any thread. sp_clone_deserialize runs
 * on the receiver's thread with the receiver's context (a different VM is
 * fine). A message is used by one thread at a time and freed exactly once with
 * sp_wire_msg_free, delivered or not: handles still in its side table (ports,
 * buffers, shared blocks the receiver never took) are dropped there.
 *
 * Atomicity. Serialization happens in two phases: first the whole value is
 * written (this may run getters, and may fail), then, only if that succeeded,
 * the transfer list takes effect (ports detached, ArrayBuffers detached). On
 * failure nothing has been detached and *exc holds the JS exception.
 *
 * ArrayBuffers in the transfer list are detached in the sender with
 * ArrayBuffer.prototype.transfer (never pinned: ENGINE.md). A buffer whose
 * bytes already live in a spindle block (sp_xbuf_t: it arrived by transfer,
 * or was made by spindle) moves by pointer, O(1). A buffer the engine
 * allocated is copied once into a new block (the engine frees its memory with
 * its VM, so the receiver cannot safely alias it); after that it too moves by
 * pointer. Buffers marked untransferable are copied and stay attached (node 20).
 *
 * Errors thrown (Node v20's classes, codes and texts):
 *   DOMException DataCloneError  "<value> could not be cloned.", detached or
 *                                duplicate buffers in the transfer list
 *   TypeError ERR_INVALID_TRANSFER_OBJECT  non-transferable in the list
 *   TypeError ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST  a port not listed
 *   RangeError  nesting deeper than the thread's stack allows
 * A malformed message makes sp_clone_deserialize fail with an Error
 * "Unable to deserialize cloned data." (node's text). */
#ifndef SP_CLONE_H
#define SP_CLONE_H
#include <JavaScriptCore/JavaScript.h>
#include <stdbool.h>

#include "core/wire.h"

/* Hooks for MessagePort (registered once, process-wide, by worker_threads).
 * is_port:     is v a MessagePort of this runtime? (cheap; called for objects)
 * is_detached: is this port closed by its own side or transferred away? (node:
 *              a DataCloneError when it is listed or found in a message)
 * detach_port: take the port away from the sender's loop; returns an opaque
 *              handle that the message owns, or NULL with *exc set. Called
 *              only in the second phase (the value already serialized).
 * attach_port: on the receiver's thread: wrap the handle in a new MessagePort
 *              object of ctx's VM, taking over the handle.
 * free_port:   drop a handle that no receiver took (message freed undelivered
 *              or a malformed message); may run on any thread. */
typedef struct sp_clone_port_hooks {
  bool (*is_port)(JSContextRef ctx, JSValueRef v);
  bool (*is_detached)(JSContextRef ctx, JSObjectRef port);
  void *(*detach_port)(JSContextRef ctx, JSObjectRef port, JSValueRef *exc);
  JSObjectRef (*attach_port)(JSContextRef ctx, void *handle);
  void (*free_port)(void *handle);
} sp_clone_port_hooks_t;
void sp_clone_set_port_hooks(const sp_clone_port_hooks_t *hooks);

/* Hooks for SharedArrayBuffer (a refcounted shared block, wrapped in each VM).
 * get_shared:  if obj is one of this runtime's SharedArrayBuffers, return a
 *              NEW reference to its block and its byte length; else NULL.
 *              SharedArrayBuffers are never in a transfer list: they are
 *              always shared, by reference, in the side table (SP_WIRE_SIDE_SHARED).
 * wrap_shared: on the receiver: a SharedArrayBuffer object of ctx's VM over the
 *              block, taking over the reference; NULL with *exc on failure.
 * free_shared: drop a reference no receiver took; any thread. */
typedef struct sp_clone_shared_hooks {
  void *(*get_shared)(JSContextRef ctx, JSObjectRef obj, size_t *len);
  JSObjectRef (*wrap_shared)(JSContextRef ctx, void *block, size_t len, JSValueRef *exc);
  void (*free_shared)(void *block);
} sp_clone_shared_hooks_t;
void sp_clone_set_shared_hooks(const sp_clone_shared_hooks_t *hooks);

/* Hooks for fs FileHandles, which move between threads with their descriptor (node:
 * transferable, never cloned).
 * classify: SP_CLONE_FH_NONE for anything that is not a FileHandle of ctx's realm, else
 *           whether it can move now (a read, write or close in progress: it cannot).
 * detach:   on the sender, in the transfer's second phase: the handle gives up its
 *           descriptor (reads -1 from now on) and returns it; -1 with *exc on failure.
 * attach:   on the receiver: a FileHandle of ctx's realm owning fd; NULL with *exc. */
enum { SP_CLONE_FH_NONE, SP_CLONE_FH_READY, SP_CLONE_FH_IN_USE, SP_CLONE_FH_CLOSED };
typedef struct sp_clone_fd_hooks {
  int (*classify)(JSContextRef ctx, JSObjectRef obj);
  int (*detach)(JSContextRef ctx, JSObjectRef obj, JSValueRef *exc);
  JSObjectRef (*attach)(JSContextRef ctx, int fd, JSValueRef *exc);
} sp_clone_fd_hooks_t;
void sp_clone_set_fd_hooks(const sp_clone_fd_hooks_t *hooks);

/* Serializes value. transfer: undefined/null, or an array(-like) of
 * ArrayBuffers and MessagePorts. Returns a new message, or NULL with *exc set
 * (and nothing detached). */
sp_wire_msg_t *sp_clone_serialize(JSContextRef ctx, JSValueRef value, JSValueRef transfer,
                                  JSValueRef *exc);
/* The same for a port's postMessage: `source` (the port) in the transfer list is a
 * DataCloneError, found in the list's order with its other errors. */
sp_wire_msg_t *sp_clone_serialize_from(JSContextRef ctx, JSValueRef value, JSValueRef transfer, JSObjectRef source,
                                       JSValueRef *exc);

/* Direct writes, for the runtime's own MessagePort.postMessage without a transfer list:
 * JS calls the codec's writeDirect(value) itself (sp_clone_direct_writer returns it), then
 * right away sp_clone_take_direct, which makes the message from what it wrote (the byte
 * count is read from the codec's shared state, not passed: an engine call fewer). No call
 * from C into JS per message. writeDirect returns -1 inside another write (a getter
 * posting): that one takes sp_clone_serialize. Errors as sp_clone_serialize. */
JSObjectRef sp_clone_direct_writer(JSContextRef ctx, JSValueRef *exc);
sp_wire_msg_t *sp_clone_take_direct(JSContextRef ctx, JSValueRef *exc);

/* Builds the value in ctx's VM. Takes (consumes) the transferred handles it
 * uses out of msg's side table; the caller still frees msg afterwards.
 * Returns NULL with *exc set on a malformed message (never crashes, never
 * reads out of bounds). A message should be deserialized once. */
JSValueRef sp_clone_deserialize(JSContextRef ctx, sp_wire_msg_t *msg, JSValueRef *exc);
/* Message delivery in one engine entry (one VM entry costs the engine a
 * date-cache reset and, in a worker, a CPU-clock read): decodes msg and
 * returns then(arg, value, false), or then(arg, error, true) when msg cannot
 * be decoded. *exc is set only by what `then` itself throws. */
JSValueRef sp_clone_deserialize_then(JSContextRef ctx, sp_wire_msg_t *msg, JSObjectRef then, JSValueRef arg,
                                     JSValueRef *exc);

/* The realm of ctx is going away: drop the codec state kept for it (before
 * JSGlobalContextRelease; its VM may live on with other realms). */
void sp_clone_realm_forget(JSContextRef ctx);

/* markAsUntransferable support: such ArrayBuffers are copied, not moved,
 * even when listed in a transfer list (node 20 behaviour). */
void sp_clone_mark_untransferable(JSContextRef ctx, JSObjectRef obj);
bool sp_clone_is_untransferable(JSContextRef ctx, JSValueRef v);
/* Keeps bytes (an ArrayBuffer of the realm's, never handed out) as what module was compiled
 * from: a module is cloned as its bytes, compiled again by the reader. */
void sp_clone_record_wasm_module(JSContextRef ctx, JSObjectRef module, JSObjectRef bytes);

#endif
