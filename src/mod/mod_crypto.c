/* binding('crypto'): random bytes from the kernel and the message digests behind
 * crypto.createHash/createHmac (MD5, SHA-1, SHA-224/256, SHA-384/512, written here from
 * RFC 1321 and FIPS 180-4). A hash's state lives in a Uint8Array that JS owns (no handle to
 * free); HMAC is built in JS over these. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>

#include "mod/modules.h"

enum { ALG_MD5 = 1, ALG_SHA1, ALG_SHA224, ALG_SHA256, ALG_SHA384, ALG_SHA512 };

/* One state for every algorithm: 8 words (64-bit for SHA-384/512), a block buffer, the
 * byte count. Stored as is in the JS array (only ever read back by this file). */
typedef struct {
  uint32_t alg, fill;
  uint64_t total; /* bytes hashed (the SHA-512 family's 128-bit count never overflows this) */
  uint64_t h[8];
  uint8_t block[128];
} hash_state_t;

static uint32_t rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint32_t ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static uint64_t ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
static uint32_t le32(const uint8_t *p) { return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0]; }
static uint64_t be64(const uint8_t *p) { return (uint64_t)be32(p) << 32 | be32(p + 4); }

static size_t block_size(uint32_t alg) { return alg == ALG_SHA384 || alg == ALG_SHA512 ? 128 : 64; }
static size_t digest_size(uint32_t alg) {
  switch (alg) {
  case ALG_MD5: return 16;
  case ALG_SHA1: return 20;
  case ALG_SHA224: return 28;
  case ALG_SHA256: return 32;
  case ALG_SHA384: return 48;
  default: return 64;
  }
}

/* ---- MD5 (RFC 1321) ---- */
static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
static const uint8_t md5_r[64] = {7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                  5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20, 5, 9,  14, 20,
                                  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                  6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21};

static void md5_block(hash_state_t *s, const uint8_t *p) {
  uint32_t m[16], a = (uint32_t)s->h[0], b = (uint32_t)s->h[1], c = (uint32_t)s->h[2], d = (uint32_t)s->h[3];
  for (int i = 0; i < 16; i++) m[i] = le32(p + 4 * i);
  for (int i = 0; i < 64; i++) {
    uint32_t f;
    int g;
    if (i < 16) f = (b & c) | (~b & d), g = i;
    else if (i < 32) f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
    else if (i < 48) f = b ^ c ^ d, g = (3 * i + 5) % 16;
    else f = c ^ (b | ~d), g = (7 * i) % 16;
    uint32_t t = d;
    d = c;
    c = b;
    b = b + rol32(a + f + md5_k[i] + m[g], md5_r[i]);
    a = t;
  }
  s->h[0] = (uint32_t)(s->h[0] + a), s->h[1] = (uint32_t)(s->h[1] + b);
  s->h[2] = (uint32_t)(s->h[2] + c), s->h[3] = (uint32_t)(s->h[3] + d);
}

/* ---- SHA-1 (FIPS 180-4 6.1) ---- */
static void sha1_block(hash_state_t *s, const uint8_t *p) {
  uint32_t w[80], a = (uint32_t)s->h[0], b = (uint32_t)s->h[1], c = (uint32_t)s->h[2], d = (uint32_t)s->h[3],
                  e = (uint32_t)s->h[4];
  for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 80; i++) w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  for (int i = 0; i < 80; i++) {
    uint32_t f, k;
    if (i < 20) f = (b & c) | (~b & d), k = 0x5a827999;
    else if (i < 40) f = b ^ c ^ d, k = 0x6ed9eba1;
    else if (i < 60) f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
    else f = b ^ c ^ d, k = 0xca62c1d6;
    uint32_t t = rol32(a, 5) + f + e + k + w[i];
    e = d, d = c, c = rol32(b, 30), b = a, a = t;
  }
  s->h[0] = (uint32_t)(s->h[0] + a), s->h[1] = (uint32_t)(s->h[1] + b), s->h[2] = (uint32_t)(s->h[2] + c);
  s->h[3] = (uint32_t)(s->h[3] + d), s->h[4] = (uint32_t)(s->h[4] + e);
}

