"""Pairs that are copies: the same sentence and claim in a document that exactly duplicates another.

News wires are republished word for word by many outlets; ingest records such a document's first copy in
``duplicate_of``. Its units have the same offsets and text as the original's, so each of its pairs has an original
pair (the original document's unit at the same offsets, with the same claim). Push labels the original only
(``[push] duplicates = copy``, the default) and merge gives each copy its original's label (``decided_by = "copy"``):
one sentence is labelled once, and the copies still count for claim tracking and reach the dataset (the split keeps
a document and its duplicates in one group).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from stancekit.io import scan_table, table_exists

if TYPE_CHECKING:
    from stancekit.campaign import Campaign

COPY = "copy"
"""``labels.decided_by`` of a label taken from the pair this one copies."""

SCHEMA = {"pair_id": pl.Utf8, "original_pair_id": pl.Utf8}


def copy_pairs(pairs: pl.LazyFrame, units: pl.LazyFrame, documents: pl.LazyFrame) -> pl.DataFrame:
    """``pair_id, original_pair_id`` for each pair of ``pairs`` (pair_id, unit_id, claim_id) whose unit is in a
    document with ``duplicate_of`` set and whose original pair is in ``pairs`` too. ``units`` (unit_id, doc_id,
    start, end) and ``documents`` (doc_id, duplicate_of) are scans: only the duplicate documents, their units and
    their originals' are read, so memory follows the duplicates, not the corpus."""
    if "duplicate_of" not in documents.collect_schema().names():  # a hand-made table without the column
        return pl.DataFrame(schema=SCHEMA)
    dups = (documents.select("doc_id", "duplicate_of").filter(pl.col("duplicate_of").is_not_null()
                                                              & (pl.col("duplicate_of") != pl.col("doc_id")))
            .collect())
    if not dups.height:
        return pl.DataFrame(schema=SCHEMA)
    spans = units.select("unit_id", "doc_id", "start", "end")
    copied = spans.join(dups.lazy(), on="doc_id").collect()  # the duplicates' units
    originals = (spans.join(dups.select(pl.col("duplicate_of").alias("doc_id")).unique().lazy(), on="doc_id",
                            how="semi")
                 .select(pl.col("unit_id").alias("original_unit_id"), pl.col("doc_id").alias("duplicate_of"),
                         "start", "end").collect())
    unit_map = copied.join(originals, on=["duplicate_of", "start", "end"]).select("unit_id", "original_unit_id")
    if not unit_map.height:
        return pl.DataFrame(schema=SCHEMA)
    keyed = pairs.select("pair_id", "unit_id", "claim_id")
    mine = keyed.join(unit_map.lazy(), on="unit_id").collect()
    theirs = (keyed.join(unit_map.select(pl.col("original_unit_id").alias("unit_id")).unique().lazy(), on="unit_id",
                         how="semi")
              .select(pl.col("pair_id").alias("original_pair_id"), pl.col("unit_id").alias("original_unit_id"),
                      "claim_id").collect())
    return (mine.join(theirs, on=["original_unit_id", "claim_id"]).select("pair_id", "original_pair_id")
            .sort("pair_id"))


def campaign_copies(campaign: Campaign, pairs: pl.DataFrame | None = None) -> pl.DataFrame:
    """``pair_id, original_pair_id`` of the pairs (``pairs``, else the pairs table) in exact duplicate documents
    (:mod:`stancekit.builder.copies`)."""
    tables = [campaign.table(t) for t in ("units", "documents")] + ([] if pairs is not None else
                                                                    [campaign.table("pairs")])
    if not all(table_exists(t) for t in tables):
        return pl.DataFrame(schema=SCHEMA)
    scan = pairs.lazy() if pairs is not None else scan_table(campaign.table("pairs"))
    return copy_pairs(scan, scan_table(campaign.table("units")), scan_table(campaign.table("documents")))


def with_copies(labels: pl.DataFrame, copies: pl.DataFrame) -> pl.DataFrame:
    """``labels`` plus, for each copy without a label of its own, its original's label (``decided_by = copy``)."""
    if not copies.height or not labels.height:
        return labels
    todo = copies.filter(~pl.col("pair_id").is_in(labels["pair_id"].implode()))
    copied = (todo.join(labels.rename({"pair_id": "original_pair_id"}), on="original_pair_id")
              .drop("original_pair_id").with_columns(pl.lit(COPY).alias("decided_by")))
    return pl.concat([labels, copied.select(labels.columns)], how="vertical_relaxed") if copied.height else labels
