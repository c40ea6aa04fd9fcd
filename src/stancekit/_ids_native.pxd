"""What other Cython modules cimport from ``_ids_native``: a document's hash state and one unit's id from it."""

from stancekit._blake2b cimport sk_blake2b_state


cdef void doc_state(str doc_id, sk_blake2b_state *st) except *
cdef object unit_id_i64(const sk_blake2b_state *doc, long long start, long long end)
