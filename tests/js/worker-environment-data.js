// setEnvironmentData values are copied into workers created afterwards.
const { Worker, setEnvironmentData, getEnvironmentData } = require('worker_threads');
setEnvironmentData('config', { level: 3 });
setEnvironmentData('gone', 1);
setEnvironmentData('gone', undefined);
console.log('main', JSON.stringify(getEnvironmentData('config')), getEnvironmentData('gone'));
const w = new Worker(`
  const { getEnvironmentData, parentPort } = require('worker_threads');
  parentPort.postMessage([getEnvironmentData('config'), getEnvironmentData('gone')]);
`, { eval: true });
w.on('message', (m) => console.log('worker', JSON.stringify(m)));
