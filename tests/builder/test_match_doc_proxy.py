"""The document-level proxy (benchmarks/match_doc_quality.py on tests/data/claim_tracking) holds its floors.

The floors sit above what char_ngram.v1 reaches at its old default threshold (0.2), so the test fails if the
matcher, the defaults or the evaluation regress to it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import polars as pl
import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "match_doc_quality.py"


@pytest.fixture(scope="module")
def proxy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("match_doc_quality", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["match_doc_quality"] = module
    spec.loader.exec_module(module)
    return module


def test_set_is_what_the_readme_says(proxy: ModuleType) -> None:
    ar, en, blind, blind2 = (proxy.load_set(s) for s in ("ar", "en", "ar-blind", "ar-blind2"))
    assert len(ar.registry) >= 60 and len(en.registry) >= 60 and len(blind.registry) >= 60
    assert len(blind2.registry) >= 60
    assert ar.docs.height == 38 and en.docs.height == 70 and blind.docs.height == blind2.docs.height == 20
    assert set(ar.docs["stance"]) == set(en.docs["stance"]) == {"agree", "disagree", "discuss"}


def test_doc_ranking_takes_each_claims_best_unit(proxy: ModuleType) -> None:
    units = pl.DataFrame({"unit_id": ["u1", "u2", "u3"], "doc_id": ["d", "d", "e"]})
    pairs = pl.DataFrame({"unit_id": ["u1", "u1", "u2", "u3"], "claim_id": ["x", "y", "x", "y"],
                          "score": [0.3, 0.5, 0.6, 0.2]})
    ranked = proxy.doc_ranking(pairs, units, ["x", "y"])
    assert ranked.filter(pl.col("doc_id") == "d").select("claim_id", "best", "doc_rank").rows() == [
        ("x", 0.6, 1), ("y", 0.5, 2)]
    assert ranked.filter(pl.col("doc_id") == "e")["doc_rank"].to_list() == [1]


# floors: char_ngram.v3 (the default) at the defaults measured Arabic 0.816/0.974 (31 and 37 of 38 documents),
# English 0.386/0.414 (27 and 29 of 70; headlines are one unit, so v3 scores them as v2), the blind Arabic set
# 0.700/0.900 (14 and 18 of 20), the second blind set (scored once, never tuned on) 0.550/1.000 (11 and 20 of 20);
# char_ngram.v2 Arabic 0.605/0.868, blind 0.300/0.400, blind2 0.550/0.850; char_ngram.v1 at its old 0.2
# Arabic 0.526/0.842, English 0.329/0.343. Each floor leaves the default a document or two of slack (the units come
# from the segmenter, which other work changes) and fails the matcher before.
@pytest.mark.parametrize(("lang", "metric", "floor", "before"), [
    ("ar", "recall@1", 0.55, "char_ngram.v1"), ("en", "recall@5", 0.38, "char_ngram.v1"),
    ("ar", "recall@5", 0.92, "char_ngram.v2"), ("ar", "recall@1", 0.76, "char_ngram.v2"),
    ("ar-blind", "recall@5", 0.8, "char_ngram.v2"), ("ar-blind", "recall@1", 0.6, "char_ngram.v2"),
    ("ar-blind2", "recall@5", 0.9, "char_ngram.v2")])
def test_default_matcher_beats_the_old_one(proxy: ModuleType, lang: str, metric: str, floor: float,
                                          before: str) -> None:
    data = proxy.load_set(lang)
    units = proxy.doc_units(data.docs)
    new = proxy.evaluate(data, units=units)  # the configured defaults: char_ngram.v3, min_score, top_k
    old = proxy.evaluate(data, units=units, matcher_name=before,
                         min_score=0.2 if before == "char_ngram.v1" else None)
    assert new[metric] >= floor > old[metric]  # a floor the old matcher fails
    assert new["recall@5"] >= old["recall@5"] and new["recall@1"] >= old["recall@1"]
    assert new["pairs_per_doc"] < 6  # ... without flooding annotators


# with the semantic channel (all-MiniLM-L6-v2 on English leads) the English headlines reach the target: 0.986
# recall@5 (69 of 70) at 2.29 pairs per document (minilm_en.v2; v1's weights were set on this set: 0.943); the blind
# English sets 0.933 and 0.917 (56 and 55 of 60; v1 0.817 and 0.833: v2's rule of the two closest claims was chosen
# after their runs); Arabic is unchanged (the channel runs on Latin script only, against the claims' English texts).
def test_semantic_channel_reaches_the_english_target(proxy: ModuleType) -> None:
    from semantic_helpers import model_dir

    model_dir()
    from stancekit.builder.match_semantic import semantic_channel

    en = proxy.load_set("en")
    units = proxy.doc_units(en.docs)
    channel, _ = semantic_channel(en.registry, mode="on")
    plain = proxy.evaluate(en, units=units)
    both = proxy.evaluate(en, units=units, semantic=channel)
    assert both["matcher"] == "char_ngram.v3+minilm_en.v2"
    assert both["recall@5"] >= 0.92 > plain["recall@5"]
    assert both["recall@1"] >= 0.8
    assert both["pairs_per_doc"] < 2.6
    for name in ("en-blind", "en-blind2", "en-blind3"):  # en-blind3: written after the rule, scored once (0.933)
        blind = proxy.load_set(name)
        scored = proxy.evaluate(blind, semantic=semantic_channel(blind.registry, mode="on")[0])
        assert scored["recall@5"] >= 0.88 and scored["pairs_per_doc"] < 2.6, name
    ar = proxy.load_set("ar")
    assert semantic_channel(ar.registry, mode="on")[0] is None  # no English claim text: nothing to compare with
