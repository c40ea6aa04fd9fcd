"""From the ``annotations`` table to the long votes table (item, annotator, label) and the answers that decide.

Rules (DESIGN.md, issue 9):

- Only main-project rows vote (``project_role == "main"``, not ``ground_truth``).
- Skipped annotations (``was_cancelled``) never vote; they are dropped first.
- An annotator counts once per item: their latest remaining annotation (by ``updated_at``, then ``created_at``, then
  ``ls_annotation_id``).
- Ground-truth annotations (``ground_truth``, main project) are gold: the latest one decides its item.
- Adjudication-project answers (``project_role == "adjudication"``): the latest one decides its item.
- A non-skipped annotation without a label, or with a label outside the scheme, votes for nothing and is listed
  (``no_label`` / ``label_not_in_scheme``); so is an annotation without a ``pair_id`` (``no_pair_id``).
- Items whose main-project annotations were all skipped are listed (``only_skipped``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from stancekit.errors import SchemaError

MAIN, ADJUDICATION = "main", "adjudication"
_NEEDED = ("pair_id", "task_key", "ls_annotation_id", "project_role", "annotator", "label", "was_cancelled",
           "ground_truth", "created_at", "updated_at")


@dataclass
class VoteTables:
    main: pl.DataFrame  # pair_id, annotator, label: one vote per (pair, annotator)
    gold: pl.DataFrame  # pair_id, label, annotator: the deciding gold answer per pair
    adjudication: pl.DataFrame  # pair_id, label, annotator: the deciding adjudication answer per pair
    only_skipped: pl.DataFrame  # pair_id: main-project items with no non-skipped annotation
    bad_rows: pl.DataFrame  # reason, key, detail: annotations that could not vote
    stats: dict[str, int] = field(default_factory=dict)


def _latest(df: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    ordered = df.sort(["updated_at", "created_at", "ls_annotation_id"], nulls_last=False)
    return ordered.unique(subset=by, keep="last", maintain_order=True)


def extract_votes(annotations: pl.DataFrame, labels: tuple[str, ...], *, scheme_id: str = "") -> VoteTables:
    """Split ``annotations`` (the ANNOTATIONS table) into votes, gold and adjudication answers."""
    missing = [c for c in _NEEDED if c not in annotations.columns]
    if missing:
        raise SchemaError(f"annotations table: missing column(s) {', '.join(missing)}; re-run `stancekit pull`")
    ann = annotations.select(_NEEDED)
    bad: list[pl.DataFrame] = []
    no_pair = ann.filter(pl.col("pair_id").is_null())
    if no_pair.height:
        bad.append(no_pair.select(
            pl.lit("no_pair_id").alias("reason"), pl.col("task_key").alias("key"),
            pl.format("ls_annotation_id={}: the task has no pair_id (not pushed by stancekit?)",
                      pl.col("ls_annotation_id")).alias("detail"),
        ))
    ann = ann.filter(pl.col("pair_id").is_not_null())
    cancelled = pl.col("was_cancelled").fill_null(False)
    done = ann.filter(~cancelled)
    unlabelled = done.filter(pl.col("label").is_null())
    outside = done.filter(pl.col("label").is_not_null() & ~pl.col("label").is_in(list(labels)))
    scheme = f"{scheme_id} " if scheme_id else ""
    if unlabelled.height:
        bad.append(unlabelled.select(
            pl.lit("no_label").alias("reason"), pl.col("pair_id").alias("key"),
            pl.format("ls_annotation_id={} ({}, {}): submitted without a stance label",
                      pl.col("ls_annotation_id"), pl.col("project_role"), pl.col("annotator")).alias("detail"),
        ))
    if outside.height:
        bad.append(outside.select(
            pl.lit("label_not_in_scheme").alias("reason"), pl.col("pair_id").alias("key"),
            pl.format(f"ls_annotation_id={{}}: label '{{}}' is not in the label scheme {scheme}({', '.join(labels)})",
                      pl.col("ls_annotation_id"), pl.col("label")).alias("detail"),
        ))
    usable = done.filter(pl.col("label").is_in(list(labels)))
    gt = pl.col("ground_truth").fill_null(False)
    is_main = pl.col("project_role") == MAIN
    main_rows = usable.filter(is_main & ~gt)
    main = _latest(main_rows, ["pair_id", "annotator"]).select("pair_id", "annotator", "label")
    gold = _latest(usable.filter(is_main & gt), ["pair_id"]).select("pair_id", "label", "annotator")
    adjudication = _latest(usable.filter(pl.col("project_role") == ADJUDICATION), ["pair_id"]).select(
        "pair_id", "label", "annotator"
    )
    skipped_items = ann.filter(is_main & ~gt & cancelled).select("pair_id").unique()  # few: only these can qualify
    only_skipped = skipped_items.join(done.filter(is_main).select("pair_id"), on="pair_id", how="anti")
    other_roles = ann.filter(~pl.col("project_role").is_in([MAIN, ADJUDICATION]))
    if other_roles.height:
        roles = ", ".join(sorted(other_roles["project_role"].unique().to_list()))
        raise SchemaError(f"annotations table: unknown project_role value(s) {roles}; expected main or adjudication")
    bad_rows = pl.concat(bad) if bad else pl.DataFrame(schema={"reason": pl.Utf8, "key": pl.Utf8, "detail": pl.Utf8})
    stats = {
        "n_annotation_rows": annotations.height,
        "n_skipped": int(ann.filter(cancelled).height),
        "n_superseded": main_rows.height - main.height,
        "n_votes": main.height,
        "n_gold": gold.height,
        "n_adjudicated": adjudication.height,
        "n_unusable": bad_rows.height,
    }
    return VoteTables(main.sort("pair_id", "annotator"), gold.sort("pair_id"), adjudication.sort("pair_id"),
                      only_skipped.sort("pair_id"), bad_rows, stats)
