// os: identity strings, memory, cpus shape, tmpdir rules, userInfo, priority.
const assert = require('assert');
const os = require('os');

console.log(Object.keys(os).join(' '));
console.log(JSON.stringify(os.EOL), os.devNull, os.platform(), os.arch(), os.type(), os.release(), os.endianness());
console.log(os.hostname(), os.homedir(), os.version(), os.machine());
console.log(`${os.platform}`, `${os.arch}`, `${os.type}` === os.type());
const cpus = os.cpus();
assert.ok(cpus.length >= 1);
console.log(cpus.length === os.availableParallelism(), Object.keys(cpus[0]), Object.keys(cpus[0].times), typeof cpus[0].model, typeof cpus[0].speed);
assert.ok(os.totalmem() > 0 && os.freemem() > 0 && os.freemem() <= os.totalmem());
assert.ok(os.uptime() > 0);
const load = os.loadavg();
console.log(load.length, load.every((n) => typeof n === 'number' && n >= 0));
console.log(os.userInfo());
console.log(Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username));
console.log(os.getPriority(), os.getPriority(0) === os.getPriority(process.pid));
assert.throws(() => os.setPriority(0, 100), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => os.getPriority('x'), { code: 'ERR_INVALID_ARG_TYPE' });

const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
process.env.TMPDIR = '/custom/tmp/';
console.log(os.tmpdir());
delete process.env.TMPDIR;
process.env.TMP = '/from-tmp';
console.log(os.tmpdir());
delete process.env.TMP;
process.env.TEMP = '/';
console.log(os.tmpdir());
delete process.env.TEMP;
console.log(os.tmpdir());
for (const k of Object.keys(saved)) if (saved[k] !== undefined) process.env[k] = saved[k];
