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
    """Per-item sufficient statistics, one row per item; every measure is a ratio of (weighted) column sums.

    Columns of ``table``: pairable (m >= 2), diag (``sum_k n_ik (n_ik - 1) / (m - 1)`` on pairable items),
    p_item (``sum_k n_ik (n_ik - 1) / (m (m - 1))`` on pairable items), rated (m >= 1), then the K counts of
    pairable items, then the K shares ``n_ik / m``. A bootstrap is then one matrix product per batch of resamples.
    """

    table: FloatArray
    m: FloatArray
    n_classes: int

    @classmethod
    def from_counts(cls, counts: npt.ArrayLike) -> ItemStats:
        c = np.asarray(counts, dtype=np.float64)
        if c.ndim != 2:
            raise ValueError("counts must be an (n_items, n_classes) matrix")
        m = c.sum(axis=1)
        pairable = m >= 2
        same = (c * (c - 1)).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            diag = np.where(pairable, same / np.maximum(m - 1, 1), 0.0)
            p_item = np.where(pairable, same / np.maximum(m * (m - 1), 1), 0.0)
            shares = np.where(m[:, None] >= 1, c / np.maximum(m, 1)[:, None], 0.0)
        table = np.column_stack([pairable, diag, p_item, m >= 1, c * pairable[:, None], shares]).astype(np.float64)
        return cls(table, m, c.shape[1])

    @property
    def pairable(self) -> FloatArray:
        return self.table[:, 0]

    def measures(self, weights: FloatArray | None = None) -> dict[str, float]:
        """alpha, Fleiss' kappa and percent agreement, optionally with item weights."""
        totals = self.table.sum(axis=0) if weights is None else weights @ self.table
        return {k: float(v[0]) for k, v in self.from_totals(totals[None, :]).items()}

    def from_totals(self, totals: FloatArray) -> dict[str, FloatArray]:
        """The measures for every row of weighted column sums (``(n_rows, columns)``); NaN where undefined."""
        k = self.n_classes
        n_pairable, diag, p_sum, n_rated = totals[:, 0], totals[:, 1], totals[:, 2], totals[:, 3]
        nk = totals[:, 4:4 + k]
        n = nk.sum(axis=1)
        expected = n * n - (nk * nk).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            alpha = np.where((n > 1) & (expected > 0), 1.0 - (n - 1.0) * (n - diag) / expected, np.nan)
            p_a = np.where(n_pairable > 0, p_sum / n_pairable, np.nan)
            pi = totals[:, 4 + k:] / n_rated[:, None]
            p_e = (pi * pi).sum(axis=1)
            fleiss = np.where((n_rated > 0) & (n_pairable > 0) & (p_e < 1.0), (p_a - p_e) / (1.0 - p_e), np.nan)
        return {"krippendorff_alpha": alpha, "fleiss_kappa": fleiss, "percent_agreement": p_a}


def krippendorff_alpha(counts: npt.ArrayLike) -> float:
    """Krippendorff's alpha (nominal) from an ``(n_items, n_classes)`` count matrix; NaN when undefined.

    The same formula as ``ItemStats.measures`` without building the bootstrap table (the fast path for one value).
    """
    c = np.asarray(counts, dtype=np.float64)
    m = c.sum(axis=1)
    pairable = m >= 2
    cp, mp = c[pairable], m[pairable]
    diag = float(((cp * (cp - 1)).sum(axis=1) / (mp - 1)).sum())
    nk = cp.sum(axis=0)
    n = float(nk.sum())
    expected = n * n - float((nk * nk).sum())
    return 1.0 - (n - 1.0) * (n - diag) / expected if n > 1 and expected > 0 else NAN


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
    chunk = max(1, min(resamples, 4_000_000 // n))  # resamples per matrix product (bounds memory to ~64 MB)
    parts: list[dict[str, FloatArray]] = []
    done = 0
    while done < resamples:
        b = min(chunk, resamples - done)
        picks = rng.integers(0, n, (b, n)) + (np.arange(b) * n)[:, None]
        weights = np.bincount(picks.ravel(), minlength=b * n).reshape(b, n).astype(np.float64)
        parts.append(stats.from_totals(weights @ stats.table))
        done += b
    draws = {k: np.concatenate([p[k] for p in parts]) for k in names}
    lo, hi = 100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2
    out: dict[str, list[float] | None] = {}
    for k, arr in draws.items():
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
    cell = lab[i] * k + lab[j]
    if votes.n_annotators**2 * k * k <= 20_000_000:  # a dense table over every annotator pair: no sort needed
        dense = np.bincount(pair_code * k * k + cell, minlength=votes.n_annotators**2 * k * k).reshape(-1, k * k)
        codes: npt.NDArray[np.int64] = np.flatnonzero(dense.any(axis=1)).astype(np.int64)
        conf: npt.NDArray[np.int64] = dense[codes].ravel()
    else:
        uniq, inverse = np.unique(pair_code, return_inverse=True)
        codes = uniq.astype(np.int64)
        conf = np.bincount(inverse.ravel() * k * k + cell, minlength=len(codes) * k * k)
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
