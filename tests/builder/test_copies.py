"""Pairs in exact duplicate documents are copies of the original's pairs; their labels come from the original."""

from __future__ import annotations

import polars as pl

from stancekit.builder.copies import COPY, copy_pairs, with_copies

UNITS = pl.DataFrame({
    "unit_id": ["a1", "a2", "b1", "b2", "c1"],
    "doc_id": ["A", "A", "B", "B", "C"],
    "start": [0, 10, 0, 10, 0],
    "end": [9, 20, 9, 20, 9],
})
DOCS = pl.DataFrame({"doc_id": ["A", "B", "C"], "duplicate_of": [None, "A", None]})
PAIRS = pl.DataFrame({
    "pair_id": ["pa1x", "pa2x", "pa2y", "pb1x", "pb2y", "pb2z", "pc1x"],
    "unit_id": ["a1", "a2", "a2", "b1", "b2", "b2", "c1"],
    "claim_id": ["x", "x", "y", "x", "y", "z", "x"],
})


def test_copy_pairs_map_each_copy_to_its_original() -> None:
    out = copy_pairs(PAIRS.lazy(), UNITS.lazy(), DOCS.lazy())
    # b1/x copies a1/x, b2/y copies a2/y; b2/z has no original pair (A's unit has no z pair): labelled on its own
    assert out.rows() == [("pb1x", "pa1x"), ("pb2y", "pa2y")]


def test_no_duplicates_no_copies() -> None:
    docs = DOCS.with_columns(pl.lit(None, pl.Utf8).alias("duplicate_of"))
    assert copy_pairs(PAIRS.lazy(), UNITS.lazy(), docs.lazy()).height == 0
    assert copy_pairs(PAIRS.head(0).lazy(), UNITS.lazy(), DOCS.lazy()).height == 0


def test_with_copies_repeats_the_originals_label() -> None:
    labels = pl.DataFrame({"pair_id": ["pa1x", "pa2y", "pb2y"], "label": ["agree", "discuss", "disagree"],
                           "n_annotators": [3, 3, 2], "decided_by": ["vote", "adjudication", "vote"]})
    copies = copy_pairs(PAIRS.lazy(), UNITS.lazy(), DOCS.lazy())
    out = with_copies(labels, copies).sort("pair_id")
    assert out.rows() == [("pa1x", "agree", 3, "vote"), ("pa2y", "discuss", 3, "adjudication"),
                          ("pb1x", "agree", 3, COPY),
                          ("pb2y", "disagree", 2, "vote")]  # a copy that was labelled itself keeps its own label
    assert with_copies(labels.head(0), copies).height == 0
