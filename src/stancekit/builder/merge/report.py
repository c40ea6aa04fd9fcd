"""The agreement report (``reports/agreement.json``): overall, per group (claim, language), per label, per annotator.

Every figure is computed over the main-project votes of every item, before any item is rejected (DESIGN.md), so a
tie or an item with too few votes still counts. Labels (for accuracy against consensus) and gold answers are passed
in separately.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from stancekit.builder.merge.agreement import (
    FLEISS_VARIANT,
    ItemStats,
    bootstrap,
    cohen_kappa,
    pairwise_confusions,
    per_label,
)
from stancekit.builder.merge.protocol import NO_LABEL, FloatArray, IntArray, Votes

MIN_ITEMS = 30
MIN_LABEL_VOTES = 5
SKEW_SHARE = 0.8


def clean(value: Any) -> Any:
    """JSON-ready: NaN and infinities become null, numpy scalars become Python numbers."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return clean(value.tolist())
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        f = float(value)
        return f if math.isfinite(f) else None
    return value


def summary(counts: npt.NDArray[np.int64], *, resamples: int, seed: int) -> dict[str, Any]:
    """Measures with bootstrap intervals for one set of items (their ``(n_items, K)`` vote counts)."""
    stats = ItemStats.from_counts(counts)
    out: dict[str, Any] = dict(stats.measures())
    for key, ci in bootstrap(stats, resamples=resamples, seed=seed).items():
        out[f"{key}_ci"] = ci
    out["n_items"] = int((stats.m >= 1).sum())
    out["n_items_pairable"] = int(stats.pairable.sum())
    out["n_votes"] = int(stats.m.sum())
    out["mean_votes_per_item"] = float(stats.m[stats.m >= 1].mean()) if out["n_items"] else None
    return out


def label_warnings(counts: npt.NDArray[np.int64], labels: tuple[str, ...], where: str = "") -> list[str]:
    prefix = f"{where}: " if where else ""
    warnings: list[str] = []
    n_pairable = int((counts.sum(axis=1) >= 2).sum())
    if n_pairable < MIN_ITEMS:
        warnings.append(f"{prefix}only {n_pairable} item(s) with two or more votes (fewer than {MIN_ITEMS}): "
                        "agreement figures are fragile")
    per_class = counts.sum(axis=0)
    total = int(per_class.sum())
    for lab, n in zip(labels, per_class, strict=True):
        if n < MIN_LABEL_VOTES:
            warnings.append(f"{prefix}label {lab!r} has only {int(n)} vote(s) (fewer than {MIN_LABEL_VOTES}): "
                            "its per-label figures are fragile")
    if total:
        top = int(per_class.argmax())
        share = per_class[top] / total
        if share >= SKEW_SHARE:
            warnings.append(f"{prefix}label {labels[top]!r} takes {share:.0%} of the votes (heavy skew): kappa and "
                            "alpha can be low even when raw agreement is high; read percent agreement beside them")
    return warnings


def pairwise(votes: Votes, annotators: list[str]) -> tuple[list[dict[str, Any]], FloatArray]:
    """Cohen's kappa for every two annotators who share items; and each annotator's mean kappa over their pairs."""
    a, b, conf = pairwise_confusions(votes)
    rows: list[dict[str, Any]] = []
    sums = np.zeros(votes.n_annotators)
    seen = np.zeros(votes.n_annotators)
    for x, y, c in zip(a.tolist(), b.tolist(), conf, strict=True):
        n = int(c.sum())
        kappa = cohen_kappa(c)
        rows.append({"a": annotators[x], "b": annotators[y], "n_items": n, "cohen_kappa": kappa,
                     "percent_agreement": float(np.trace(c)) / n})
        if math.isfinite(kappa):
            sums[[x, y]] += kappa
            seen[[x, y]] += 1
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(seen > 0, sums / np.maximum(seen, 1), np.nan)
    return rows, mean


def _confusion(true: IntArray, given: IntArray, k: int) -> IntArray:
    return np.bincount(true * k + given, minlength=k * k).reshape(k, k).astype(np.int64)


