"""Agreement measures against the krippendorff package, scikit-learn and textbook examples."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from stancekit.builder.merge import Votes
from stancekit.builder.merge.agreement import (
    ItemStats,
    bootstrap,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    pairwise_confusions,
    per_label,
    percent_agreement,
)


def counts_from(reliability: np.ndarray, k: int) -> np.ndarray:
    """coders x units (NaN = missing) -> units x classes counts."""
    return np.stack([(reliability == c).sum(axis=0) for c in range(k)], axis=1)


@st.composite
def reliability_data(draw: st.DrawFn) -> tuple[np.ndarray, int]:
    coders = draw(st.integers(2, 6))
    units = draw(st.integers(1, 40))
    k = draw(st.integers(2, 5))
    seed = draw(st.integers(0, 2**32 - 1))
    missing = draw(st.floats(0.0, 0.7))
    rng = np.random.default_rng(seed)
    data = rng.integers(0, k, (coders, units)).astype(float)
    data[rng.random(data.shape) < missing] = np.nan
    return data, k


@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@settings(deadline=None, max_examples=300)
@given(reliability_data())
def test_alpha_equals_the_krippendorff_package(case: tuple[np.ndarray, int]) -> None:
    data, k = case
    ours = krippendorff_alpha(counts_from(data, k))
    try:
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except (ValueError, ZeroDivisionError):
        theirs = math.nan  # undefined: fewer than two values in the pairable data
    if math.isnan(theirs) or math.isinf(theirs):
        assert math.isnan(ours) or math.isinf(theirs)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


def test_alpha_on_the_krippendorff_textbook_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example: alpha = 0.743
    nan = np.nan
    data = np.array([
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ])
    assert krippendorff_alpha(counts_from(data - 1, 5)) == pytest.approx(0.743, abs=5e-4)


def test_fleiss_on_the_textbook_example() -> None:
    # Fleiss (1971) as reproduced on Wikipedia: 10 items x 14 raters, kappa = 0.210
    table = np.array([[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]])
    assert fleiss_kappa(table) == pytest.approx(0.2099, abs=1e-4)
    assert percent_agreement(table) == pytest.approx(0.3780, abs=1e-4)


def test_fleiss_with_unequal_raters_by_hand() -> None:
    counts = np.array([[2, 0], [1, 1], [3, 0], [0, 1]])
    # P_a over items with >= 2 votes: (1 + 0 + 1) / 3; pi over rated items: (1 + .5 + 1 + 0)/4, (0 + .5 + 0 + 1)/4
    p_a = 2 / 3
    p_e = (2.5 / 4) ** 2 + (1.5 / 4) ** 2
    assert fleiss_kappa(counts) == pytest.approx((p_a - p_e) / (1 - p_e), abs=1e-12)


def test_pairwise_cohen_kappa_matches_scikit_learn() -> None:
    rng = np.random.default_rng(3)
    a = rng.integers(0, 3, 50)
    b = np.where(rng.random(50) < 0.6, a, rng.integers(0, 3, 50))
    item = np.concatenate([np.arange(50), np.arange(50), [50]])
    ann = np.concatenate([np.zeros(50, int), np.ones(50, int), [2]])
    lab = np.concatenate([a, b, [0]])
    v = Votes(item, ann, lab, 51, 3, 3)
    first, second, conf = pairwise_confusions(v)
    assert (first.tolist(), second.tolist()) == ([0], [1])  # annotator 2 shares no item
    assert cohen_kappa(conf[0]) == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)


def test_per_label_specific_agreement_by_hand() -> None:
    counts = np.array([[2, 0], [1, 1], [0, 2]])
    first = per_label(counts)[0]
    # class 0: sum n(n-1) = 2 ; sum n(m-1) = 2 + 1 = 3
    assert first["specific_agreement"] == pytest.approx(2 / 3)
    assert first["n_votes"] == 3


def test_bootstrap_is_seeded_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 3, 300)
    data = np.where(rng.random((3, 300)) < 0.8, truth, rng.integers(0, 3, (3, 300))).astype(float)
    stats = ItemStats.from_counts(counts_from(data, 3))
    a = bootstrap(stats, resamples=200, seed=5)
    b = bootstrap(stats, resamples=200, seed=5)
    assert a == b
    alpha = stats.measures()["krippendorff_alpha"]
    lo, hi = a["krippendorff_alpha"]  # type: ignore[misc]
    assert lo < alpha < hi and hi - lo < 0.2
    assert bootstrap(stats, resamples=200, seed=6) != a


def test_pairwise_confusions_dense_and_sparse_paths_agree() -> None:
    rng = np.random.default_rng(9)
    item = np.repeat(np.arange(300), 3)
    ann = np.concatenate([rng.choice(40, 3, replace=False) for _ in range(300)])
    lab = rng.integers(0, 3, 900)
    small = pairwise_confusions(Votes(item, ann, lab, 300, 40, 3))
    huge = pairwise_confusions(Votes(item, ann, lab, 300, 2000, 3))  # 2000^2 x 9 cells: the np.unique path
    for x, y in zip(small, huge, strict=True):
        assert np.array_equal(x, y)
