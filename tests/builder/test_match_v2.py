"""char_ngram.v2: the cosine, lifted to the claim's coverage when a longer unit holds most of the claim."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims_helpers import SEED_CLAIMS, seed_units
from stancekit.builder.claims import registry_from_data
from stancekit.builder.match import (
    DEFAULT_MATCHER,
    CharNgramMatcher,
    CoverageMatcher,
    make_matcher,
    match_batch,
    method_string,
)
from stancekit.config import OPTIONS
from stancekit.errors import ConfigError

ONE = registry_from_data({"claims": [{"claim_id": "c", "text": {"en": "troops remain garrison"}}]})
FILLER = "markets rallied sharply yesterday while analysts debated quarterly earnings forecasts abroad"


def both(registry: object, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    return (CharNgramMatcher(registry).scores(texts),  # type: ignore[arg-type]
            CoverageMatcher(registry).scores(texts))  # type: ignore[arg-type]


def test_a_long_unit_holding_the_whole_claim_scores_coverage_weight() -> None:
    v1, v2 = both(ONE, [f"{FILLER} troops remain garrison {FILLER}"])
    assert v1[0, 0] < 0.4  # the cosine is diluted by the unit's length
    assert v2[0, 0] == pytest.approx(0.7)  # coverage 1, unit more than twice the claim: 0.7 * 1 * 1


def test_units_of_the_claims_length_keep_the_cosine() -> None:
    texts = ["troops remain garrison", "troops remain there", "garrison troops"]
    v1, v2 = both(ONE, texts)
    assert v1[0, 0] == pytest.approx(1.0)
    np.testing.assert_allclose(v2, v1)  # no longer than the claim: the ramp is 0


def test_names_alone_do_not_lift_a_long_unit() -> None:
    reg = registry_from_data({"claims": [{"claim_id": "c", "text": {"en": "baghdad washington withdraw garrison"}}]})
    v1, v2 = both(reg, [f"{FILLER} baghdad washington {FILLER}"])  # half the claim: below coverage_min 0.55
    assert v2[0, 0] == pytest.approx(v1[0, 0])
    assert v2[0, 0] < 0.3


def test_partial_coverage_ramps_with_length() -> None:
    m = CoverageMatcher(ONE, coverage_min=0.0)
    short, long_ = m.scores([f"troops remain garrison {FILLER[:20]}", f"troops remain garrison {FILLER}"])
    assert 0 < short[0] < long_[0] == pytest.approx(0.7)


def test_seed_article_at_the_default_threshold(seed_path: Path) -> None:
    units, named = seed_units(seed_path)
    ms = float(OPTIONS["match"]["min_score"].default)
    pairs = match_batch(units, matcher=make_matcher(DEFAULT_MATCHER, registry_from_data(SEED_CLAIMS)),
                        min_score=ms)
    assert pairs.filter(pl.col("unit_id") == named["mckenzie"])["claim_id"].to_list() == ["us-troops-stay-iraq"]
    assert pairs.filter(pl.col("unit_id") == named["assassination"]).height == 0
    assert pairs["method"][0].startswith(f"{DEFAULT_MATCHER} {{")


def test_registry_and_options() -> None:
    assert DEFAULT_MATCHER == OPTIONS["match"]["matcher"].default == "char_ngram.v3"
    assert isinstance(make_matcher("char_ngram.v1", ONE), CharNgramMatcher)
    assert type(make_matcher("char_ngram.v1", ONE)) is CharNgramMatcher
    with pytest.raises(ConfigError, match=re.escape("char_ngram.v1, char_ngram.v2, char_ngram.v3")):
        make_matcher("bm25", ONE)
    with pytest.raises(ConfigError, match="coverage_weight"):
        CoverageMatcher(ONE, coverage_weight=1.5)
    with pytest.raises(ConfigError, match="coverage_min"):
        CoverageMatcher(ONE, coverage_min=-0.1)
    method = method_string(CoverageMatcher(ONE))
    assert method.startswith("char_ngram.v2 {") and '"coverage_weight":0.7' in method
    assert '"coverage_min":0.55' in method


WORDS = ["troops", "remain", "garrison", "baghdad", "markets", "rallied", "القوات", "ستبقى", "العراق", "the", "in"]
CLAIMS = registry_from_data({"claims": [
    {"claim_id": "a", "text": {"en": "troops remain garrison", "ar": "القوات ستبقى في العراق"}},
    {"claim_id": "b", "text": {"en": "markets rallied in baghdad"}, "aliases": {"en": ["baghdad markets rallied"]}},
]})


@settings(deadline=None, max_examples=60)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=30).map(" ".join), min_size=1, max_size=12),
       st.integers(1, 5))
def test_v2_properties(texts: list[str], split: int) -> None:
    v1 = CharNgramMatcher(CLAIMS).scores(texts)
    v2 = CoverageMatcher(CLAIMS).scores(texts)
    assert ((v2 >= 0) & (v2 <= 1)).all()
    assert (v2 >= v1 - 1e-12).all()  # the lift only ever raises the cosine
    parts = np.vstack([CoverageMatcher(CLAIMS).scores(texts[i:i + split]) for i in range(0, len(texts), split)])
    np.testing.assert_array_equal(parts, v2)  # a unit's score does not depend on its batch
