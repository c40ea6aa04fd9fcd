"""Tracking counts on literal tables: one mention per pair, per period, outlet and speaker; stance counts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import polars as pl
import pytest

from stancekit.builder.track import count_mentions


def tables() -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    def ts(day: str) -> datetime:
        return datetime.fromisoformat(day).replace(tzinfo=UTC)

    docs = pl.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"], "outlet": ["a", "b", "a", None],
                         "published_at": [ts("2021-11-01"), ts("2021-11-07"), ts("2021-11-08"), None]})
    units = pl.DataFrame({"unit_id": ["u1", "u2", "u3", "u4", "u5"], "doc_id": ["d1", "d1", "d2", "d3", "d4"],
                          "speaker": ["x", None, "x", "y", None]})
    pairs = pl.DataFrame({"pair_id": ["p1", "p2", "p3", "p4", "p5", "p6"],
                          "unit_id": ["u1", "u2", "u3", "u4", "u5", "u1"],
                          "claim_id": ["c", "c", "c", "c", "c", "k"]})
    return pairs, units, docs


def test_weekly_counts() -> None:
    pairs, units, docs = tables()
    m = count_mentions(pairs.lazy(), units.lazy(), docs.lazy(), by="week").collect()
    got = {(r["claim_id"], r["period"], r["outlet"], r["speaker"]): r["mentions"] for r in m.iter_rows(named=True)}
    assert got == {
        ("c", "2021-11-01", "a", "x"): 1, ("c", "2021-11-01", "a", None): 1, ("c", "2021-11-01", "b", "x"): 1,
        ("c", "2021-11-08", "a", "y"): 1, ("c", "undated", None, None): 1, ("k", "2021-11-01", "a", "x"): 1,
    }
    assert m.filter(pl.col("period") == "2021-11-08")["period_start"].to_list() == [date(2021, 11, 8)]


def test_monthly_and_daily() -> None:
    pairs, units, docs = tables()
    month = count_mentions(pairs.lazy(), units.lazy(), docs.lazy(), by="month").collect()
    assert month.filter(pl.col("claim_id") == "c").group_by("period").agg(pl.col("mentions").sum()).sort(
        "period").rows() == [("2021-11-01", 4), ("undated", 1)]
    day = count_mentions(pairs.lazy(), units.lazy(), docs.lazy(), by="day").collect()
    assert sorted(set(day["period"])) == ["2021-11-01", "2021-11-07", "2021-11-08", "undated"]
    with pytest.raises(ValueError, match="by must be"):
        count_mentions(pairs.lazy(), units.lazy(), docs.lazy(), by="year")


def test_stance_counts_and_undated_order() -> None:
    pairs, units, docs = tables()
    labels = pl.DataFrame({"pair_id": ["p1", "p2", "p3"], "label": ["agree", "disagree", "agree"]})
    m = count_mentions(pairs.lazy(), units.lazy(), docs.lazy(), labels=labels.lazy(),
                       label_names=["agree", "disagree", "discuss", "unrelated"]).collect()
    c = m.filter(pl.col("claim_id") == "c").select(pl.col("mentions", "agree", "disagree", "discuss",
                                                          "unlabelled").sum()).row(0)
    assert c == (5, 2, 1, 0, 2)
    undated = docs.with_columns(pl.lit(None, pl.Datetime("us", "UTC")).alias("published_at")).with_row_index(
        "doc_order")
    m = count_mentions(pairs.lazy(), units.lazy(), undated.lazy(), dated=False).collect()
    assert m.filter(pl.col("claim_id") == "c").group_by("period").agg(pl.col("mentions").sum()).sort(
        "period").rows() == [("doc-000001", 2), ("doc-000002", 1), ("doc-000003", 1), ("doc-000004", 1)]
