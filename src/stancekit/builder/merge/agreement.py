"""Agreement measures over integer-coded votes (``Votes``): nominal labels, missing votes allowed.

Everything is computed from the per-item count matrix ``n[i, k]`` (votes for class ``k`` on item ``i``;
``m_i = sum_k n[i, k]``), so each measure is a few vector operations, and a bootstrap over items is a weighted sum.

- Krippendorff's alpha (nominal): coincidences from items with at least two votes ("pairable"),
  ``alpha = 1 - (N - 1) * (N - sum_k o_kk) / (N^2 - sum_k N_k^2)`` with ``o_kk = sum_i n_ik (n_ik - 1) / (m_i - 1)``,
  ``N_k = sum_i n_ik`` and ``N = sum_k N_k`` over pairable items (Krippendorff 2011, "Computing Krippendorff's
  alpha-reliability"). Equal to ``krippendorff.alpha(..., level_of_measurement="nominal")``.
- Fleiss' kappa, generalised to unequal numbers of raters per item as in Gwet (2014, *Handbook of Inter-Rater
  Reliability*, 4th ed., ch. 2; R ``irrCAC::fleiss.kappa.raw`` without its small-sample correction):
  ``P_a`` = mean over items with ``m_i >= 2`` of ``sum_k n_ik (n_ik - 1) / (m_i (m_i - 1))``;
  ``pi_k`` = mean over items with ``m_i >= 1`` of ``n_ik / m_i``; ``P_e = sum_k pi_k^2``;
  ``kappa = (P_a - P_e) / (1 - P_e)``. With the same number of raters on every item this is Fleiss (1971).
- Percent agreement: ``P_a`` above (the share of agreeing annotator pairs, averaged over items).
- Pairwise Cohen's kappa: for every two annotators who share items, on those items.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from stancekit.builder.merge.protocol import FloatArray, IntArray, Votes

FLEISS_VARIANT = "fleiss_gwet2014_unequal_raters"
NAN = float("nan")


@dataclass(frozen=True)
class ItemStats:
    """Per-item sufficient statistics; every measure here is a ratio of (weighted) sums of these columns."""

    counts: FloatArray  # (n_items, K) votes per class
    m: FloatArray  # votes per item
    pairable: FloatArray  # 1.0 where m >= 2
    diag: FloatArray  # sum_k n_ik (n_ik - 1) / (m - 1) on pairable items (o_kk summed over k)
    p_item: FloatArray  # sum_k n_ik (n_ik - 1) / (m (m - 1)) on pairable items
    shares: FloatArray  # (n_items, K) n_ik / m where m >= 1

    @classmethod
    def from_counts(cls, counts: npt.ArrayLike) -> ItemStats:
        c = np.asarray(counts, dtype=np.float64)
        m = c.sum(axis=1)
        pairable = (m >= 2).astype(np.float64)
        same = (c * (c - 1)).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            diag = np.where(m >= 2, same / np.maximum(m - 1, 1), 0.0)
            p_item = np.where(m >= 2, same / np.maximum(m * (m - 1), 1), 0.0)
            shares = np.where(m[:, None] >= 1, c / np.maximum(m, 1)[:, None], 0.0)
        return cls(c, m, pairable, diag, p_item, shares)

    def measures(self, weights: FloatArray | None = None) -> dict[str, float]:
        """alpha, Fleiss' kappa and percent agreement, optionally with item weights (bootstrap)."""
        w = np.ones(len(self.m)) if weights is None else weights
        wp = w * self.pairable
        nk = wp @ self.counts
        n = float(nk.sum())
        expected = n * n - float((nk * nk).sum())
        alpha = 1.0 - (n - 1.0) * (n - float(wp @ self.diag)) / expected if n > 1 and expected > 0 else NAN
        n_pairable = float(wp.sum())
        p_a = float(w @ self.p_item) / n_pairable if n_pairable > 0 else NAN
        rated = w * (self.m >= 1)
        n_rated = float(rated.sum())
        if n_rated > 0 and n_pairable > 0:
            pi = (rated @ self.shares) / n_rated
            p_e = float((pi * pi).sum())
            fleiss = (p_a - p_e) / (1.0 - p_e) if p_e < 1.0 else NAN
        else:
            fleiss = NAN
        return {"krippendorff_alpha": alpha, "fleiss_kappa": fleiss, "percent_agreement": p_a}


