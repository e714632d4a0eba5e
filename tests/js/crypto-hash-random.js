// crypto: digests (md5, sha1, sha224, sha256, sha384, sha512) around the block and padding
// boundaries, in chunks and of 100 KB, HMACs with short, block-sized and long keys, hash(),
// copy(), errors as node's; random bytes, ints, UUIDs, getRandomValues and the crypto global
// (checked for shape, not values); the same digests computed in a worker.
const c = require('crypto');
const inputs = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(65), 'b'.repeat(111), 'b'.repeat(112), 'b'.repeat(127), 'b'.repeat(128), 'b'.repeat(129), 'é€😀', 'x'.repeat(100000)];
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']) {
  for (const s of inputs) console.log(alg, s.length, c.createHash(alg).update(s).digest('hex'));
  const h = c.createHash(alg);
  for (let i = 0; i < 300; i++) h.update(Buffer.from([i & 255, (i * 7) & 255, 1]));
  console.log(alg, 'chunks', h.digest('base64'));
  for (const key of ['', 'key', 'k'.repeat(64), 'k'.repeat(65), 'k'.repeat(129)]) console.log('hmac', alg, key.length, c.createHmac(alg, key).update('message').update(Buffer.from('more')).digest('hex'));
  console.log('hash', c.hash(alg, 'one shot'), c.hash(alg, Buffer.from('x'), 'base64'));
}
const h = c.createHash('sha256').update('a'); const h2 = h.copy(); h.update('b'); console.log(h.digest('hex'), h2.digest('hex'));
const hm = c.createHmac('sha1', 'k'); hm.digest(); console.log(JSON.stringify(hm.digest('hex')), hm.digest().length);
for (const bad of [() => c.createHash('nope'), () => c.createHash(1), () => c.createHash('md5').update(1), () => c.createHmac('md5'), () => c.createHmac('nope', 'k'), () => { const x = c.createHash('md5'); x.digest(); x.update('a'); }, () => c.randomBytes(-1), () => c.randomBytes('1'), () => c.randomInt(10, 5), () => c.randomInt(1.5), () => c.getRandomValues(new Float32Array(2)), () => c.getRandomValues(new Uint8Array(65537)), () => c.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')), () => c.timingSafeEqual('a', 'a'), () => c.randomFillSync(new Uint8Array(4), 5), () => c.randomUUID(1)]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(c.randomBytes(16).length, c.randomFillSync(new Uint32Array(4), 1, 2).length, c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), c.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')));
const uuid = c.randomUUID(); console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid), uuid !== c.randomUUID());
let inRange = true; for (let i = 0; i < 1000; i++) { const n = c.randomInt(-3, 4); if (!(n >= -3 && n < 4 && Number.isInteger(n))) inRange = false; } console.log('randomInt range', inRange);
const r = c.getRandomValues(new Uint8Array(32)); console.log(r.length, r.some((x) => x !== 0));
console.log(typeof globalThis.crypto, String(globalThis.crypto), typeof globalThis.crypto.getRandomValues, typeof globalThis.crypto.randomUUID(), c.webcrypto === globalThis.crypto);
(async () => {
  const b = await new Promise((resolve) => c.randomBytes(8, (err, x) => resolve([err, x.length])));
  const n = await new Promise((resolve) => c.randomInt(5, (err, x) => resolve([err, x >= 0 && x < 5])));
  const f = await new Promise((resolve) => c.randomFill(new Uint8Array(8), (err, x) => resolve([err, x.length])));
  console.log('async', b, n, f);
  const { Worker } = require('worker_threads');
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    const c = require('crypto');
    parentPort.postMessage([c.createHash('sha256').update('from a worker').digest('hex'),
      c.createHmac('sha512', 'k').update('m').digest('base64'), typeof crypto.randomUUID()]);
  `, { eval: true });
  w.on('message', (m) => console.log('worker', m));
})();
