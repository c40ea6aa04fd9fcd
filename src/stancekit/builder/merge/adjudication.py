"""Choosing items for adjudication and the per-item vote summary an adjudicator sees (the pure part).

An item goes to adjudication when merge left it tied (reject reason ``tie_undecided``) or when its label came from
the vote with an item agreement below ``[merge] adjudicate_below``. Items decided by gold or by an earlier
adjudication, and items already pushed to the adjudication project, are not chosen again. The adjudicator sees every
vote with the annotator's pseudonym (never an e-mail), the tally and the label the vote gave, if any.
"""

from __future__ import annotations

import polars as pl

TIE, LOW = "tie", "low_agreement"
SUMMARY_SCHEMA: dict[str, pl.DataType] = {
    "pair_id": pl.Utf8(), "reason": pl.Utf8(), "agreement": pl.Float64(), "current_label": pl.Utf8(),
    "votes": pl.List(pl.Struct({"annotator": pl.Utf8, "label": pl.Utf8})), "tally": pl.Utf8(),
    "vote_summary": pl.Utf8(),
}


def select_for_adjudication(
    labels: pl.DataFrame, rejects: pl.DataFrame, *, below: float, already: pl.Series | None = None
) -> pl.DataFrame:
    """``pair_id, reason (tie | low_agreement), agreement, current_label``, ties first, then lowest agreement."""
    ties = rejects.filter(pl.col("reason") == "tie_undecided").select(
        pl.col("key").alias("pair_id"), pl.lit(TIE).alias("reason"), pl.lit(None, pl.Float64).alias("agreement"),
        pl.lit(None, pl.Utf8).alias("current_label"),
    )
    low = labels.filter((pl.col("decided_by") == "vote") & (pl.col("agreement") < below)).select(
        "pair_id", pl.lit(LOW).alias("reason"), pl.col("agreement").cast(pl.Float64),
        pl.col("label").alias("current_label"),
    )
    chosen = pl.concat([ties, low]).unique("pair_id", keep="first", maintain_order=True)
    if already is not None and len(already):
        chosen = chosen.filter(~pl.col("pair_id").is_in(already.cast(pl.Utf8).implode()))
    order = pl.when(pl.col("reason") == TIE).then(0).otherwise(1)
    return chosen.sort([order, pl.col("agreement").fill_null(-1.0), pl.col("pair_id")])


def vote_summary(chosen: pl.DataFrame, votes: pl.DataFrame, labels: tuple[str, ...]) -> pl.DataFrame:
    """Every chosen item with its votes: a list of (annotator, label), a tally in scheme order and one line of text.

    ``votes``: the long main-project votes (``pair_id, annotator, label``; ``VoteTables.main``).
    """
    if chosen.height == 0:
        return pl.DataFrame(schema=SUMMARY_SCHEMA)
    mine = votes.join(chosen.select("pair_id"), on="pair_id", how="semi")
    rank = {lab: i for i, lab in enumerate(labels)}
    grouped = (
        mine.with_columns(pl.col("label").replace_strict(rank, return_dtype=pl.Int32).alias("_rank"))
        .sort("pair_id", "_rank", "annotator")
        .group_by("pair_id", maintain_order=True)
        .agg(pl.struct("annotator", "label").alias("votes"))
    )
    out = chosen.join(grouped, on="pair_id", how="left")
    tallies, texts = [], []
    for item_votes in out["votes"].to_list():
        by_label: dict[str, list[str]] = {}
        for v in item_votes or []:
            by_label.setdefault(v["label"], []).append(v["annotator"])
        tallies.append(", ".join(f"{lab} {len(by_label[lab])}" for lab in labels if lab in by_label))
        texts.append("; ".join(f"{lab}: {', '.join(by_label[lab])}" for lab in labels if lab in by_label))
    return out.with_columns(pl.Series("tally", tallies, dtype=pl.Utf8), pl.Series("vote_summary", texts, dtype=pl.Utf8))
