// crypto.scrypt/scryptSync against node: RFC 7914's vectors, small and odd parameters (N, r, p and
// their long names), node's and OpenSSL's parameter errors, the callback forms (on libuv's pool).
const c = require('crypto');
console.log(c.scryptSync('password', 'salt', 32).toString('hex'));
console.log(c.scryptSync('', '', 64, { N: 16, r: 1, p: 1 }).toString('hex'));
console.log(c.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 }).toString('hex'));
console.log(c.scryptSync('pleaseletmein', 'SodiumChloride', 64, { cost: 16384, blockSize: 8, parallelization: 1 }).toString('hex'));
console.log(c.scryptSync(Buffer.from([0, 1, 2]), new Uint8Array([9, 8]), 17, { N: 2, r: 3, p: 2 }).toString('hex'));
console.log(c.scryptSync('p', 's', 0, { N: 4 }).length, c.scryptSync('p', 's', 16, { r: 0, N: 16 }).toString('hex'));
for (const o of [{ N: 3 }, { N: 1 }, { N: 2 ** 20 }, { N: 16, r: 1, p: 2 ** 30 }, { maxmem: 1 }, { N: 16, cost: 16 }, { N: -1 }, { N: 2 ** 15, r: 8 }, { N: 2 ** 16, r: 1, maxmem: 2 ** 30 }, { r: 1, N: 2 ** 16 }, { N: 4, r: 2 ** 31 }]) {
  try { console.log(JSON.stringify(o), c.scryptSync('p', 's', 16, o).toString('hex')); } catch (e) { console.log(JSON.stringify(o), e.name, e.code, e.message); }
}
try { c.scryptSync('p', 's', -1); } catch (e) { console.log(e.name, e.code, e.message); }
try { c.scrypt('p', 's', 16); } catch (e) { console.log(e.name, e.code, e.message); }
c.scrypt('p', 's', 16, (e, k) => {
  console.log('cb', e, k.toString('hex'));
  c.scrypt('p', 's', 16, { N: 1024 }, (e2, k2) => console.log('cb opts', e2, k2.toString('hex')));
});
