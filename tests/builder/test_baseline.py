"""The baseline classifier on a real labelled set (ANS) and the FNC-1 score on literal cases."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from stancekit.builder.baseline import evaluate, fnc_score, train_baseline
from stancekit.errors import StageError


def test_fnc_score_literal() -> None:
    assert fnc_score(["agree", "unrelated"], ["agree", "unrelated"]) == 1.0
    # related but wrong stance: 0.25 of 1.0; unrelated right: 0.25 of 0.25
    assert fnc_score(["agree", "unrelated"], ["disagree", "unrelated"]) == pytest.approx(0.5 / 1.25)
    assert fnc_score(["agree"], ["unrelated"]) == 0.0
    assert fnc_score([], []) is None


def test_evaluate_shapes() -> None:
    r = evaluate(["agree", "disagree", "agree"], ["agree", "agree", "agree"], ("agree", "disagree", "discuss"))
    assert r["confusion_matrix"]["matrix"] == [[2, 0, 0], [1, 0, 0], [0, 0, 0]]
    assert r["per_class"]["agree"]["recall"] == 1.0
    assert r["macro_f1"] == pytest.approx((0.8 + 0.0) / 2)  # classes absent from the truth do not count
    assert r["fnc1_weighted"] is None


def _ans(shared: Path, split: str, n: int) -> pl.DataFrame:
    df = pl.read_csv(shared / "ans" / "stance" / f"{split}.csv").rename(
        {"s1": "claim", "s2": "text", "stance": "label"}
    )
    return df.head(n)


def test_baseline_beats_majority_on_ans(shared_data: Path) -> None:
    model, report = train_baseline(
        _ans(shared_data, "train", 1200),
        _ans(shared_data, "dev", 300),
        _ans(shared_data, "test", 379),
        labels=("agree", "disagree", "other"),
        grid=(1.0, 10.0),
    )
    assert report["test"]["n"] == 379
    assert report["test"]["macro_f1"] > report["majority_class"]["macro_f1"] + 0.15
    assert report["params"]["C"] in (1.0, 10.0)
    proba = model.predict_proba(["هجوم على مطار"], ["لا هجوم على المطار"], [""])
    assert proba.shape == (1, 3) and proba.sum() == pytest.approx(1.0)


def test_one_class_is_a_clear_error() -> None:
    one = pl.DataFrame({"claim": ["a", "b"], "text": ["c", "d"], "label": ["agree", "agree"]})
    with pytest.raises(StageError, match="at least two classes"):
        train_baseline(one, one, one, labels=("agree", "disagree"))
