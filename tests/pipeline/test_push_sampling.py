"""Which pairs a push sends (--sample, --strategy, --per-claim)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.errors import ConfigError
from stancekit.pipeline.sampling import select_pairs

FRAME = pl.DataFrame({
    "pair_id": [f"p{i}" for i in range(8)],
    "claim_id": ["a", "a", "a", "a", "a", "b", "b", "c"],
    "score": [0.9, 0.8, 0.7, 0.6, 0.5, 0.95, 0.1, 0.3],
})


def test_score_order_and_caps() -> None:
    assert select_pairs(FRAME, sample=3)["pair_id"].to_list() == ["p5", "p0", "p1"]
    capped = select_pairs(FRAME, per_claim=1)
    assert capped["pair_id"].to_list() == ["p5", "p0", "p7"]
    assert select_pairs(FRAME, sample=0).height == 8


def test_stratified_gives_every_claim_a_turn() -> None:
    out = select_pairs(FRAME, sample=3, strategy="stratified", seed=1)
    assert sorted(out["claim_id"].to_list()) == ["a", "b", "c"]


def test_random_is_seeded() -> None:
    a = select_pairs(FRAME, sample=4, strategy="random", seed=5)["pair_id"].to_list()
    assert a == select_pairs(FRAME, sample=4, strategy="random", seed=5)["pair_id"].to_list()
    assert len(set(a)) == 4


def test_bad_options() -> None:
    with pytest.raises(ConfigError, match="uncertainty"):
        select_pairs(FRAME, strategy="uncertainty")
    with pytest.raises(ConfigError, match="--sample"):
        select_pairs(FRAME, sample=-1)


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.floats(0, 1)), max_size=40),
       st.integers(0, 12), st.integers(0, 4), st.sampled_from(["score", "random", "stratified"]))
def test_selection_is_a_capped_subset(rows: list[tuple[str, float]], sample: int, per_claim: int,
                                      strategy: str) -> None:
    frame = pl.DataFrame({"pair_id": [f"p{i}" for i in range(len(rows))], "claim_id": [c for c, _ in rows],
                          "score": [s for _, s in rows]}, schema={"pair_id": pl.Utf8, "claim_id": pl.Utf8,
                                                                  "score": pl.Float64})
    out = select_pairs(frame, sample=sample, strategy=strategy, per_claim=per_claim, seed=3)
    ids = out["pair_id"].to_list()
    assert len(ids) == len(set(ids)) and set(ids) <= set(frame["pair_id"].to_list())
    if sample:
        assert len(ids) <= sample
    if per_claim and out.height:
        assert out.group_by("claim_id").len()["len"].max() <= per_claim  # type: ignore[operator]
    if not sample and not per_claim:
        assert len(ids) == frame.height


def _predicted(n: int) -> pl.DataFrame:
    return pl.DataFrame({
        "pair_id": [f"p{i:03d}" for i in range(n)],
        "claim_id": [f"c{i % 3}" for i in range(n)],
        "score": [0.5] * n,
        "outlet": [f"o{i % 2}" for i in range(n)],
        "pred_label": [("agree", "disagree")[i % 2] for i in range(n)],
        "pred_confidence": [((i * 37) % 100) / 100 for i in range(n)],
    })


def test_uncertainty_least_confident_first() -> None:
    df = _predicted(30)
    out = select_pairs(df, sample=5, strategy="uncertainty")
    assert out.height == 5
    assert out["pred_confidence"].to_list() == sorted(df["pred_confidence"].to_list())[:5]


def test_diversity_spreads_over_strata() -> None:
    df = _predicted(60)
    out = select_pairs(df, sample=12, strategy="diversity")
    strata = {(r["claim_id"], r["outlet"], r["pred_label"]) for r in out.iter_rows(named=True)}
    all_strata = {(r["claim_id"], r["outlet"], r["pred_label"]) for r in df.iter_rows(named=True)}
    assert strata == all_strata  # every stratum once before any twice
    assert select_pairs(df, sample=12, strategy="diversity").equals(out)  # deterministic


def test_model_strategies_need_the_model() -> None:
    with pytest.raises(ConfigError, match="stancekit baseline"):
        select_pairs(_predicted(3).drop("pred_confidence", "pred_label"), strategy="uncertainty")