/* ---- SHA-224/256 (FIPS 180-4 6.2) ---- */
static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static void sha256_block(hash_state_t *s, const uint8_t *p) {
  uint32_t w[64], v[8];
  for (int i = 0; i < 16; i++) w[i] = be32(p + 4 * i);
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  for (int i = 0; i < 8; i++) v[i] = (uint32_t)s->h[i];
  for (int i = 0; i < 64; i++) {
    uint32_t e = v[4], a = v[0];
    uint32_t t1 = v[7] + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) + ((e & v[5]) ^ (~e & v[6])) + k256[i] + w[i];
    uint32_t t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
    v[7] = v[6], v[6] = v[5], v[5] = v[4], v[4] = v[3] + t1;
    v[3] = v[2], v[2] = v[1], v[1] = v[0], v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; i++) s->h[i] = (uint32_t)(s->h[i] + v[i]);
}

/* ---- SHA-384/512 (FIPS 180-4 6.4) ---- */
static const uint64_t k512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

static void sha512_block(hash_state_t *s, const uint8_t *p) {
  uint64_t w[80], v[8];
  for (int i = 0; i < 16; i++) w[i] = be64(p + 8 * i);
  for (int i = 16; i < 80; i++) {
    uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
    uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  for (int i = 0; i < 8; i++) v[i] = s->h[i];
  for (int i = 0; i < 80; i++) {
    uint64_t e = v[4], a = v[0];
    uint64_t t1 = v[7] + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & v[5]) ^ (~e & v[6])) + k512[i] + w[i];
    uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
    v[7] = v[6], v[6] = v[5], v[5] = v[4], v[4] = v[3] + t1;
    v[3] = v[2], v[2] = v[1], v[1] = v[0], v[0] = t1 + t2;
  }
  for (int i = 0; i < 8; i++) s->h[i] += v[i];
}

static void run_block(hash_state_t *s, const uint8_t *p) {
  switch (s->alg) {
  case ALG_MD5: md5_block(s, p); break;
  case ALG_SHA1: sha1_block(s, p); break;
  case ALG_SHA224: case ALG_SHA256: sha256_block(s, p); break;
  default: sha512_block(s, p); break;
  }
}

