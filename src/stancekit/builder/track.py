"""Claim tracking: mentions per claim, period, outlet and speaker (+ stance counts once labels exist).

One mention per pair. Works on lazy frames (polars scans of the tables), so a campaign of any size is aggregated with
bounded memory by the streaming engine. Periods are the start of the day, ISO week (Monday) or month of the
document's ``published_at``; documents without a date fall in the period ``undated``. When no document has a date,
periods follow the document order instead (``doc-000001``, ... in the order of the documents table).
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

PERIODS = {"day": "1d", "week": "1w", "month": "1mo"}
UNDATED = "undated"

MENTIONS_SCHEMA: dict[str, pl.DataType | type[pl.DataType]] = {
    "claim_id": pl.Utf8,
    "period": pl.Utf8,
    "period_start": pl.Date,
    "outlet": pl.Utf8,
    "speaker": pl.Utf8,
    "mentions": pl.Int64,
}


def count_mentions(pairs: pl.LazyFrame, units: pl.LazyFrame, documents: pl.LazyFrame, *, by: str = "week",
                   labels: pl.LazyFrame | None = None, label_names: Sequence[str] = (),
                   dated: bool = True) -> pl.LazyFrame:
    """The mentions table (lazy): claim_id, period, period_start, outlet, speaker, mentions (+ one count per label).

    ``documents`` must carry a ``doc_order`` column (its row order) when ``dated`` is False.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, got {by!r}")
    p = pairs.select("pair_id", "unit_id", "claim_id")
    u = units.select("unit_id", "doc_id", "speaker")
    doc_cols = ["doc_id", "outlet", "published_at"] + ([] if dated else ["doc_order"])
    d = documents.select(doc_cols)
    rows = p.join(u, on="unit_id", how="left").join(d, on="doc_id", how="left")
    if dated:
        start = pl.col("published_at").dt.truncate(PERIODS[by]).dt.date()
        rows = rows.with_columns(start.alias("period_start")).with_columns(
            pl.when(pl.col("period_start").is_null()).then(pl.lit(UNDATED))
            .otherwise(pl.col("period_start").dt.strftime("%Y-%m-%d")).alias("period"))
    else:
        rows = rows.with_columns(
            pl.lit(None, pl.Date).alias("period_start"),
            pl.when(pl.col("doc_order").is_null()).then(pl.lit(UNDATED))
            .otherwise(pl.format("doc-{}", pl.col("doc_order").add(1).cast(pl.Utf8).str.zfill(6))).alias("period"))
    aggs: list[pl.Expr] = [pl.len().cast(pl.Int64).alias("mentions")]
    if labels is not None:
        rows = rows.join(labels.select("pair_id", "label"), on="pair_id", how="left")
        aggs += [(pl.col("label") == name).sum().cast(pl.Int64).alias(name) for name in label_names]
        aggs.append(pl.col("label").is_null().sum().cast(pl.Int64).alias("unlabelled"))
    keys = ["claim_id", "period", "period_start", "outlet", "speaker"]
    return rows.group_by(keys).agg(aggs).sort(keys, nulls_last=True)


def period_totals(mentions: pl.DataFrame, claim_id: str, columns: Sequence[str] = ("mentions",)) -> pl.DataFrame:
    """One claim's counts summed per period (in period order)."""
    return (mentions.filter(pl.col("claim_id") == claim_id).group_by("period")
            .agg([pl.col(c).sum() for c in columns]).sort("period"))