def krippendorff_alpha(counts: npt.ArrayLike) -> float:
    """Krippendorff's alpha (nominal) from an ``(n_items, n_classes)`` count matrix; NaN when undefined."""
    return ItemStats.from_counts(counts).measures()["krippendorff_alpha"]


def fleiss_kappa(counts: npt.ArrayLike) -> float:
    """Fleiss' kappa (Gwet's generalisation to unequal raters) from a count matrix; NaN when undefined."""
    return ItemStats.from_counts(counts).measures()["fleiss_kappa"]


def percent_agreement(counts: npt.ArrayLike) -> float:
    return ItemStats.from_counts(counts).measures()["percent_agreement"]


def bootstrap(
    stats: ItemStats, *, resamples: int, seed: int, confidence: float = 0.95
) -> dict[str, list[float] | None]:
    """Percentile confidence intervals of every measure, resampling items with replacement (seeded)."""
    n = len(stats.m)
    names = ("krippendorff_alpha", "fleiss_kappa", "percent_agreement")
    if resamples <= 0 or n < 2:
        return dict.fromkeys(names)
    rng = np.random.default_rng(seed)
    draws: dict[str, list[float]] = {k: [] for k in names}
    for _ in range(resamples):
        w = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)
        for k, v in stats.measures(w).items():
            draws[k].append(v)
    lo, hi = 100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2
    out: dict[str, list[float] | None] = {}
    for k, vals in draws.items():
        arr = np.asarray(vals)
        arr = arr[np.isfinite(arr)]
        out[k] = [float(np.percentile(arr, lo)), float(np.percentile(arr, hi))] if len(arr) else None
    return out


def cohen_kappa(confusion: npt.ArrayLike) -> float:
    """Cohen's kappa from a two-rater ``(K, K)`` confusion matrix; NaN when chance agreement is 1."""
    c = np.asarray(confusion, dtype=np.float64)
    n = c.sum()
    if n == 0:
        return NAN
    p_o = np.trace(c) / n
    p_e = float((c.sum(axis=0) * c.sum(axis=1)).sum()) / (n * n)
    return float((p_o - p_e) / (1 - p_e)) if p_e < 1 else NAN


def pairwise_confusions(votes: Votes) -> tuple[IntArray, IntArray, IntArray]:
    """For every ordered pair of annotators a < b who share items: (a, b, confusion (pairs, K, K)).

    ``confusion[p, x, y]`` counts shared items where ``a`` said ``x`` and ``b`` said ``y``.
    """
    k = votes.n_classes
    order = np.lexsort((votes.annotator, votes.item))
    item, ann, lab = votes.item[order], votes.annotator[order], votes.label[order]
    firsts: list[IntArray] = []
    seconds: list[IntArray] = []
    # Votes are sorted by item then annotator; pair each vote with the vote `gap` places later on the same item.
    gap = 1
    while gap < len(item):
        same = item[gap:] == item[:-gap]
        if not same.any():
            break
        idx = np.flatnonzero(same)
        firsts.append(idx)
        seconds.append(idx + gap)
        gap += 1
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros((0, k, k), dtype=np.int64)
    i = np.concatenate(firsts)
    j = np.concatenate(seconds)
    pair_code = ann[i] * votes.n_annotators + ann[j]
    codes, inverse = np.unique(pair_code, return_inverse=True)
    conf = np.bincount(inverse * k * k + lab[i] * k + lab[j], minlength=len(codes) * k * k)
    return (codes // votes.n_annotators).astype(np.int64), (codes % votes.n_annotators).astype(np.int64), \
        conf.reshape(len(codes), k, k).astype(np.int64)


def per_label(counts: npt.ArrayLike) -> list[dict[str, float]]:
    """Per class: votes, share, specific agreement and one-vs-rest alpha (the class against all others)."""
    c = np.asarray(counts, dtype=np.float64)
    m = c.sum(axis=1)
    pair = m >= 2
    total = float(c.sum())
    out = []
    for k in range(c.shape[1]):
        nk = c[:, k]
        denom = float((nk * (m - 1))[pair].sum())
        specific = float((nk * (nk - 1))[pair].sum()) / denom if denom > 0 else NAN
        binary = np.stack([nk, m - nk], axis=1)
        out.append({
            "n_votes": int(nk.sum()),
            "share": float(nk.sum()) / total if total else NAN,
            "specific_agreement": specific,
            "alpha_one_vs_rest": krippendorff_alpha(binary),
        })
    return out
