// crypto.pbkdf2/pbkdf2Sync and hkdf/hkdfSync for every digest spindle has, against node's
// values (RFC 6070-style inputs, empty password or salt, long keys, key lengths over a
// digest), node's errors, and the callback forms (pbkdf2's runs on libuv's pool).
const c = require('crypto');
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']) {
  for (const [pw, salt, it, len] of [['password', 'salt', 1, 20], ['password', 'salt', 2, 32], ['pw', '', 1000, 64], ['', 'salt', 3, 100], ['p'.repeat(200), 's', 5, 7], ['x', 'y', 1, 0]]) {
    console.log('pbkdf2', alg, it, len, c.pbkdf2Sync(pw, salt, it, len, alg).toString('hex'));
  }
  for (const [ikm, salt, info, len] of [['key', 'salt', 'info', 32], ['key', '', '', 16], ['k'.repeat(100), 's', 'i'.repeat(50), 200]]) {
    console.log('hkdf', alg, len, Buffer.from(c.hkdfSync(alg, ikm, salt, info, len)).toString('hex'));
  }
}
const bads = [
  () => c.pbkdf2Sync('p', 's', 0, 10, 'sha256'), () => c.pbkdf2Sync('p', 's', 1, -1, 'sha256'), () => c.pbkdf2Sync('p', 's', 1, 10, 'nope'),
  () => c.pbkdf2Sync('p', 's', 1, 10), () => c.pbkdf2Sync(1, 's', 1, 10, 'sha1'), () => c.pbkdf2Sync('p', 's', 1.5, 10, 'sha1'),
  () => c.pbkdf2('p', 's', 1, 10, 'sha1'), () => c.hkdfSync('nope', 'k', 's', 'i', 10), () => c.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1),
  () => c.hkdfSync('sha256', 'k', 's', 'i'.repeat(1025), 10), () => c.hkdfSync('sha256', 1, 's', 'i', 10), () => c.hkdfSync('sha256', 'k', 's', 'i', -1),
];
for (const bad of bads) { try { bad(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); } }
console.log(c.hkdfSync('sha256', 'k', 's', 'i', 4) instanceof ArrayBuffer);
(async () => {
  const k = await new Promise((res) => c.pbkdf2('password', 'salt', 4096, 32, 'sha256', (e, key) => res([e, key.toString('hex'), Buffer.isBuffer(key)])));
  console.log('async pbkdf2', k);
  const h = await new Promise((res) => c.hkdf('sha512', 'key', 'salt', 'info', 16, (e, key) => res([e, Buffer.from(key).toString('hex'), key instanceof ArrayBuffer])));
  console.log('async hkdf', h);
})();
