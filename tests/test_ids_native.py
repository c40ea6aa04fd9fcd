"""The compiled BLAKE2b (``_blake2b.h``) against hashlib, and the compiled unit ids against :mod:`stancekit.ids`."""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stancekit._ids_native import _blake2b_chunks, blake2b_digest, unit_ids

from stancekit import ids

I64_MIN, I64_MAX = -(2**63), 2**63 - 1

# RFC 7693 Appendix A: BLAKE2b-512("abc")
RFC_ABC = (
    "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
    "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
)

doc_texts = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=120),  # Arabic
)
int64s = st.integers(min_value=I64_MIN, max_value=I64_MAX)


def test_rfc7693_abc() -> None:
    assert blake2b_digest(b"abc").hex() == RFC_ABC
    assert blake2b_digest(b"abc", 64).hex() == RFC_ABC


@pytest.mark.parametrize("length", [0, 1, 127, 128, 129, 255, 256, 257, 600])
@pytest.mark.parametrize("size", [1, 8, 20, 32, 63, 64])
def test_block_boundaries(length: int, size: int) -> None:
    data = bytes((7 * i + 3) % 256 for i in range(length))
    assert blake2b_digest(data, size) == hashlib.blake2b(data, digest_size=size).digest()


@settings(deadline=None)
@given(data=st.binary(max_size=600), size=st.integers(1, 64))
def test_digest_equals_hashlib(data: bytes, size: int) -> None:
    assert blake2b_digest(data, size) == hashlib.blake2b(data, digest_size=size).digest()


@settings(deadline=None)
@given(data=st.binary(max_size=600), cuts=st.lists(st.integers(0, 600), max_size=8), size=st.integers(1, 64))
def test_incremental_updates(data: bytes, cuts: list[int], size: int) -> None:
    points = [0, *sorted(min(c, len(data)) for c in cuts), len(data)]
    chunks = [data[a:b] for a, b in itertools.pairwise(points)]  # empty chunks included
    assert b"".join(chunks) == data
    assert _blake2b_chunks(chunks, size) == hashlib.blake2b(data, digest_size=size).digest()


@pytest.mark.parametrize("size", [0, -1, 65])
def test_bad_digest_size(size: int) -> None:
    with pytest.raises(ValueError, match=r"1\.\.64"):
        blake2b_digest(b"x", size)


@settings(deadline=None)
@given(doc_id=doc_texts, bounds=st.lists(st.tuples(st.integers(), st.integers()), max_size=30))
@example(doc_id="", bounds=[(0, 0), (0, 1)])
@example(doc_id="قال المتحدث باسم وزارة الصحة", bounds=[(0, 12), (13, 40)])
def test_unit_ids_equal_python(doc_id: str, bounds: list[tuple[int, int]]) -> None:
    starts = [s for s, _ in bounds]
    ends = [e for _, e in bounds]
    assert unit_ids(doc_id, starts, ends) == ids.unit_ids(doc_id, bounds)
    assert unit_ids(doc_id, tuple(starts), iter(ends)) == ids.unit_ids(doc_id, bounds)


def test_unit_ids_literal_and_extremes() -> None:
    assert unit_ids("doc1", [0], [4]) == [ids.unit_id("doc1", 0, 4)] == ["u7d69c2366c06f91"]
    edge = [I64_MIN, I64_MIN - 1, I64_MAX, I64_MAX + 1, -1, 0, 10**40]
    bounds = [(s, e) for s in edge for e in edge]
    got = unit_ids("d", [s for s, _ in bounds], [e for _, e in bounds])
    assert got == ids.unit_ids("d", bounds) == [ids.unit_id("d", s, e) for s, e in bounds]
    assert all(len(i) == 16 and i.isascii() and i.startswith("u") for i in got)


def test_unit_ids_non_int_bounds_follow_python() -> None:
    # numpy scalars and bools are not exact ints: they take Python's %d, as stancekit.ids does
    starts: list[Any] = [np.int64(3), True, np.int32(-7)]
    ends: list[Any] = [np.int64(9), False, np.int32(2)]
    assert unit_ids("x", starts, ends) == ids.unit_ids("x", zip(starts, ends, strict=True))


def test_unit_ids_errors() -> None:
    with pytest.raises(ValueError, match="2 starts but 1 ends"):
        unit_ids("d", [1, 2], [3])
    with pytest.raises(UnicodeEncodeError):
        unit_ids("\ud800", [0], [1])
    with pytest.raises(TypeError):
        unit_ids(None, [0], [1])
