"""Majority vote with an explicit tie policy (``majority_vote.v1``)."""

from __future__ import annotations

from typing import Literal

import numpy as np

from stancekit.builder.merge.protocol import NO_LABEL, FloatArray, IntArray, Votes

TiePolicy = Literal["adjudicate", "first"]
TIE_POLICIES: tuple[str, ...] = ("adjudicate", "first")


class MajorityVote:
    """The label with the most votes.

    ``tie_policy``: ``"adjudicate"`` (default) leaves a tied item without a label (``-1``) so it goes to
    adjudication; ``"first"`` takes the tied label that comes first in label-scheme order. Items without votes get
    no label either way.

    Fitted attributes: ``counts_`` (votes per class, ``(n_items, n_classes)``), ``probas_`` (vote shares; uniform
    for an item without votes), ``ties_`` (boolean per item), ``skills_`` (per annotator: share of their votes on
    labelled items that match the majority label; NaN for an annotator with no such vote).
    """

    name = "majority_vote.v1"

    def __init__(self, tie_policy: TiePolicy = "adjudicate") -> None:
        if tie_policy not in TIE_POLICIES:
            raise ValueError(f"tie_policy must be one of {', '.join(TIE_POLICIES)}, got {tie_policy!r}")
        self.tie_policy = tie_policy

    def fit_predict(self, votes: Votes) -> IntArray:
        cc = votes.class_counts()  # (K, N): per-class rows keep every step below a contiguous vector op
        top = cc[0].copy()
        labels = np.zeros(votes.n_items, dtype=np.int64)
        for k in range(1, votes.n_classes):
            better = cc[k] > top
            labels[better] = k
            np.maximum(top, cc[k], out=top)
        n_top = np.zeros(votes.n_items, dtype=np.int64)
        for k in range(votes.n_classes):
            n_top += cc[k] == top
        total = cc.sum(axis=0)
        ties = (n_top > 1) & (total > 0)
        labels[total == 0] = NO_LABEL
        if self.tie_policy == "adjudicate":
            labels[ties] = NO_LABEL
        with np.errstate(invalid="ignore", divide="ignore"):
            probas = np.where(total > 0, cc / np.maximum(total, 1), 1.0 / votes.n_classes).T
        self.counts_: IntArray = cc.T
        self.probas_: FloatArray = np.ascontiguousarray(probas)
        self.ties_ = ties
        self.labels_: IntArray = labels
        self.skills_: FloatArray = agreement_with(votes, labels)
        return labels


def agreement_with(votes: Votes, labels: IntArray) -> FloatArray:
    """Per annotator: the share of their votes on items with a label that match it (NaN when they have none)."""
    ref = labels[votes.item]
    decided = ref != NO_LABEL
    hits = np.bincount(votes.annotator, weights=(decided & (votes.label == ref)).astype(np.float64),
                       minlength=votes.n_annotators)
    seen = np.bincount(votes.annotator, weights=decided.astype(np.float64), minlength=votes.n_annotators)
    with np.errstate(invalid="ignore", divide="ignore"):
        skills: FloatArray = np.where(seen > 0, hits / np.maximum(seen, 1.0), np.nan)
    return skills
