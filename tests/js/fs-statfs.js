// fs.statfsSync / fs.statfs / fs.promises.statfs: node's StatFs (numbers or BigInts), the
// fields that do not move between two runs compared as values, errors with syscall statfs.
const fs = require('fs');
const os = require('os');
const dir = os.tmpdir();
const show = (s) => `${s.constructor.name} ${Object.keys(s).join(',')} type=${s.type} bsize=${s.bsize} ` +
  `blocks=${s.blocks} files=${s.files} ` +
  `free:${['bfree', 'bavail', 'ffree'].map((k) => typeof s[k] + (s[k] <= s[k === 'ffree' ? 'files' : 'blocks'])).join('/')}`;
console.log(show(fs.statfsSync(dir)));
console.log(show(fs.statfsSync(dir, { bigint: true })));
try {
  fs.statfsSync('/no/such/dir');
} catch (e) {
  console.log(e.name, e.code, e.message, e.syscall, e.path);
}
try {
  fs.statfsSync(42);
} catch (e) {
  console.log(e.name, e.code);
}
fs.statfs(dir, (err, s) => {
  console.log('callback', err, show(s));
  fs.statfs('/no/such/dir', (e) => {
    console.log('callback error', e.code, e.message);
    fs.promises.statfs(dir, { bigint: true }).then((p) => console.log('promise', show(p)));
  });
});
