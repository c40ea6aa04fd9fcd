/*
 * BLAKE2b (RFC 7693), unkeyed, digest length 1..64 bytes, incremental. Header-only C99.
 *
 * Written for stancekit from the RFC's description: a stancekit content id hashes a few dozen bytes, so what
 * matters is one fast compression of one block and a state that is cheap to copy (a plain struct: `b = a;` copies
 * it, so a document's prefix is hashed once and the state copied for each unit).
 *
 *   sk_blake2b_state s;
 *   sk_blake2b_init(&s, 8);            returns 0, or -1 if outlen is not in 1..64 (s is then untouched)
 *   sk_blake2b_update(&s, data, n);    any number of times, any lengths (n may be 0)
 *   sk_blake2b_final(&s, out);         writes s.outlen bytes; s must not be updated or finalised again
 *
 * Words are loaded and stored little-endian byte by byte (compilers turn this into one load on little-endian
 * machines), so the code does not depend on the host's byte order or on unaligned access.
 */
#ifndef SK_BLAKE2B_H
#define SK_BLAKE2B_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SK_BLAKE2B_BLOCKBYTES 128
#define SK_BLAKE2B_OUTBYTES 64

typedef struct sk_blake2b_state {
    uint64_t h[8];                       /* chained state */
    uint64_t t[2];                       /* bytes compressed so far, a 128-bit counter (low word first) */
    uint8_t buf[SK_BLAKE2B_BLOCKBYTES];  /* input not yet compressed: the last block must be compressed as final */
    size_t buflen;                       /* bytes in buf, 0..128 */
    size_t outlen;                       /* digest length, 1..64 */
} sk_blake2b_state;

static const uint64_t sk__blake2b_iv[8] = {
    UINT64_C(0x6a09e667f3bcc908), UINT64_C(0xbb67ae8584caa73b),
    UINT64_C(0x3c6ef372fe94f82b), UINT64_C(0xa54ff53a5f1d36f1),
    UINT64_C(0x510e527fade682d1), UINT64_C(0x9b05688c2b3e6c1f),
    UINT64_C(0x1f83d9abfb41bd6b), UINT64_C(0x5be0cd19137e2179),
};

/* The message schedule: rounds 10 and 11 reuse the permutations of rounds 0 and 1. */
static const uint8_t sk__blake2b_sigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static inline uint64_t sk__blake2b_load64(const uint8_t *p)
{
    return (uint64_t)p[0] | ((uint64_t)p[1] << 8) | ((uint64_t)p[2] << 16) | ((uint64_t)p[3] << 24)
        | ((uint64_t)p[4] << 32) | ((uint64_t)p[5] << 40) | ((uint64_t)p[6] << 48) | ((uint64_t)p[7] << 56);
}

static inline uint64_t sk__blake2b_rotr64(uint64_t x, unsigned n)
{
    return (x >> n) | (x << (64u - n));  /* n is one of 32, 24, 16, 63: never 0 */
}

/* The mixing function G (RFC 7693 section 3.1) on words a, b, c, d of v with message words x, y. */
#define SK__B2B_G(a, b, c, d, x, y)                          \
    do {                                                     \
        v[a] = v[a] + v[b] + (x);                            \
        v[d] = sk__blake2b_rotr64(v[d] ^ v[a], 32);          \
        v[c] = v[c] + v[d];                                  \
        v[b] = sk__blake2b_rotr64(v[b] ^ v[c], 24);          \
        v[a] = v[a] + v[b] + (y);                            \
        v[d] = sk__blake2b_rotr64(v[d] ^ v[a], 16);          \
        v[c] = v[c] + v[d];                                  \
        v[b] = sk__blake2b_rotr64(v[b] ^ v[c], 63);          \
    } while (0)

/* One round: the four columns, then the four diagonals. r is a literal, so the schedule folds into constants. */
#define SK__B2B_ROUND(r)                                                                           \
    do {                                                                                           \
        SK__B2B_G(0, 4, 8, 12, m[sk__blake2b_sigma[r][0]], m[sk__blake2b_sigma[r][1]]);            \
        SK__B2B_G(1, 5, 9, 13, m[sk__blake2b_sigma[r][2]], m[sk__blake2b_sigma[r][3]]);            \
        SK__B2B_G(2, 6, 10, 14, m[sk__blake2b_sigma[r][4]], m[sk__blake2b_sigma[r][5]]);           \
        SK__B2B_G(3, 7, 11, 15, m[sk__blake2b_sigma[r][6]], m[sk__blake2b_sigma[r][7]]);           \
        SK__B2B_G(0, 5, 10, 15, m[sk__blake2b_sigma[r][8]], m[sk__blake2b_sigma[r][9]]);           \
        SK__B2B_G(1, 6, 11, 12, m[sk__blake2b_sigma[r][10]], m[sk__blake2b_sigma[r][11]]);         \
        SK__B2B_G(2, 7, 8, 13, m[sk__blake2b_sigma[r][12]], m[sk__blake2b_sigma[r][13]]);          \
        SK__B2B_G(3, 4, 9, 14, m[sk__blake2b_sigma[r][14]], m[sk__blake2b_sigma[r][15]]);          \
    } while (0)

