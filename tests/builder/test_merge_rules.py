"""The merge rules on tiny literal annotation tables: who votes, which version counts, who decides, what is rejected."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import polars as pl
import pytest

from stancekit.builder.merge import extract_votes, merge_labels
from stancekit.errors import ConfigError, SchemaError
from stancekit.schemas import ANNOTATIONS, DEFAULT_SCHEME, conform

LABELS = DEFAULT_SCHEME.labels


def t(minute: int) -> datetime:
    return datetime(2026, 1, 1, 12, minute, tzinfo=UTC)


def table(*rows: tuple[Any, ...]) -> pl.DataFrame:
    """Rows: (pair_id, annotator, label, updated minute[, role[, was_cancelled[, ground_truth]]])."""
    out = []
    for i, r in enumerate(rows):
        pair, who, label, minute, *rest = r
        role = rest[0] if len(rest) > 0 else "main"
        cancelled = rest[1] if len(rest) > 1 else label is None
        gt = rest[2] if len(rest) > 2 else False
        out.append({
            "pair_id": pair, "task_key": f"t-{pair}", "ls_task_id": 1, "ls_annotation_id": 100 + i,
            "project_role": role, "annotator": who, "label": label, "flags": None, "note": None,
            "was_cancelled": cancelled, "ground_truth": gt, "lead_time": 2.0, "created_at": t(minute),
            "updated_at": t(minute),
        })
    frame = pl.DataFrame(out) if out else ANNOTATIONS.empty()
    return conform(frame, "annotations")


def merged(ann: pl.DataFrame, **kw: Any) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, Any]]:
    kw.setdefault("bootstrap", 0)
    return merge_labels(ann, scheme=DEFAULT_SCHEME, **kw)


def row(labels: pl.DataFrame, pair: str) -> dict[str, Any]:
    return labels.filter(pl.col("pair_id") == pair).row(0, named=True)


def test_skipped_never_votes() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "b", None, 2), ("p1", "c", "agree", 3))
    labels, _, report = merged(ann)
    r = row(labels, "p1")
    assert r["votes"] == [2, 0, 0, 0]
    assert r["n_annotators"] == 2
    assert report["input"]["n_skipped"] == 1


def test_skipped_with_a_leftover_label_still_does_not_vote() -> None:
    # a skip that still carries a label (was_cancelled wins)
    ann = table(("p1", "a", "agree", 1), ("p1", "b", "disagree", 2, "main", True))
    labels, _, _ = merged(ann)
    assert row(labels, "p1")["votes"] == [1, 0, 0, 0]


def test_latest_version_counts_once() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "a", "disagree", 5), ("p1", "a", "agree", 3),
                ("p1", "b", "disagree", 2))
    votes = extract_votes(ann, LABELS).main
    assert votes.rows() == [("p1", "a", "disagree"), ("p1", "b", "disagree")]
    labels, _, report = merged(ann)
    assert row(labels, "p1")["votes"] == [0, 2, 0, 0]
    assert report["input"]["n_superseded"] == 2


def test_gold_decides() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "b", "agree", 2), ("p1", "m", "unrelated", 3, "main", False, True))
    labels, _, report = merged(ann)
    r = row(labels, "p1")
    assert (r["label"], r["decided_by"]) == ("unrelated", "gold")
    assert r["votes"] == [2, 0, 0, 0]  # gold is not a vote
    assert r["agreement"] == 0.0
    assert report["overall"]["n_votes"] == 2


def test_adjudication_decides_a_tie() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "b", "disagree", 2), ("p1", "z", "disagree", 9, "adjudication"))
    labels, rejects, report = merged(ann)
    r = row(labels, "p1")
    assert (r["label"], r["decided_by"], r["n_annotators"]) == ("disagree", "adjudication", 2)
    assert rejects.height == 0
    assert report["overall"]["n_votes"] == 2  # adjudication answers are not votes


def test_latest_adjudication_answer_decides() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "y", "agree", 9, "adjudication"),
                ("p1", "z", "discuss", 10, "adjudication"))
    assert row(merged(ann)[0], "p1")["label"] == "discuss"


def test_gold_wins_over_adjudication() -> None:
    ann = table(("p1", "z", "discuss", 9, "adjudication"), ("p1", "m", "agree", 3, "main", False, True))
    labels, _, _ = merged(ann)
    r = row(labels, "p1")
    assert (r["label"], r["decided_by"], r["n_annotators"]) == ("agree", "gold", 0)
    assert r["soft_label"] == [1.0, 0.0, 0.0, 0.0]  # decided without votes: one-hot
    assert r["agreement"] is None


def test_tie_is_rejected_by_default_and_first_policy_labels_it() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "b", "disagree", 2), ("p2", "a", "agree", 1))
    labels, rejects, report = merged(ann)
    assert labels["pair_id"].to_list() == ["p2"]
    assert rejects.select("reason", "key").rows() == [("tie_undecided", "p1")]
    assert report["overall"]["n_ties"] == 1
    labels, rejects, _ = merged(ann, tie_policy="first")
    assert row(labels, "p1")["label"] == "agree"  # first in scheme order
    assert rejects.height == 0


def test_min_annotators_rejects() -> None:
    ann = table(("p1", "a", "agree", 1), ("p2", "a", "agree", 1), ("p2", "b", "agree", 2))
    labels, rejects, _ = merged(ann, min_annotators=2)
    assert labels["pair_id"].to_list() == ["p2"]
    assert rejects.select("reason", "key").rows() == [("too_few_annotators", "p1")]
    assert "min_annotators = 2" in rejects["detail"][0]


def test_only_skipped_is_rejected() -> None:
    ann = table(("p1", "a", None, 1), ("p1", "b", None, 2), ("p2", "a", "discuss", 1))
    labels, rejects, _ = merged(ann)
    assert labels["pair_id"].to_list() == ["p2"]
    assert rejects.select("reason", "key").rows() == [("only_skipped", "p1")]


def test_only_skipped_but_gold_decides() -> None:
    ann = table(("p1", "a", None, 1), ("p1", "m", "agree", 2, "main", False, True))
    labels, rejects, _ = merged(ann)
    assert row(labels, "p1")["decided_by"] == "gold"
    assert rejects.height == 0


def test_label_outside_the_scheme_does_not_vote_and_is_listed() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "b", "other", 2))
    labels, rejects, _ = merged(ann)
    assert row(labels, "p1")["votes"] == [1, 0, 0, 0]
    bad = rejects.filter(pl.col("reason") == "label_not_in_scheme")
    assert bad["key"].to_list() == ["p1"]
    assert "ls_annotation_id=101" in bad["detail"][0] and "'other'" in bad["detail"][0]


def test_labels_conform_and_are_sorted_with_evidence() -> None:
    ann = table(("p2", "a", "agree", 1), ("p2", "b", "agree", 1), ("p2", "c", "unrelated", 1),
                ("p1", "a", "discuss", 1))
    labels, _, _ = merged(ann)
    conform(labels, "labels")
    assert labels["pair_id"].to_list() == ["p1", "p2"]
    r = row(labels, "p2")
    assert r["votes"] == [2, 0, 0, 1]
    assert r["soft_label"] == pytest.approx([2 / 3, 0, 0, 1 / 3])
    assert r["agreement"] == pytest.approx(2 / 3)
    assert (r["method"], r["decided_by"]) == ("majority_vote.v1", "vote")


def test_per_claim_and_language_breakdowns() -> None:
    ann = table(("p1", "a", "agree", 1), ("p1", "b", "agree", 1), ("p2", "a", "agree", 1), ("p2", "b", "discuss", 1))
    meta = pl.DataFrame({"pair_id": ["p1", "p2"], "claim_id": ["c1", "c2"], "lang": ["ar", "ar"]})
    _, _, report = merged(ann, pairs_meta=meta)
    assert report["per_claim"]["c1"]["percent_agreement"] == 1.0
    assert report["per_claim"]["c2"]["percent_agreement"] == 0.0
    assert report["per_language"]["ar"]["n_items"] == 2


def test_bad_inputs() -> None:
    ann = table(("p1", "a", "agree", 1))
    with pytest.raises(SchemaError, match="missing column"):
        merged(ann.drop("was_cancelled"))
    with pytest.raises(ConfigError, match="min_annotators"):
        merged(ann, min_annotators=0)
    with pytest.raises(ConfigError, match="unknown merge method"):
        merged(ann, method="mace")
    with pytest.raises(SchemaError, match="project_role"):
        merged(ann.with_columns(pl.lit("review").alias("project_role")))


def test_no_annotations_at_all() -> None:
    labels, rejects, report = merged(table())
    assert labels.height == 0 and rejects.height == 0
    assert report["overall"]["krippendorff_alpha"] is None


def test_adjudication_chooses_ties_and_low_agreement_and_shows_every_vote() -> None:
    from stancekit.builder.merge.adjudication import select_for_adjudication, vote_summary

    ann = table(
        ("p1", "a", "agree", 1), ("p1", "b", "disagree", 1),  # tie
        ("p2", "a", "agree", 1), ("p2", "b", "discuss", 1), ("p2", "c", "unrelated", 1), ("p2", "d", "agree", 1),
        ("p3", "a", "agree", 1), ("p3", "b", "agree", 1), ("p3", "c", "discuss", 1),  # 2/3 agree: not below 0.6
        ("p4", "a", "agree", 1), ("p4", "b", "discuss", 1), ("p4", "m", "discuss", 2, "main", False, True),  # gold
        ("p5", "a", "agree", 1), ("p5", "b", "discuss", 1),  # tie already pushed
    )
    labels, rejects, _ = merged(ann)
    chosen = select_for_adjudication(labels, rejects, below=0.6, already=pl.Series(["p5"]))
    assert chosen.select("pair_id", "reason", "agreement").rows() == [("p1", "tie", None), ("p2", "low_agreement", 0.5)]
    shown = vote_summary(chosen, extract_votes(ann, LABELS).main, LABELS)
    p1 = shown.row(0, named=True)
    assert p1["votes"] == [{"annotator": "a", "label": "agree"}, {"annotator": "b", "label": "disagree"}]
    assert p1["tally"] == "agree 1, disagree 1"
    assert shown.row(1, named=True)["vote_summary"] == "agree: a, d; discuss: b; unrelated: c"
    assert vote_summary(chosen.head(0), extract_votes(ann, LABELS).main, LABELS).height == 0
