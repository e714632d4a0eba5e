'use strict';
// postMessageToThread(threadId, value[, transferList][, timeout]) and process
// 'workerMessage' (node v20.20), for any two threads of the process. C keeps a
// process-wide table of thread id -> that thread's inbox (core/threadmsg.h), so a
// message goes straight to its thread, not through the main thread as in node. The
// receiver answers through a small SharedArrayBuffer the message carries: a status
// word the sender waits on with Atomics.waitAsync, and the result. Loaded on first use
// (a thread that is sent to loads it when the first message arrives).

const native = binding('worker');
const { codes, validateNumber } = require('internal/errors');

const STATUS = 0; // 0 while pending, 1 once answered
const RESULT = 1;
const DELIVERED = 0;
const NO_LISTENERS = 1;
const LISTENER_ERROR = 2;

// The first message for this thread arrived (C calls this through io's hooks).
function openInbox() {
  const port = native.threadInbox();
  if (port === undefined) return;
  port.on('message', receive);
  port.unref(); // being reachable does not keep a thread alive
}

function receive(message) {
  let result = NO_LISTENERS;
  try {
    if (process.emit('workerMessage', message.value, message.source)) result = DELIVERED;
  } catch {
    result = LISTENER_ERROR; // as node: the sender is told, the error goes no further
  }
  const status = new Int32Array(message.memory);
  Atomics.store(status, RESULT, result);
  Atomics.store(status, STATUS, 1);
  Atomics.notify(status, STATUS);
}

async function postMessageToThread(threadId, value, transferList, timeout) {
  if (typeof transferList === 'number' && timeout === undefined) {
    timeout = transferList;
    transferList = undefined;
  }
  if (timeout !== undefined) validateNumber(timeout, 'timeout', 0);
  if (threadId === native.threadId) throw new codes.ERR_WORKER_MESSAGING_SAME_THREAD();
  const { normalizeTransfer } = require('internal/worker/io');
  const list = normalizeTransfer(transferList);
  const memory = new SharedArrayBuffer(8);
  const status = new Int32Array(memory);
  const wait = Atomics.waitAsync(status, STATUS, 0, timeout);
  if (!native.threadPost(threadId, { source: native.threadId, value, memory }, list)) {
    throw new codes.ERR_WORKER_MESSAGING_FAILED();
  }
  const outcome = wait.async ? await wait.value : wait.value;
  if (outcome === 'timed-out') throw new codes.ERR_WORKER_MESSAGING_TIMEOUT();
  if (status[RESULT] === NO_LISTENERS) throw new codes.ERR_WORKER_MESSAGING_FAILED();
  if (status[RESULT] === LISTENER_ERROR) throw new codes.ERR_WORKER_MESSAGING_ERRORED();
}

module.exports = { postMessageToThread, openInbox };
