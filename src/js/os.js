'use strict';
// os: operating-system facts, from binding('os') (libuv underneath).

const { validateInt32 } = require('internal/errors');
const osb = binding('os');

const { constants } = osb;


let unameCache;
function uname() {
  unameCache ??= osb.uname();
  return unameCache;
}

function cpus() { return osb.cpus(); }
function totalmem() { return osb.totalmem(); }
function freemem() { return osb.freemem(); }
function availableParallelism() { return osb.availableParallelism(); }
function uptime() { return osb.uptime(); }
function loadavg() { return osb.loadavg(); }
function homedir() { return osb.homedir(); }
function hostname() { return osb.hostname(); }
function type() { return uname().sysname; }
function release() { return uname().release; }
function version() { return uname().version; }
function machine() { return uname().machine; }
function arch() { return process.arch; }
function platform() { return process.platform; }
function endianness() { return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE'; }

function tmpdir() {
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}

function userInfo(options) {
  const info = osb.userInfo();
  const out = { __proto__: null, uid: info.uid, gid: info.gid, username: info.username,
    homedir: info.homedir, shell: info.shell };
  if (options && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const k of ['username', 'homedir', 'shell']) if (out[k] != null) out[k] = Buffer.from(out[k]);
  }
  return out;
}

// Prefix length of a netmask ("255.255.255.0" -> 24), null when not contiguous.
function maskBits(netmask, v6) {
  let bits = 0;
  const parts = v6 ? netmask.split(':') : netmask.split('.');
  let ended = false;
  for (const part of parts) {
    let n = v6 ? parseInt(part || '0', 16) : parseInt(part, 10);
    const width = v6 ? 16 : 8;
    for (let i = width - 1; i >= 0; i--) {
      if (n & (1 << i)) {
        if (ended) return null;
        bits++;
      } else {
        ended = true;
      }
    }
    n = 0;
  }
  return bits;
}

function networkInterfaces() {
  const out = {};
  for (const it of osb.interfaces()) {
    const v6 = it.family === 'IPv6';
    const bits = maskBits(it.netmask, v6);
    const entry = {
      address: it.address, netmask: it.netmask, family: it.family, mac: it.mac,
      internal: it.internal, cidr: bits === null ? null : `${it.address}/${bits}`,
    };
    if (v6) entry.scopeid = it.scopeid;
    (out[it.name] ??= []).push(entry);
  }
  return out;
}

function getPriority(pid = 0) {
  validateInt32(pid, 'pid');
  return osb.getPriority(pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  osb.setPriority(pid, priority);
}

// Node lets these be used as values: `${os.hostname}`.
for (const fn of [arch, availableParallelism, endianness, freemem, homedir, hostname, machine, platform,
  release, tmpdir, totalmem, type, uptime, version]) {
  fn[Symbol.toPrimitive] = () => fn();
}

module.exports = {
  arch, availableParallelism, cpus, endianness, freemem, getPriority, homedir, hostname, loadavg,
  networkInterfaces, platform, release, setPriority, tmpdir, totalmem, type, userInfo, uptime,
  version, machine,
};
Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