def per_annotator(
    votes: Votes,
    annotators: list[str],
    labels: tuple[str, ...],
    consensus: IntArray,
    gold: IntArray,
    skills: FloatArray | None,
    mean_kappa: FloatArray,
) -> dict[str, Any]:
    """Per annotator: votes, label mix, accuracy against consensus and gold, confusion matrix against consensus."""
    k = votes.n_classes
    ref = consensus[votes.item]
    ref_gold = gold[votes.item]
    out: dict[str, Any] = {}
    order = np.argsort(votes.annotator, kind="stable")
    bounds = np.searchsorted(votes.annotator[order], np.arange(votes.n_annotators + 1))
    for a, name in enumerate(annotators):
        sel = order[bounds[a]:bounds[a + 1]]
        lab = votes.label[sel]
        with_ref = ref[sel] != NO_LABEL
        with_gold = ref_gold[sel] != NO_LABEL
        n_ref, n_gold = int(with_ref.sum()), int(with_gold.sum())
        out[name] = {
            "n_votes": len(sel),
            "label_counts": dict(zip(labels, np.bincount(lab, minlength=k).tolist(), strict=True)),
            "accuracy_vs_consensus": float((lab[with_ref] == ref[sel][with_ref]).mean()) if n_ref else None,
            "n_consensus": n_ref,
            "accuracy_vs_gold": float((lab[with_gold] == ref_gold[sel][with_gold]).mean()) if n_gold else None,
            "n_gold": n_gold,
            "confusion_vs_consensus": {
                "rows": "consensus label", "columns": "this annotator's label", "labels": list(labels),
                "matrix": _confusion(ref[sel][with_ref], lab[with_ref], k).tolist(),
            },
            "cohen_kappa_mean": mean_kappa[a],
            "skill": None if skills is None else skills[a],
        }
    return out


def groups_report(
    counts: npt.NDArray[np.int64], codes: IntArray, names: list[str], labels: tuple[str, ...], *,
    resamples: int, seed: int,
) -> tuple[dict[str, Any], list[str]]:
    """``summary`` for every group (``codes[i]`` is item i's group index into ``names``; -1: none)."""
    out: dict[str, Any] = {}
    small = 0
    for g, name in enumerate(names):
        sub = counts[codes == g]
        entry = summary(sub, resamples=resamples, seed=seed)
        entry["label_counts"] = dict(zip(labels, sub.sum(axis=0).tolist(), strict=True))
        entry["warnings"] = label_warnings(sub, labels)
        small += entry["n_items_pairable"] < MIN_ITEMS
        out[name] = entry
    notes = [f"{small} of {len(names)} group(s) have fewer than {MIN_ITEMS} items with two or more votes"]
    return out, notes if small else []


def build_report(
    votes: Votes,
    *,
    labels: tuple[str, ...],
    annotators: list[str],
    consensus: IntArray,
    gold: IntArray,
    skills: FloatArray | None,
    method: str,
    groups: dict[str, tuple[IntArray, list[str]]],
    resamples: int,
    seed: int,
) -> dict[str, Any]:
    counts = votes.counts()
    overall = summary(counts, resamples=resamples, seed=seed)
    pairs, mean_kappa = pairwise(votes, annotators)
    finite = [p["cohen_kappa"] for p in pairs if math.isfinite(p["cohen_kappa"])]
    overall["cohen_kappa_mean_over_pairs"] = float(np.mean(finite)) if finite else None
    overall["n_annotators"] = votes.n_annotators
    overall["label_counts"] = dict(zip(labels, counts.sum(axis=0).tolist(), strict=True))
    warnings = label_warnings(counts, labels)
    report: dict[str, Any] = {
        "method": method,
        "labels": list(labels),
        "overall": overall,
        "per_label": dict(zip(labels, per_label(counts), strict=True)),
        "per_annotator": per_annotator(votes, annotators, labels, consensus, gold, skills, mean_kappa),
        "pairwise_cohen_kappa": pairs,
    }
    for key, (codes, names) in groups.items():
        report[key], notes = groups_report(counts, codes, names, labels, resamples=resamples, seed=seed)
        warnings += [f"{key}: {n}" for n in notes]
    report["definitions"] = {
        "scope": "main-project votes of every item (each annotator's latest non-skipped annotation), gold and "
                 "adjudication answers excluded, before any item is rejected",
        "krippendorff_alpha": "nominal; items with fewer than two votes are not pairable and do not count",
        "fleiss_kappa": FLEISS_VARIANT + ": Fleiss' kappa generalised to unequal numbers of raters per item "
                        "(Gwet 2014): P_a over items with >= 2 votes, chance from per-item label shares",
        "percent_agreement": "share of agreeing annotator pairs, averaged over items with two or more votes",
        "item_agreement": "labels.agreement: share of the item's votes that match its label",
        "confidence_intervals": f"95% percentile bootstrap over items, {resamples} resamples, seed {seed}",
    }
    report["warnings"] = warnings
    cleaned: dict[str, Any] = clean(report)
    return cleaned
