# Declarations of the header-only BLAKE2b in _blake2b.h (RFC 7693, unkeyed, digest 1..64 bytes, incremental), for
# any Cython module of stancekit:  from stancekit._blake2b cimport sk_blake2b_state, sk_blake2b_init, ...
# No module is built from this file; the header is found through setup.py's include_dirs (src/stancekit).
# The struct's real fields are declared so that Cython copies a state by value (`b = a`): hash a common prefix
# once, then copy the state for each message that extends it.
from libc.stdint cimport uint8_t, uint64_t


cdef extern from "_blake2b.h" nogil:
    enum:
        SK_BLAKE2B_BLOCKBYTES
        SK_BLAKE2B_OUTBYTES

    ctypedef struct sk_blake2b_state:
        uint64_t h[8]
        uint64_t t[2]
        uint8_t buf[128]
        size_t buflen
        size_t outlen

    # 0, or -1 (state untouched) if outlen is not in 1..64
    int sk_blake2b_init(sk_blake2b_state *s, size_t outlen) noexcept
    void sk_blake2b_update(sk_blake2b_state *s, const void *data, size_t inlen) noexcept
    # writes s.outlen bytes; s must not be updated or finalised afterwards
    void sk_blake2b_final(sk_blake2b_state *s, uint8_t *out) noexcept
