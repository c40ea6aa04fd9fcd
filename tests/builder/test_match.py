"""Matching: the seed article, keyword rules, top-k, and properties (scores in [0, 1], at most k, batch-invariant)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims_helpers import SEED_CLAIMS, seed_units, unit_rows
from stancekit.builder.claims import registry_from_data
from stancekit.builder.match import CharNgramMatcher, Matcher, match_batch, top_k
from stancekit.builder.normalize import normalize_text
from stancekit.ids import pair_id
from stancekit.schemas import PAIRS, conform


def seed_matcher(**kwargs: object) -> CharNgramMatcher:
    return CharNgramMatcher(registry_from_data(SEED_CLAIMS), **kwargs)  # type: ignore[arg-type]


def test_normalisation_rules() -> None:
    assert normalize_text("إنّ القواتُ الأمريكيّة ستبقى") == "ان القوات الامريكيه ستبقي"
    assert normalize_text("آمنة ـــ مؤتمر، رئيس! ١٢٣ ۴") == "امنه موتمر رييس 123 4"
    assert normalize_text("  US Troops   WILL stay.  ") == "us troops will stay"


def test_seed_article_mckenzie_quote_and_assassination(seed_path: Path) -> None:
    units, named = seed_units(seed_path)
    matcher = seed_matcher()
    assert isinstance(matcher, Matcher)
    pairs = conform(match_batch(units, matcher=matcher, top_k_=5, min_score=0.2), PAIRS)
    quote = pairs.filter(pl.col("unit_id") == named["mckenzie"])
    assert quote["claim_id"].to_list() == ["us-troops-stay-iraq"]
    assert quote["rank"].to_list() == [1]
    assert quote["pair_id"][0] == pair_id(named["mckenzie"], "us-troops-stay-iraq")
    assert pairs.filter(pl.col("unit_id") == named["assassination"]).height == 0
    assert quote["method"][0].startswith("char_ngram.v1 {")
    assert '"min_score":0.2' in quote["method"][0]


def test_seed_with_english_variant_only_and_arabic_only(seed_path: Path) -> None:
    units, named = seed_units(seed_path)
    ar_only = registry_from_data({"claims": [{"claim_id": "c", "text": {"ar": "القوات الأمريكية ستبقى في العراق"}}]})
    en_only = registry_from_data({"claims": [{"claim_id": "c", "text": {"en": "US troops will stay in Iraq"}}]})
    scores = CharNgramMatcher(ar_only).scores(units["text"].to_list())
    ids = units["unit_id"].to_list()
    assert scores[ids.index(named["mckenzie"]), 0] > 2 * scores[ids.index(named["assassination"]), 0]
    # English claim text cannot pair with an Arabic unit: it shares no n-gram
    assert CharNgramMatcher(en_only).scores(units["text"].to_list()).max() == 0.0


def test_content_units_include_title_and_skip_boilerplate(seed_path: Path) -> None:
    units, _ = seed_units(seed_path)
    pairs = match_batch(units, matcher=seed_matcher(), select="content")
    kinds = units.join(pairs, on="unit_id")["kind"].to_list()
    assert "title" in kinds and "boilerplate" not in kinds
    claims_only = match_batch(units, matcher=seed_matcher(), select="claims")
    assert set(claims_only["unit_id"]) <= set(units.filter(pl.col("is_claim"))["unit_id"])


def test_keyword_rule_lifts_score() -> None:
    reg = registry_from_data({"claims": [
        {"claim_id": "k", "text": {"en": "Central bank raises rates"}, "keywords": {"en": ["interest", "hike"]}},
        {"claim_id": "z", "text": {"en": "Volcano erupts in Iceland"}},
    ]})
    m = CharNgramMatcher(reg, keyword_score=0.6)
    s = m.scores(["A HIKE of Interest came today", "interest only", "unrelated words here"])
    assert s[0, 0] == pytest.approx(0.6)
    assert s[1, 0] < 0.6 and s[2, 0] < 0.6


def test_aliases_are_matched() -> None:
    reg = registry_from_data({"claims": [
        {"claim_id": "a", "text": {"en": "US troops will stay in Iraq"},
         "aliases": {"en": ["Pentagon keeps soldiers"]}},
        {"claim_id": "b", "text": {"en": "Oil prices fall sharply"}},
    ]})
    s = CharNgramMatcher(reg).scores(["The Pentagon keeps soldiers there"])
    assert s[0, 0] > 0.3 and s[0, 1] < 0.1


def test_top_k_ranks_and_threshold() -> None:
    scores = np.array([[0.1, 0.9, 0.5, 0.5, 0.3], [0.0, 0.0, 0.0, 0.0, 0.0]])
    rows, cols, ranks = top_k(scores, 3, 0.2)
    assert rows.tolist() == [0, 0, 0]
    assert cols.tolist() == [1, 2, 3]  # the tie at 0.5 keeps column order
    assert ranks.tolist() == [1, 2, 3]


def test_identical_unit_scores_one() -> None:
    m = seed_matcher()
    assert m.scores(["القوات الأمريكية ستبقى في العراق"])[0, 0] == pytest.approx(1.0)
    assert m.scores(["us TROOPS will stay in iraq!"])[0, 0] == pytest.approx(1.0)


CLAIMS = registry_from_data({"claims": [
    {"claim_id": "c1", "text": {"en": "US troops will stay in Iraq", "ar": "القوات الأمريكية ستبقى في العراق"}},
    {"claim_id": "c2", "text": {"en": "Oil prices will fall this year"}, "keywords": {"en": ["oil", "fall"]}},
    {"claim_id": "c3", "text": {"ar": "إيران تطور صواريخ كروز"}, "aliases": {"ar": ["طهران تبني صواريخ"]}},
    {"claim_id": "c4", "text": {"en": "The election was rigged"}},
]})
WORDS = ["US", "troops", "oil", "prices", "fall", "Iraq", "stay", "will", "the", "القوات", "الأمريكية", "العراق",
         "إيران", "صواريخ", "كروز", "ستبقى", "election", "rigged", "في", "١٢", "“", "!"]
texts = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join) | st.text(max_size=40)


def frame(ts: list[str]) -> pl.DataFrame:
    text = "\n".join(ts)
    spans, at = [], 0
    for t in ts:
        spans.append((at, at + len(t), {"is_claim": True}))
        at += len(t) + 1
    return unit_rows("d1", text, spans)


@settings(deadline=None, max_examples=60)
@given(ts=st.lists(texts, min_size=1, max_size=25), k=st.integers(1, 4), batch=st.integers(1, 9),
       seed=st.integers(0, 99))
def test_properties(ts: list[str], k: int, batch: int, seed: int) -> None:
    m = CharNgramMatcher(CLAIMS)
    units = frame(ts)
    whole = match_batch(units, matcher=m, top_k_=k, min_score=0.05)
    assert whole["score"].is_between(0.0, 1.0).all()
    assert (whole.group_by("unit_id").len()["len"] <= k).all()
    assert whole["rank"].min() is None or whole["rank"].min() == 1
    order = np.random.default_rng(seed).permutation(units.height)
    shuffled = units[order.tolist()]
    parts = [match_batch(shuffled[i:i + batch], matcher=m, top_k_=k, min_score=0.05, chunk_rows=2)
             for i in range(0, units.height, batch)]
    again = pl.concat(parts)
    assert again.sort("pair_id").equals(whole.sort("pair_id"))
