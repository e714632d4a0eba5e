// cluster as a primary sees it (spindle cannot fork cluster workers yet: README): the flags,
// settings and their 'setup' event, disconnect's callback, the module's shape. Libraries
// such as poolifier require('node:cluster') at load time.
const cluster = require('node:cluster');
console.log(Object.keys(cluster), cluster === require('cluster'));
console.log(cluster.isPrimary, cluster.isMaster, cluster.isWorker, cluster.schedulingPolicy,
  cluster.SCHED_NONE, cluster.SCHED_RR, cluster.settings, cluster.workers, cluster instanceof require('events'),
  cluster.setupMaster === cluster.setupPrimary, typeof cluster.Worker);
cluster.on('setup', (settings) => console.log('setup', Object.keys(settings).sort(), settings.exec === __filename, settings.silent));
cluster.setupPrimary({ silent: true });
cluster.setupPrimary({ args: ['a'] });
console.log(cluster.settings.args, cluster.settings.silent, cluster.settings.execArgv === process.execArgv);
cluster.disconnect(() => console.log('disconnected'));
console.log(require('module').builtinModules.includes('cluster'));
