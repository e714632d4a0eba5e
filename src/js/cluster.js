'use strict';
// cluster: the primary's side only. spindle has no IPC channel to child processes yet
// (child_process.fork() is unsupported), so fork() throws; what a program or library
// reads at load time (isPrimary, settings, setupPrimary, the events) is node's.
// In a process started by a cluster primary (NODE_UNIQUE_ID set) nothing works either.

const EventEmitter = require('events');
const { codes } = require('internal/errors');

const cluster = new EventEmitter();

class Worker extends EventEmitter {
  constructor() {
    super();
    throw new codes.ERR_SPINDLE_UNSUPPORTED('cluster.Worker');
  }
}

function setupPrimary(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  process.nextTick(() => cluster.emit('setup', settings));
}

Object.assign(cluster, {
  isWorker: false,
  isMaster: true,
  isPrimary: true,
  Worker,
  workers: {},
  settings: {},
  SCHED_NONE: 1,
  SCHED_RR: 2,
  schedulingPolicy: 2,
  setupPrimary,
  setupMaster: setupPrimary,
  fork() {
    throw new codes.ERR_SPINDLE_UNSUPPORTED('cluster.fork() (an IPC channel to a node child)');
  },
  disconnect(callback) {
    if (typeof callback === 'function') process.nextTick(callback);
  },
});

module.exports = cluster;