/* The compression function F (RFC 7693 section 3.2) on one 128-byte block; s->t already counts the block. */
static inline void sk__blake2b_compress(sk_blake2b_state *s, const uint8_t *block, int last)
{
    uint64_t m[16];
    uint64_t v[16];
    int i;
    for (i = 0; i < 16; i++) {
        m[i] = sk__blake2b_load64(block + 8 * i);
    }
    for (i = 0; i < 8; i++) {
        v[i] = s->h[i];
        v[i + 8] = sk__blake2b_iv[i];
    }
    v[12] ^= s->t[0];
    v[13] ^= s->t[1];
    if (last) {
        v[14] = ~v[14];
    }
    SK__B2B_ROUND(0);
    SK__B2B_ROUND(1);
    SK__B2B_ROUND(2);
    SK__B2B_ROUND(3);
    SK__B2B_ROUND(4);
    SK__B2B_ROUND(5);
    SK__B2B_ROUND(6);
    SK__B2B_ROUND(7);
    SK__B2B_ROUND(8);
    SK__B2B_ROUND(9);
    SK__B2B_ROUND(10);
    SK__B2B_ROUND(11);
    for (i = 0; i < 8; i++) {
        s->h[i] ^= v[i] ^ v[i + 8];
    }
}

#undef SK__B2B_ROUND
#undef SK__B2B_G

static inline void sk__blake2b_count(sk_blake2b_state *s, uint64_t n)
{
    s->t[0] += n;
    if (s->t[0] < n) {
        s->t[1] += 1;
    }
}

/* Start an unkeyed hash with an outlen-byte digest (1..64). Returns 0, or -1 (and leaves s alone) otherwise. */
static inline int sk_blake2b_init(sk_blake2b_state *s, size_t outlen)
{
    int i;
    if (outlen < 1 || outlen > SK_BLAKE2B_OUTBYTES) {
        return -1;
    }
    for (i = 0; i < 8; i++) {
        s->h[i] = sk__blake2b_iv[i];
    }
    /* parameter block word 0: digest length, key length 0, fanout 1, depth 1 */
    s->h[0] ^= UINT64_C(0x01010000) ^ (uint64_t)outlen;
    s->t[0] = 0;
    s->t[1] = 0;
    s->buflen = 0;
    s->outlen = outlen;
    memset(s->buf, 0, sizeof s->buf);
    return 0;
}

/* Feed inlen bytes. A full buffer is compressed only once more input arrives: the last block is final's. */
static inline void sk_blake2b_update(sk_blake2b_state *s, const void *in, size_t inlen)
{
    const uint8_t *p = (const uint8_t *)in;
    size_t room;
    if (inlen == 0) {
        return;
    }
    room = SK_BLAKE2B_BLOCKBYTES - s->buflen;
    if (inlen > room) {
        if (room > 0) {
            memcpy(s->buf + s->buflen, p, room);
        }
        p += room;
        inlen -= room;
        sk__blake2b_count(s, SK_BLAKE2B_BLOCKBYTES);
        sk__blake2b_compress(s, s->buf, 0);
        s->buflen = 0;
        while (inlen > SK_BLAKE2B_BLOCKBYTES) {
            sk__blake2b_count(s, SK_BLAKE2B_BLOCKBYTES);
            sk__blake2b_compress(s, p, 0);
            p += SK_BLAKE2B_BLOCKBYTES;
            inlen -= SK_BLAKE2B_BLOCKBYTES;
        }
    }
    memcpy(s->buf + s->buflen, p, inlen);
    s->buflen += inlen;
}

/* Compress the last (zero-padded) block as final and write s->outlen digest bytes to out. */
static inline void sk_blake2b_final(sk_blake2b_state *s, uint8_t *out)
{
    uint8_t full[SK_BLAKE2B_OUTBYTES];
    int i, j;
    sk__blake2b_count(s, (uint64_t)s->buflen);
    if (s->buflen < SK_BLAKE2B_BLOCKBYTES) {
        memset(s->buf + s->buflen, 0, SK_BLAKE2B_BLOCKBYTES - s->buflen);
    }
    sk__blake2b_compress(s, s->buf, 1);
    for (i = 0; i < 8; i++) {
        for (j = 0; j < 8; j++) {
            full[8 * i + j] = (uint8_t)(s->h[i] >> (8 * j));
        }
    }
    memcpy(out, full, s->outlen);
}

#endif /* SK_BLAKE2B_H */
