"""What other Cython modules cimport from ``_ids_native``: a document's hash state and one unit's id from it, written
as 16 ASCII bytes to a buffer."""

from libc.stdint cimport uint8_t

from stancekit._blake2b cimport sk_blake2b_state


cdef void doc_state(str doc_id, sk_blake2b_state *st) except *
cdef void unit_id_into(const sk_blake2b_state *doc, long long start, long long end, uint8_t *out) noexcept nogil
