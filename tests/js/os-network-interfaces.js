// os.networkInterfaces(): grouped by name, with cidr and (IPv6) scopeid.
const os = require('os');
const ifs = os.networkInterfaces();
console.log(ifs);
for (const list of Object.values(ifs)) {
  for (const it of list) {
    if (!['IPv4', 'IPv6'].includes(it.family)) throw new Error(`bad family ${it.family}`);
    if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(it.mac)) throw new Error(`bad mac ${it.mac}`);
  }
}
