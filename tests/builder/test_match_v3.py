"""char_ngram.v3: v2, plus the document channel (an article's best unit for a claim the whole article covers)."""

from __future__ import annotations

import random

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.claims import registry_from_data
from stancekit.builder.match import CoverageMatcher, DocumentMatcher, doc_chunks, make_matcher, match_batch
from stancekit.errors import ConfigError

REG = registry_from_data({"claims": [
    {"claim_id": "fuel", "text": {"en": "Iraq will raise petrol prices this year"}},
    {"claim_id": "quake", "text": {"en": "The earthquake in Morocco killed thousands"}},
]})
# no sentence says the claim; the article does, across three of them
ARTICLE = ["Baghdad weighs its options on petrol", "Officials in Iraq said nothing was decided yet",
           "A rise in what drivers pay is expected this year", "The minister will travel to Paris on Monday"]


def units_frame(docs: dict[str, list[str]]) -> pl.DataFrame:
    rows = [{"unit_id": f"{d}-{i}", "doc_id": d, "text": t, "kind": "body", "position": i, "is_claim": True}
            for d, texts in docs.items() for i, t in enumerate(texts)]
    return pl.DataFrame(rows)


def test_the_article_lifts_its_best_unit_for_the_claim() -> None:
    v2 = CoverageMatcher(REG).scores(ARTICLE)
    v3 = DocumentMatcher(REG).scores(ARTICLE, docs=["d"] * 4, positions=[0, 1, 2, 3])
    assert v2[:, 0].max() < 0.18  # no unit pairs with "fuel" on its own at the default threshold
    assert int(np.argmax(v2[:, 0])) == 0 and v3[0, 0] > 0.25  # the anchor: the best unit, lifted
    np.testing.assert_allclose(np.delete(v3, 0, axis=0), np.delete(v2, 0, axis=0))  # the rest unchanged
    assert v3[0, 1] == v2[0, 1]  # the claim the article does not cover is not lifted


def test_pairs_of_an_article() -> None:
    m = make_matcher("char_ngram.v3", REG)
    pairs = match_batch(units_frame({"d": ARTICLE}), matcher=m, min_score=0.18)
    assert pairs.select("unit_id", "claim_id").rows() == [("d-0", "fuel")]
    v2 = match_batch(units_frame({"d": ARTICLE}), matcher=make_matcher("char_ngram.v2", REG), min_score=0.18)
    assert v2.height == 0


def test_short_documents_and_split_articles_are_not_lifted() -> None:
    v2 = CoverageMatcher(REG).scores(ARTICLE)
    each_alone = DocumentMatcher(REG).scores(ARTICLE, docs=["a", "b", "c", "d"])
    np.testing.assert_allclose(each_alone, v2)
    too_short = DocumentMatcher(REG, doc_min_units=5).scores(ARTICLE, docs=["d"] * 4)
    np.testing.assert_allclose(too_short, v2)
    off = DocumentMatcher(REG, doc_top=0).scores(ARTICLE, docs=["d"] * 4)
    np.testing.assert_allclose(off, v2)
    no_docs = DocumentMatcher(REG).scores(ARTICLE)
    np.testing.assert_allclose(no_docs, v2)


def test_an_anchor_must_share_something_with_the_claim() -> None:
    lifted = DocumentMatcher(REG).scores(ARTICLE, docs=["d"] * 4)
    strict = DocumentMatcher(REG, doc_anchor_min=0.2).scores(ARTICLE, docs=["d"] * 4)  # the best unit has 0.162
    assert lifted[0, 0] > strict[0, 0] == CoverageMatcher(REG).scores(ARTICLE)[0, 0]


def test_ties_go_to_the_lower_position_whatever_the_order() -> None:
    texts = [ARTICLE[0], ARTICLE[0], *ARTICLE[1:3]]  # rows 0 and 1 tie as the best unit for "fuel"
    a = DocumentMatcher(REG).scores(texts, docs=["d"] * 4, positions=[5, 2, 7, 9])
    b = DocumentMatcher(REG).scores(texts[::-1], docs=["d"] * 4, positions=[9, 7, 2, 5])[::-1]
    assert a[1, 0] > a[0, 0]  # the tie goes to position 2
    np.testing.assert_array_equal(a, b)


def test_options_are_checked() -> None:
    for kwargs in ({"doc_min_units": 0}, {"doc_top": -1}, {"doc_weight": 1.5}, {"doc_min_coverage": -0.1},
                   {"doc_anchor_min": 2.0}):
        with pytest.raises(ConfigError):
            DocumentMatcher(REG, **kwargs)  # type: ignore[arg-type]
    params = DocumentMatcher(REG).params()
    assert params["doc_top"] == 3 and params["doc_min_coverage"] == 0.5 and params["doc_weight"] == 0.5


def test_doc_chunks_never_cut_a_document() -> None:
    docs = ["a", "a", "a", "b", "c", "c", "c", "c", "d"]
    assert doc_chunks(docs, 2) == [(0, 3), (3, 8), (8, 9)]  # a cut once a chunk has 2 rows, at the next new document
    assert doc_chunks(docs, 1) == [(0, 3), (3, 4), (4, 8), (8, 9)]
    assert doc_chunks(docs, 100) == [(0, 9)]
    assert doc_chunks([], 2) == []


WORDS = ["Iraq", "petrol", "prices", "raise", "will", "this", "year", "Morocco", "earthquake", "killed", "the",
         "thousands", "Baghdad", "العراق", "البنزين", "أسعار"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)


@settings(deadline=None, max_examples=40)
@given(docs=st.lists(st.lists(sentence, min_size=1, max_size=7), min_size=1, max_size=8),
       per_batch=st.integers(1, 4), chunk=st.integers(1, 9), seed=st.integers(0, 999))
def test_pairs_do_not_depend_on_batching_or_order_of_whole_documents(docs: list[list[str]], per_batch: int,
                                                                      chunk: int, seed: int) -> None:
    m = make_matcher("char_ngram.v3", REG)
    units = units_frame({f"d{i}": texts for i, texts in enumerate(docs)})
    whole = match_batch(units, matcher=m, top_k_=2, min_score=0.1).sort("pair_id")
    assert whole["score"].is_between(0.0, 1.0).all()
    assert (whole.group_by("unit_id").len()["len"] <= 2).all()
    names = [f"d{i}" for i in range(len(docs))]
    random.Random(seed).shuffle(names)
    parts = []
    for lo in range(0, len(names), per_batch):  # whole documents per batch, their rows in any order
        batch = units.filter(pl.col("doc_id").is_in(names[lo:lo + per_batch])).sample(fraction=1.0, shuffle=True,
                                                                                       seed=seed)
        parts.append(match_batch(batch, matcher=m, top_k_=2, min_score=0.1, chunk_rows=chunk))
    assert pl.concat(parts).sort("pair_id").equals(whole)
