"""The compiled BLAKE2b (``_blake2b.h``) against hashlib, and the compiled unit ids against :mod:`stancekit.ids`."""

from __future__ import annotations

import hashlib
import itertools
from array import array
from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stancekit._ids_native import _blake2b_chunks, blake2b_digest, unit_ids, unit_ids_rows

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


@st.composite
def flat_units(draw: st.DrawFn) -> tuple[list[str], list[int], list[int], list[int]]:
    doc_ids = draw(st.lists(doc_texts, min_size=1, max_size=6))
    rows = draw(st.lists(st.integers(0, len(doc_ids) - 1), max_size=40))
    starts = draw(st.lists(int64s, min_size=len(rows), max_size=len(rows)))
    ends = draw(st.lists(int64s, min_size=len(rows), max_size=len(rows)))
    return doc_ids, rows, starts, ends


def _expected(doc_ids: list[str], rows: list[int], starts: list[int], ends: list[int]) -> list[str]:
    return [ids.unit_ids(doc_ids[r], [(s, e)])[0] for r, s, e in zip(rows, starts, ends, strict=True)]


@settings(deadline=None)
@given(units=flat_units())
def test_unit_ids_rows_equal_python(units: tuple[list[str], list[int], list[int], list[int]]) -> None:
    doc_ids, rows, starts, ends = units
    want = _expected(doc_ids, rows, starts, ends)
    as_numpy = [np.asarray(c, dtype=np.int64) for c in (rows, starts, ends)]
    assert unit_ids_rows(doc_ids, *as_numpy) == want
    assert unit_ids_rows(doc_ids, *(array("q", c) for c in (rows, starts, ends))) == want
    assert unit_ids_rows(doc_ids, rows, starts, ends) == want  # plain lists are copied into array("q")
    # grouped by row (the fast case: consecutive units share the document state)
    order = sorted(range(len(rows)), key=rows.__getitem__)
    assert unit_ids_rows(doc_ids, *(c[order] for c in as_numpy)) == [want[i] for i in order]


def test_unit_ids_rows_buffers() -> None:
    doc_ids = ["d0", "", "مقال"]
    rows = np.array([2, 2, 0, 1, 1, 2], dtype=np.int64)
    starts = np.array([0, 5, I64_MIN, -3, 0, 7], dtype=np.int64)
    ends = np.array([4, 9, I64_MAX, 3, 0, 7], dtype=np.int64)
    want = _expected(doc_ids, rows.tolist(), starts.tolist(), ends.tolist())
    readonly = [a.copy() for a in (rows, starts, ends)]
    for a in readonly:
        a.flags.writeable = False
    assert unit_ids_rows(doc_ids, *readonly) == want
    assert unit_ids_rows(doc_ids, rows[::2], starts[::2], ends[::2]) == want[::2]  # strided views
    assert unit_ids_rows(doc_ids, rows.astype(np.int32), starts, ends) == want  # another int type is converted
    assert unit_ids_rows(doc_ids, rows[:0], starts[:0], ends[:0]) == []


def test_unit_ids_rows_errors() -> None:
    one = np.zeros(1, dtype=np.int64)
    with pytest.raises(IndexError, match=r"rows\[0\] = 1"):
        unit_ids_rows(["d"], np.ones(1, dtype=np.int64), one, one)
    with pytest.raises(IndexError, match=r"rows\[0\] = -1"):
        unit_ids_rows(["d"], -np.ones(1, dtype=np.int64), one, one)
    with pytest.raises(ValueError, match="1 rows, 2 starts"):
        unit_ids_rows(["d"], one, np.zeros(2, dtype=np.int64), one)
    with pytest.raises(TypeError, match="doc_ids\\[0\\] is int"):
        unit_ids_rows([5], one, one, one)
    with pytest.raises(TypeError, match="starts must be int64"):
        unit_ids_rows(["d"], one, np.array([0.5]), one)