static bool hash_init(hash_state_t *s, uint32_t alg) {
  static const uint64_t iv_md5[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  static const uint64_t iv_sha1[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  static const uint64_t iv_224[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                                     0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
  static const uint64_t iv_256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  static const uint64_t iv_384[8] = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                                     0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};
  static const uint64_t iv_512[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                                     0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
  const uint64_t *iv;
  size_t n = 8;
  switch (alg) {
  case ALG_MD5: iv = iv_md5, n = 4; break;
  case ALG_SHA1: iv = iv_sha1, n = 5; break;
  case ALG_SHA224: iv = iv_224; break;
  case ALG_SHA256: iv = iv_256; break;
  case ALG_SHA384: iv = iv_384; break;
  case ALG_SHA512: iv = iv_512; break;
  default: return false;
  }
  memset(s, 0, sizeof *s);
  s->alg = alg;
  memcpy(s->h, iv, n * sizeof *iv);
  return true;
}

static void hash_update(hash_state_t *s, const uint8_t *p, size_t n) {
  size_t bs = block_size(s->alg);
  s->total += n;
  if (s->fill) {
    size_t take = bs - s->fill < n ? bs - s->fill : n;
    memcpy(s->block + s->fill, p, take);
    s->fill += (uint32_t)take, p += take, n -= take;
    if (s->fill < bs) return;
    run_block(s, s->block);
    s->fill = 0;
  }
  for (; n >= bs; p += bs, n -= bs) run_block(s, p);
  memcpy(s->block, p, n);
  s->fill = (uint32_t)n;
}

/* Pads, runs the last block(s) and writes the digest (digest_size bytes) to out. */
static void hash_final(hash_state_t *s, uint8_t *out) {
  size_t bs = block_size(s->alg), lenbytes = bs == 128 ? 16 : 8;
  uint64_t bits = s->total * 8;
  uint8_t pad[256] = {0x80};
  size_t padn = bs - s->fill % bs;
  if (padn < lenbytes + 1) padn += bs;
  for (size_t i = 0; i < 8; i++) /* the bit count at the end: big-endian, MD5's little-endian */
    pad[s->alg == ALG_MD5 ? padn - 8 + i : padn - 1 - i] = (uint8_t)(bits >> (8 * i));
  hash_update(s, pad, padn);
  size_t dn = digest_size(s->alg);
  for (size_t i = 0; i < dn; i++) {
    if (s->alg == ALG_MD5) out[i] = (uint8_t)(s->h[i / 4] >> (8 * (i % 4)));
    else if (bs == 128) out[i] = (uint8_t)(s->h[i / 8] >> (56 - 8 * (i % 8)));
    else out[i] = (uint8_t)(s->h[i / 4] >> (24 - 8 * (i % 4)));
  }
}

/* A JS Hash keeps its state in a Uint8Array of exactly sizeof(hash_state_t); it is copied
 * in and out (the array's alignment is the engine's), and checked when read back. */
static bool load_state(JSContextRef ctx, JSValueRef v, hash_state_t *s, uint8_t **at, JSValueRef *exc) {
  size_t len = 0;
  uint8_t *p = sp_js_bytes(ctx, v, &len, exc);
  if (!p || len != sizeof *s) return false;
  memcpy(s, p, sizeof *s);
  *at = p;
  return s->alg >= ALG_MD5 && s->alg <= ALG_SHA512 && s->fill < block_size(s->alg);
}

/* hashInit(state, alg): false for an unknown algorithm number */
SP_FN(js_hash_init) {
  size_t len = 0;
  uint8_t *p = sp_js_bytes(ctx, SP_ARG(0), &len, exc);
  hash_state_t s;
  if (!p || len != sizeof s) return sp_js_throw(ctx, exc, "TypeError", NULL, "bad hash state");
  if (!hash_init(&s, (uint32_t)sp_js_num(ctx, SP_ARG(1)))) return JSValueMakeBoolean(ctx, false);
  memcpy(p, &s, sizeof s);
  return JSValueMakeBoolean(ctx, true);
}

/* hashUpdate(state, bytes) */
SP_FN(js_hash_update) {
  hash_state_t s;
  uint8_t *at;
  if (!load_state(ctx, SP_ARG(0), &s, &at, exc)) return sp_js_throw(ctx, exc, "TypeError", NULL, "bad hash state");
  size_t n = 0;
  uint8_t *p = sp_js_bytes(ctx, SP_ARG(1), &n, exc);
  if (!p && n) return sp_js_throw(ctx, exc, "TypeError", NULL, "bad hash input");
  hash_update(&s, p, n);
  memcpy(at, &s, sizeof s);
  return SP_UNDEF;
}

/* hashFinal(state, out): writes the digest into out (a Uint8Array of its size) */
SP_FN(js_hash_final) {
  hash_state_t s;
  uint8_t *at;
  if (!load_state(ctx, SP_ARG(0), &s, &at, exc)) return sp_js_throw(ctx, exc, "TypeError", NULL, "bad hash state");
  size_t n = 0;
  uint8_t *out = sp_js_bytes(ctx, SP_ARG(1), &n, exc);
  if (!out || n != digest_size(s.alg)) return sp_js_throw(ctx, exc, "TypeError", NULL, "bad hash output");
  hash_final(&s, out);
  memcpy(at, &s, sizeof s);
  return SP_UNDEF;
}

/* digestSize(alg) */
SP_FN(js_digest_size) { return JSValueMakeNumber(ctx, (double)digest_size((uint32_t)sp_js_num(ctx, SP_ARG(0)))); }

/* ---- HMAC (RFC 2104) and PBKDF2 (RFC 8018) ---- */
typedef struct {
  hash_state_t inner, outer; /* the states after the padded key's block */
} hmac_t;

static void hmac_init(hmac_t *m, uint32_t alg, const uint8_t *key, size_t klen) {
  size_t bs = block_size(alg);
  uint8_t k[128] = {0}, pad[128];
  if (klen > bs) {
    hash_state_t s;
    hash_init(&s, alg);
    hash_update(&s, key, klen);
    hash_final(&s, k);
  } else if (klen) {
    memcpy(k, key, klen);
  }
  for (size_t i = 0; i < bs; i++) pad[i] = k[i] ^ 0x36;
  hash_init(&m->inner, alg);
  hash_update(&m->inner, pad, bs);
  for (size_t i = 0; i < bs; i++) pad[i] = k[i] ^ 0x5c;
  hash_init(&m->outer, alg);
  hash_update(&m->outer, pad, bs);
}

/* HMAC of a || b into out (which may be a) */
static void hmac_run(const hmac_t *m, const uint8_t *a, size_t an, const uint8_t *b, size_t bn, uint8_t *out) {
  uint8_t inner[64];
  hash_state_t s = m->inner;
  hash_update(&s, a, an);
  if (bn) hash_update(&s, b, bn);
  hash_final(&s, inner);
  s = m->outer;
  hash_update(&s, inner, digest_size(s.alg));
  hash_final(&s, out);
}

static void pbkdf2(uint32_t alg, const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen, uint32_t iterations,
                   uint8_t *out, size_t outlen) {
  hmac_t m;
  hmac_init(&m, alg, pw, pwlen);
  size_t hl = digest_size(alg);
  for (uint32_t block = 1; outlen > 0; block++) {
    uint8_t counter[4] = {(uint8_t)(block >> 24), (uint8_t)(block >> 16), (uint8_t)(block >> 8), (uint8_t)block};
    uint8_t u[64], t[64];
    hmac_run(&m, salt, saltlen, counter, 4, u);
    memcpy(t, u, hl);
    for (uint32_t j = 1; j < iterations; j++) {
      hmac_run(&m, u, hl, NULL, 0, u);
      for (size_t k = 0; k < hl; k++) t[k] ^= u[k];
    }
    size_t take = outlen < hl ? outlen : hl;
    memcpy(out, t, take);
    out += take, outlen -= take;
  }
}

/* ---- scrypt (RFC 7914): Salsa20/8, BlockMix, ROMix over PBKDF2-HMAC-SHA256 ---- */
#define R32(a, b) (((a) << (b)) | ((a) >> (32 - (b))))
static void salsa20_8(uint32_t b[16]) {
  uint32_t x[16];
  memcpy(x, b, sizeof x);
  for (int i = 0; i < 8; i += 2) {
    x[4] ^= R32(x[0] + x[12], 7), x[8] ^= R32(x[4] + x[0], 9), x[12] ^= R32(x[8] + x[4], 13), x[0] ^= R32(x[12] + x[8], 18);
    x[9] ^= R32(x[5] + x[1], 7), x[13] ^= R32(x[9] + x[5], 9), x[1] ^= R32(x[13] + x[9], 13), x[5] ^= R32(x[1] + x[13], 18);
    x[14] ^= R32(x[10] + x[6], 7), x[2] ^= R32(x[14] + x[10], 9), x[6] ^= R32(x[2] + x[14], 13), x[10] ^= R32(x[6] + x[2], 18);
    x[3] ^= R32(x[15] + x[11], 7), x[7] ^= R32(x[3] + x[15], 9), x[11] ^= R32(x[7] + x[3], 13), x[15] ^= R32(x[11] + x[7], 18);
    x[1] ^= R32(x[0] + x[3], 7), x[2] ^= R32(x[1] + x[0], 9), x[3] ^= R32(x[2] + x[1], 13), x[0] ^= R32(x[3] + x[2], 18);
    x[6] ^= R32(x[5] + x[4], 7), x[7] ^= R32(x[6] + x[5], 9), x[4] ^= R32(x[7] + x[6], 13), x[5] ^= R32(x[4] + x[7], 18);
    x[11] ^= R32(x[10] + x[9], 7), x[8] ^= R32(x[11] + x[10], 9), x[9] ^= R32(x[8] + x[11], 13), x[10] ^= R32(x[9] + x[8], 18);
    x[12] ^= R32(x[15] + x[14], 7), x[13] ^= R32(x[12] + x[15], 9), x[14] ^= R32(x[13] + x[12], 13), x[15] ^= R32(x[14] + x[13], 18);
  }
  for (int i = 0; i < 16; i++) b[i] += x[i];
}
#undef R32

/* b (2r blocks of 16 words) becomes BlockMix(b); y is scratch of the same size */
static void block_mix(uint32_t *b, uint32_t *y, size_t r) {
  uint32_t x[16];
  memcpy(x, b + (2 * r - 1) * 16, sizeof x);
  for (size_t i = 0; i < 2 * r; i++) {
    for (int k = 0; k < 16; k++) x[k] ^= b[i * 16 + k];
    salsa20_8(x);
    memcpy(y + ((i & 1) ? r + i / 2 : i / 2) * 16, x, sizeof x); /* even blocks first, then odd */
  }
  memcpy(b, y, 2 * r * 16 * sizeof *b);
}

/* b: 128r bytes, replaced by ROMix(b); v: N * 32r words of scratch */
static void ro_mix(uint8_t *b, size_t r, uint64_t n, uint32_t *v, uint32_t *x, uint32_t *y) {
  size_t words = 32 * r;
  for (size_t k = 0; k < words; k++) x[k] = le32(b + 4 * k);
  for (uint64_t i = 0; i < n; i++) {
    memcpy(v + i * words, x, words * sizeof *x);
    block_mix(x, y, r);
  }
  for (uint64_t i = 0; i < n; i++) {
    uint64_t j = (((uint64_t)x[words - 15] << 32) | x[words - 16]) & (n - 1);
    for (size_t k = 0; k < words; k++) x[k] ^= v[j * words + k];
    block_mix(x, y, r);
  }
  for (size_t k = 0; k < words; k++) {
    b[4 * k] = (uint8_t)x[k], b[4 * k + 1] = (uint8_t)(x[k] >> 8);
    b[4 * k + 2] = (uint8_t)(x[k] >> 16), b[4 * k + 3] = (uint8_t)(x[k] >> 24);
  }
}

/* JS checked the parameters as OpenSSL does (N a power of 2, memory under maxmem); false
 * when the memory cannot be had */
static bool scrypt(const uint8_t *pw, size_t pwlen, const uint8_t *salt, size_t saltlen, uint64_t n, uint32_t r,
                   uint32_t p, uint8_t *out, size_t outlen) {
  size_t blen = (size_t)p * 128 * r;
  uint8_t *b = malloc(blen);
  uint32_t *v = malloc((size_t)n * 32 * r * sizeof *v), *x = malloc(64 * (size_t)r * sizeof *x);
  bool ok = b && v && x;
  if (ok) {
    uint32_t *y = x + 32 * (size_t)r;
    pbkdf2(ALG_SHA256, pw, pwlen, salt, saltlen, 1, b, blen);
    for (uint32_t i = 0; i < p; i++) ro_mix(b + (size_t)i * 128 * r, r, n, v, x, y);
    pbkdf2(ALG_SHA256, pw, pwlen, b, blen, 1, out, outlen);
  }
  free(b);
  free(v);
  free(x);
  return ok;
}

/* A PBKDF2 or scrypt run on libuv's pool: its inputs copied, its callback protected until
 * it ends. */
typedef struct {
  uv_work_t work;
  bool is_scrypt, failed;
  uint32_t alg, iterations, r, p;
  uint64_t n;
  uint8_t *password, *salt, *out;
  size_t password_len, salt_len, out_len;
  JSObjectRef callback;
} kdf_job_t;

static void kdf_job_free(JSContextRef ctx, kdf_job_t *job, bool keep_out) {
  if (job->callback) JSValueUnprotect(ctx, job->callback);
  free(job->password);
  free(job->salt);
  if (!keep_out) free(job->out);
  free(job);
}

static void kdf_work(uv_work_t *w) {
  kdf_job_t *job = (kdf_job_t *)w;
  if (job->is_scrypt)
    job->failed = !scrypt(job->password, job->password_len, job->salt, job->salt_len, job->n, job->r, job->p, job->out,
                          job->out_len);
  else
    pbkdf2(job->alg, job->password, job->password_len, job->salt, job->salt_len, job->iterations, job->out, job->out_len);
}

static void free_out(void *bytes, void *unused) { free(bytes); }

static JSValueRef out_of_memory(JSContextRef ctx) {
  return sp_js_error(ctx, "RangeError", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params: out of memory");
}

static void kdf_done(uv_work_t *w, int status) {
  kdf_job_t *job = (kdf_job_t *)w;
  sp_agent_t *a = sp__agent_current();
  JSContextRef ctx = a->ctx;
  if (a->exiting || status != 0) {
    kdf_job_free(ctx, job, false);
    return;
  }
  JSObjectRef cb = job->callback;
  JSValueProtect(ctx, cb);
  JSValueRef args[2];
  if (job->failed) {
    args[0] = out_of_memory(ctx);
    args[1] = JSValueMakeUndefined(ctx);
    kdf_job_free(ctx, job, false);
  } else {
    args[0] = JSValueMakeNull(ctx);
    args[1] = JSObjectMakeArrayBufferWithBytesNoCopy(ctx, job->out, job->out_len, free_out, NULL, NULL);
    kdf_job_free(ctx, job, true);
  }
  sp__agent_callback(a, cb, NULL, 2, args);
  JSValueUnprotect(ctx, cb);
}

static uint8_t *copy_bytes(JSContextRef ctx, JSValueRef v, size_t *n, JSValueRef *exc) {
  size_t len = 0;
  uint8_t *p = sp_js_bytes(ctx, v, &len, exc);
  uint8_t *c = malloc(len ? len : 1);
  if (c && len) memcpy(c, p, len);
  *n = len;
  return c;
}

/* Runs the job now (no callback: returns the key as an ArrayBuffer) or on the pool. */
static JSValueRef kdf_start(JSContextRef ctx, kdf_job_t *job, JSValueRef cb, JSValueRef *exc) {
  if (!JSValueIsObject(ctx, cb) || !JSObjectIsFunction(ctx, (JSObjectRef)cb)) {
    kdf_work(&job->work);
    if (job->failed) {
      kdf_job_free(ctx, job, false);
      *exc = out_of_memory(ctx);
      return SP_UNDEF;
    }
    JSValueRef r = JSObjectMakeArrayBufferWithBytesNoCopy(ctx, job->out, job->out_len, free_out, NULL, exc);
    kdf_job_free(ctx, job, true);
    return r;
  }
  job->callback = (JSObjectRef)cb;
  JSValueProtect(ctx, cb);
  int rc = uv_queue_work(&sp__agent_current()->loop, &job->work, kdf_work, kdf_done);
  if (rc) {
    kdf_job_free(ctx, job, false);
    return sp_js_throw_uv(ctx, exc, rc, "uv_queue_work", NULL, NULL);
  }
  return SP_UNDEF;
}

static kdf_job_t *kdf_job(JSContextRef ctx, JSValueRef password, JSValueRef salt, double keylen, JSValueRef *exc) {
  kdf_job_t *job = calloc(1, sizeof *job);
  if (!job) return NULL;
  job->out_len = (size_t)keylen;
  job->password = copy_bytes(ctx, password, &job->password_len, exc);
  job->salt = copy_bytes(ctx, salt, &job->salt_len, exc);
  job->out = malloc(job->out_len ? job->out_len : 1);
  if (!job->password || !job->salt || !job->out) {
    kdf_job_free(ctx, job, false);
    return NULL;
  }
  return job;
}

/* pbkdf2(password, salt, iterations, keylen, alg[, callback]): the key as an ArrayBuffer, or
 * (with a callback) undefined and callback(null, ArrayBuffer) later. JS checked the arguments. */
SP_FN(js_pbkdf2) {
  kdf_job_t *job = kdf_job(ctx, SP_ARG(0), SP_ARG(1), sp_js_num(ctx, SP_ARG(3)), exc);
  if (!job) return sp_js_throw(ctx, exc, "RangeError", NULL, "out of memory");
  job->iterations = (uint32_t)sp_js_num(ctx, SP_ARG(2));
  job->alg = (uint32_t)sp_js_num(ctx, SP_ARG(4));
  if (job->alg < ALG_MD5 || job->alg > ALG_SHA512 || !job->iterations) {
    kdf_job_free(ctx, job, false);
    return sp_js_throw(ctx, exc, "RangeError", NULL, "bad pbkdf2 arguments");
  }
  return kdf_start(ctx, job, SP_ARG(5), exc);
}

/* scrypt(password, salt, keylen, N, r, p[, callback]): as pbkdf2; JS checked the parameters */
SP_FN(js_scrypt) {
  kdf_job_t *job = kdf_job(ctx, SP_ARG(0), SP_ARG(1), sp_js_num(ctx, SP_ARG(2)), exc);
  if (!job) return sp_js_throw(ctx, exc, "RangeError", NULL, "out of memory");
  job->is_scrypt = true;
  double n = sp_js_num(ctx, SP_ARG(3)), r = sp_js_num(ctx, SP_ARG(4)), p = sp_js_num(ctx, SP_ARG(5));
  job->n = (uint64_t)n, job->r = (uint32_t)r, job->p = (uint32_t)p;
  if (!(n >= 2 && n <= 4294967295.0) || (job->n & (job->n - 1)) || !(r >= 1 && r <= 4294967295.0) ||
      !(p >= 1 && p <= 4294967295.0) || (double)job->p * 128 * job->r > (double)SIZE_MAX / 2 ||
      n * 128 * r > (double)SIZE_MAX / 2) {
    kdf_job_free(ctx, job, false);
    return sp_js_throw(ctx, exc, "RangeError", NULL, "bad scrypt arguments");
  }
  return kdf_start(ctx, job, SP_ARG(6), exc);
}

/* hmacStart(inner, outer, alg, key): the two hash states of a streaming HMAC (createHmac),
 * from the same key schedule as pbkdf2's: inner has taken K ^ ipad, outer K ^ opad */
SP_FN(js_hmac_start) {
  size_t in_len = 0, out_len = 0, kn = 0;
  uint8_t *in = sp_js_bytes(ctx, SP_ARG(0), &in_len, exc), *out = sp_js_bytes(ctx, SP_ARG(1), &out_len, exc);
  uint32_t alg = (uint32_t)sp_js_num(ctx, SP_ARG(2));
  uint8_t *k = sp_js_bytes(ctx, SP_ARG(3), &kn, exc);
  if (!in || !out || in_len != sizeof(hash_state_t) || out_len != sizeof(hash_state_t) || (!k && kn) ||
      alg < ALG_MD5 || alg > ALG_SHA512)
    return sp_js_throw(ctx, exc, "TypeError", NULL, "bad hmac arguments");
  hmac_t m;
  hmac_init(&m, alg, k, kn);
  memcpy(in, &m.inner, sizeof m.inner);
  memcpy(out, &m.outer, sizeof m.outer);
  return SP_UNDEF;
}

/* hmac(alg, key, data): one HMAC, for HKDF */
SP_FN(js_hmac) {
  uint32_t alg = (uint32_t)sp_js_num(ctx, SP_ARG(0));
  size_t kn = 0, dn = 0;
  uint8_t *k = sp_js_bytes(ctx, SP_ARG(1), &kn, exc), *d = sp_js_bytes(ctx, SP_ARG(2), &dn, exc);
  size_t on = 0;
  uint8_t *out = sp_js_bytes(ctx, SP_ARG(3), &on, exc);
  if ((!k && kn) || (!d && dn) || !out || alg < ALG_MD5 || alg > ALG_SHA512 || on != digest_size(alg))
    return sp_js_throw(ctx, exc, "TypeError", NULL, "bad hmac arguments");
  hmac_t m;
  hmac_init(&m, alg, k, kn);
  hmac_run(&m, d, dn, NULL, 0, out);
  return SP_UNDEF;
}

/* randomFill(view, offset, size): bytes from the kernel's generator */
SP_FN(js_random_fill) {
  size_t len = 0;
  uint8_t *p = sp_js_bytes(ctx, SP_ARG(0), &len, exc);
  double off = sp_js_num(ctx, SP_ARG(1)), size = sp_js_num(ctx, SP_ARG(2));
  if (!p || !(off >= 0 && size >= 0 && off <= (double)len && size <= (double)len - off))
    return sp_js_throw(ctx, exc, "RangeError", NULL, "bad random range");
  uint8_t *at = p + (size_t)off;
  size_t left = (size_t)size;
  while (left > 0) {
    ssize_t got = getrandom(at, left, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return sp_js_throw_uv(ctx, exc, -errno, "getrandom", NULL, NULL);
    }
    at += got, left -= (size_t)got;
  }
  return SP_UNDEF;
}

void sp_mod_crypto_init(JSContextRef ctx, JSObjectRef target, sp_agent_t *agent) {
  sp_js_fn(ctx, target, "hashInit", js_hash_init);
  sp_js_fn(ctx, target, "hashUpdate", js_hash_update);
  sp_js_fn(ctx, target, "hashFinal", js_hash_final);
  sp_js_fn(ctx, target, "digestSize", js_digest_size);
  sp_js_fn(ctx, target, "randomFill", js_random_fill);
  sp_js_fn(ctx, target, "pbkdf2", js_pbkdf2);
  sp_js_fn(ctx, target, "scrypt", js_scrypt);
  sp_js_fn(ctx, target, "hmac", js_hmac);
  sp_js_fn(ctx, target, "hmacStart", js_hmac_start);
  sp_js_set_num(ctx, target, "stateSize", sizeof(hash_state_t));
}
