"""The compiled claim attribution (``_attr_native.pyx``) gives exactly the attributions of the Python modules (its
reference): the same list of ``Attribution | None`` for every unit.

Compared on every gold article in ``tests/data``, the UD documents in each layout, mutated documents (UD text and news
gold articles spliced with layout and punctuation pieces), scale.py's generated news (the benchmark corpus), units in
an order the segmenter never gives (the unordered path), and hypothesis text built from cues, quotes, relays,
pronouns, colons and Arabic proclitics. A rule changed in Python and not in ``_attr_native.pyx`` fails here.
``STANCEKIT_REQUIRE_NATIVE=1`` (CI) makes a missing or stale compiled module a failure rather than a skip.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.segment import attribution, native, rules
from stancekit.builder.segment.units import _CLAIM_FIELDS, _claim_buffers

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_segment_regression import _JUNK  # noqa: E402

from native_helpers import compiled_module, gold_texts, mutated_documents, ud_documents  # noqa: E402
from scoring import UD_DIR  # noqa: E402

NAME = "_attr_native"


@pytest.fixture(scope="module")
def nat():  # type: ignore[no-untyped-def]
    return compiled_module(NAME)


def _differences(nat, docs: list[tuple[str, str | None]]) -> list[str]:  # type: ignore[no-untyped-def]
    """Documents whose attributions differ (units from the rule segmenter), each with its first differing unit."""
    bad = []
    for text, lang in docs:
        units = rules.segment_tuples(text, lang or "und")
        bad += _compare(nat, text, units, lang or "und")
    return bad


def _compare(nat, text: str, units: list, lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    want = attribution.attribute(text, units, lang)
    got = nat.attribute(text, units, lang)
    if got == want and len(got) == len(units):
        return []
    first = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), min(len(want), len(got)))
    return [f"{lang}: {text[:60]!r}: unit {first} {units[first:first + 1]}: python {want[first:first + 1]} "
            f"compiled {got[first:first + 1]}"]


def _mutated_news(n: int, seed: int) -> list[tuple[str, str]]:
    """Random splices of the gold news articles (cues, quotes, speakers) with layout and punctuation pieces."""
    base = gold_texts()
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        lang = base[rnd.randrange(len(base))][1]
        same = [t for t, lg in base if lg == lang]
        parts = []
        for _ in range(rnd.randint(1, 4)):
            t = same[rnd.randrange(len(same))]
            a = rnd.randrange(len(t) + 1)
            parts += [t[a:a + rnd.randint(0, 900)], _JUNK[rnd.randrange(len(_JUNK))]]
        chars = list("".join(parts))
        for _ in range(rnd.randint(0, 6)):
            chars.insert(rnd.randrange(len(chars) + 1), _JUNK[rnd.randrange(len(_JUNK))])
        out.append(("".join(chars), [lang, lang, "und"][rnd.randrange(3)]))
    return out


def test_status_names_how_it_runs() -> None:
    assert native.status(NAME).split()[0] in ("compiled", "off", "not", "stale")


def test_gold_articles(nat) -> None:  # type: ignore[no-untyped-def]
    docs = gold_texts()
    assert len(docs) >= 80
    assert _differences(nat, docs) == []
    # the gold articles have claim units in both languages: the comparison is not between two empty lists
    claims = {"ar": 0, "en": 0}
    for text, lang in docs:
        claims[lang] += sum(a is not None for a in nat.attribute(text, rules.segment_tuples(text, lang), lang))
    assert min(claims.values()) > 100, claims


def test_gold_articles_as_und_and_other_codes(nat) -> None:  # type: ignore[no-untyped-def]
    """The language code normalised as attribute() does (und, ar-EG, EN, fr, None)."""
    docs = gold_texts()[::4]
    for code in ("und", "ar-EG", "EN", "fr", None):
        bad = []
        for text, _ in docs:
            bad += _compare(nat, text, rules.segment_tuples(text, code or "und"), code)  # type: ignore[arg-type]
        assert bad == [], code


@pytest.mark.skipif(not UD_DIR.exists(), reason="../shared/data/ud-sentences is not available")
def test_ud_documents(nat) -> None:  # type: ignore[no-untyped-def]
    assert _differences(nat, ud_documents()) == []


@pytest.mark.skipif(not UD_DIR.exists(), reason="../shared/data/ud-sentences is not available")
def test_mutated_documents(nat) -> None:  # type: ignore[no-untyped-def]
    assert _differences(nat, mutated_documents()) == []


def test_mutated_news(nat) -> None:  # type: ignore[no-untyped-def]
    assert _differences(nat, _mutated_news(1500, seed=7)) == []


def test_generated_news(nat) -> None:  # type: ignore[no-untyped-def]
    """scale.py's articles (the benchmark corpus: headline and paragraphs of the gold articles, numbers varied)."""
    from segment import news_corpus

    docs = [(text, lang) for _, text, lang in news_corpus(0.5, seed=3)]
    assert _differences(nat, docs) == []


def test_units_out_of_order(nat) -> None:  # type: ignore[no-untyped-def]
    """Units not in order or overlapping (never from the segmenter): the path that visits every unit."""
    bad = []
    rnd = random.Random(3)
    for text, lang in gold_texts()[::3]:
        units = list(rules.segment_tuples(text, lang))
        if len(units) < 2:
            continue
        bad += _compare(nat, text, units[::-1], lang)
        merged = [(units[0][0], units[-1][1], "body", None), *units]
        bad += _compare(nat, text, merged, lang)
        rnd.shuffle(units)
        bad += _compare(nat, text, units, lang)
    assert bad == []


def test_empty_and_odd_inputs(nat) -> None:  # type: ignore[no-untyped-def]
    cases: list[tuple[str, list, str]] = [
        ("", [], "en"), ("said", [], "en"), ("said", [(0, 4, "body", None)], "en"),
        ("قال", [(0, 3, "body", None)], "ar"), ("X: y", [(0, 4, "title", None)], "en"),
        ("X: y", [(0, 4, "boilerplate", "chrome")], "en"), (": قال", [(0, 5, "title", None)], "und"),
    ]
    for text, units, lang in cases:
        assert _compare(nat, text, units, lang) == []


_EN_PIECES = ["said", "says", "told reporters", "according to", "According to", "on Tuesday", ", saying", "added",
              "quoted", "as saying", ", citing", "quoting", "pointed out", "denied", "accused", "of", "described",
              "as", "rejected the claim", "claimed responsibility", "by", "estimated", "reported", "that", "who",
              "Lloyd Austin", "the ministry", "Mr. Ryan", "Ms. Lee", "officials", "he", "she", "they", "it", "He",
              "the Interfax news agency", "Sen. Carla Jensen", "R-Ohio", "64", "a spokesman for", "the company",
              "Reuters", "in a statement", "What", "?", "I", "we", "our", "not", "was", "has", "also", "Iran-aligned",
              "al-Sadr", "of the", "aides to the governor", "Analysis", "Budget showdown", "UAE official"]
_AR_PIECES = ["قال", "وقال", "وأضاف", "أكدت", "أكد", "إن", "أن", "بأن", "وفقا لـ", "وفقاً للدستور", "بحسب", "نقلا عن",
              "نقلاً عن", "مشيرا", "مضيفة", "وزارة الصحة", "المتحدث باسم", "الوزارة", "الرئيس", "جاء في بيانها",
              "جاء في", "بيان", "أعرب", "عن", "قوله", "نقل", "ونقلت", "وكالة الأنباء", "مصادر مطلعة", "في", "غزة",
              "أشرف القدرة", "الدكتور", "المهندي", "مسؤول", "مسؤولون أمريكيون", "ويدعى", "أبو مرتضى", "كان", "وكانت",
              "قد", "من جهته", "ماذا", "؟", "لن", "يعلن", "تشير", "أنا", "نحن", "برنامجنا", "طهران", "عاجل",
              "صحيفة", "«", "»", "،", "ما", "وجود", "انخفاضا", "طفيفا", "عبد", "الله", "محمد", "الصيهود"]
_PUNCT = [" ", " ", " ", ", ", ": ", ":", ". ", "\n", "\n\n", "\"", "“", "”", "«", "»", "'", "’", "(", ")", "—",
          "،", ";", "!", "-"]
_PIECES = st.sampled_from(_EN_PIECES + _AR_PIECES + _PUNCT + _JUNK)


@settings(deadline=None, max_examples=400)
@given(st.lists(_PIECES, min_size=1, max_size=50), st.sampled_from(["ar", "en", "und"]))
def test_random_texts(nat, pieces: list[str], lang: str) -> None:  # type: ignore[no-untyped-def]
    text = "".join(pieces)
    assert _compare(nat, text, rules.segment_tuples(text, lang), lang) == []


@settings(deadline=None, max_examples=400)
@given(st.lists(st.sampled_from(_EN_PIECES + _AR_PIECES), min_size=1, max_size=40),
       st.lists(st.sampled_from(_PUNCT), min_size=40, max_size=40), st.sampled_from(["ar", "en"]))
def test_random_sentences(nat, words: list[str], seps: list[str], lang: str) -> None:  # type: ignore[no-untyped-def]
    """Words with separators between them: cue phrases in sentences with commas, quotes and colons around them."""
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    assert _compare(nat, text, rules.segment_tuples(text, lang), lang) == []


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from(list(" \n.!?؟…\"“”«»'’(),،:;Aa1قالوفن-–")), min_size=1, max_size=80))
def test_random_characters(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    for lang in ("ar", "en"):
        assert _compare(nat, text, rules.segment_tuples(text, lang), lang) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_length_thresholds(nat, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Speaker phrases, gaps between quotations, leads and tails of 0..16 words, so every length threshold of the
    rules (phrase caps, words between quotes, words before a cue) is met from both sides."""
    docs = []
    for n in range(17):
        if lang == "en":
            words = " ".join(["Smith"] * n)
            lows = " ".join(["word"] * n)
            docs += [f"{words} said the plan works.", f"\"The plan works,\" said {words} of the ministry.",
                     f"\"We will win\" {lows} \"and stay\", he said.", f"According to {words}, the plan works.",
                     f"The ministry said: \"We act {lows}.\"", f"{lows}, officials said.",
                     f"She said \"yes\" {lows} and \"no\".", f"Mr. Ryan arrived. {lows} He said it works."]
        else:
            words = " ".join(["محمد"] * n)
            defs = " ".join(["الوزارة"] * n)
            lows = " ".join(["كلمة"] * n)
            docs += [f"وقال {words} إن الخطة ناجحة.", f"وقال وزير {defs} إن الخطة ناجحة.",
                     f"وأضاف المتحدث {words}، {defs}، أن الخطة ناجحة.", f"«نحن هنا» {lows} «وباقون»، قال الوزير.",
                     f"وفقا لـ{defs} {lows}، الخطة ناجحة.", f"قال الرئيس: «نعمل {lows}».",
                     f"{lows} وأضاف أن الخطة ناجحة.",
                     f"ونقلت وكالة الأنباء عن {words} قوله إن الخطة ناجحة."]
    assert _differences(nat, [(d, lang) for d in docs]) == []
    assert _differences(nat, [("\n\n".join(docs), lang)]) == []


# ------------------------------------------------------------------ hand-written matchers (claim_quotes' regexes)

def _matchers_want(s: str, a: int, b: int) -> tuple[bool, bool]:
    from stancekit.builder.segment import claim_quotes

    return claim_quotes._MARKER_RE.search(s[a:b]) is not None, claim_quotes._PUNCT_ONLY.fullmatch(s, a, b) is not None


_MARKER_CASES = [
    "", "that", "That", "thats", "_that", "that_", "1that", "that1", "so that.", "that,", "“that”", "he said that",
    "أن", "إن", "وأن", "فإن", "بأن", "لأن", "وبأن", "فلإن", "ولأن", "أنه", "أنها", "أنهم", "أننا", "إنّ", "أنّه",
    "أنهما", "وأنا", "كأن", "الأن", "أنى", "و أن", "ب أن", "«أن", "أن»", "أن،", "أن:", "وو أن", "بوأن", "ووأن", "فأنن",
    "أنه.", "قال إن", "قال إنه", "قال: «إن", "أن_", "أن1", "١أن", "أن١", "أنهـ", "ـأن", "أ ن", "ان", "آن",
    " .,،:؛;!?؟…-–—()[]'’‘", "\t\n\x0b\x0c\r\x1c\x85\xa0\u2003\u3000", "a.", ". b", "(“", "…»", "«", "\u200b",
]


@pytest.mark.parametrize("s", _MARKER_CASES)
def test_quote_matchers_edge_cases(nat, s: str) -> None:  # type: ignore[no-untyped-def]
    """_MARKER_RE (``that``/أن with proclitics, suffixes, word boundaries, punctuation and quotes next to it, end of
    text) and _PUNCT_ONLY as hand-written in the compiled module, on the whole string and on every slice of it."""
    for a in range(len(s) + 1):
        for b in range(a, len(s) + 1):
            assert nat._test_matchers(s, a, b) == _matchers_want(s, a, b), (s, a, b)


@settings(deadline=None, max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("thaTوفبلأإنهاّمـ_1١ .,،:؛!?؟…-—()[]'’«»“\"\n\xa0x")), max_size=14))
def test_quote_matchers_random(nat, s: str) -> None:  # type: ignore[no-untyped-def]
    for a in range(len(s) + 1):
        assert nat._test_matchers(s, a, len(s)) == _matchers_want(s, a, len(s)), (s, a)
        assert nat._test_matchers(s, 0, a) == _matchers_want(s, 0, a), (s, a)


def _mentions_want(text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    from stancekit.builder.segment import claim_sources

    return [(m.span(), m.groups()) for m in claim_sources._EN_MENTION_RE.finditer(text)]


def _mentions_got(nat, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:  # type: ignore[no-untyped-def]
    return [(m.span(), m.groups()) for m in nat._test_mentions(text)]


_MENTION_CASES = [
    "", "M", "Mr", "Mr.", "Mr. ", "Mr. Smith", "Mr Smith", "xMr. Smith", "_Mr. Smith", "1Mr. Smith", "éMr. Smith",
    "(Mr. Smith)", "“Mr. Smith”", "Mrs. Ann Lee said", "Ms Ann O’Neil-Day", "Attorney General Merrick Garland",
    "Chief Justice John Roberts", "Chief Executive Tim Cook", "Sen. Bob Lee and Gov. Ann Ray", "SenatorBob Lee",
    "Prof. A B C D", "Mr. Mr. Smith", "Mr. smith", "Gen. Mark Milley.", "Minister Ali", "\nDr. Ruth\n",
    "Col. Capt. Lt. Sgt. Joe", "the President Biden", "ex-President Trump", "Speaker Mike Johnson's",
]


@pytest.mark.parametrize("text", _MENTION_CASES)
def test_mention_prefilter_edge_cases(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    """claim_sources._EN_MENTION_RE is tried only where a title can start (its first two letters after a non-word
    character): the same matches as finditer, at the start and end of text, after letters, digits, _ and quotes."""
    assert _mentions_got(nat, text) == _mentions_want(text)


def test_mention_prefilter_gold(nat) -> None:  # type: ignore[no-untyped-def]
    for text, _lang in gold_texts():
        assert _mentions_got(nat, text) == _mentions_want(text), text[:80]


@settings(deadline=None, max_examples=400)
@given(st.lists(st.sampled_from(["Mr", "Mrs", "Ms", "Dr", "Sen.", "Gov", "President", "Attorney General", "Chief",
                                 "Justice", ".", " ", "  ", "Smith", "Ann", "lee", "O’Neil", "x", "_", "1", "é", "\n",
                                 "“", "M", "S", "Sir"]), max_size=20))
def test_mention_prefilter_random(nat, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = "".join(pieces)
    assert _mentions_got(nat, text) == _mentions_want(text)


_QUESTION_CASES = [
    "", " ", "?", "؟", "Why?", "why? ", "Why?\"", "Why? \"", "“Why?”  ", "What did he say?»\n", "Is it.", "Who? x",
    "ماذا قال؟", "«لماذا؟»", "ولماذا؟", "فهل؟", "\u00a0What?\u00a0", "'''?'''", "?\u3000", "said?’", "Is it?.",
    "\"\"", "«»", " what ", "what?!", "how?\u2019\u201d",
]


@pytest.mark.parametrize("text", _QUESTION_CASES)
def test_question_fast_path(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    """attribution._question answered from the characters when the unit does not end with a question mark (after
    spaces and quote marks): the same answer as the Python rule on every slice."""
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            assert nat._test_question(text, a, b) == attribution._question(text, a, b), (text, a, b)


_CONTENT_CASES = [
    "", "that", "xthat", "thatx", "_that", "that_", "1that", "so that.", "that,", "“that”", "He said: no",
    "He said “no”", "said \"no\"", "« non »", "what that", "THAT", "That", "thathat", "that that", "éthat", "thaté",
    "x , y", "a,", "a,  ", ",\n\t", " ", "a , \u00a0", ",x",
]


@pytest.mark.parametrize("text", _CONTENT_CASES)
def test_content_matcher_edge_cases(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    """attribution_en._CONTENT_RE (``\\bthat\\b`` or a colon or opening quote) searched in [a, b) as hand-written: the
    boundary before ``that`` sees the character before a, b acts as the end; and the comma-before test of
    _postposed, on every (a, b)."""
    from stancekit.builder.segment import attribution_en

    for a in range(-1, len(text) + 2):
        for b in range(-1, len(text) + 2):
            want = (attribution_en._CONTENT_RE.search(text, a, b) is not None, text[:b].rstrip()[-1:] == ",")
            assert nat._test_content(text, a, b) == want, (text, a, b)


@settings(deadline=None, max_examples=400)
@given(st.text(alphabet=st.sampled_from(list("that Tx_1é:“”\"«»,. \n\xa0")), max_size=14))
def test_content_matcher_random(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    from stancekit.builder.segment import attribution_en

    for a in range(len(text) + 1):
        for b in (a, len(text), (a + len(text)) // 2):
            want = (attribution_en._CONTENT_RE.search(text, a, b) is not None, text[:b].rstrip()[-1:] == ",")
            assert nat._test_content(text, a, b) == want, (text, a, b)


_AR_CONTENT_CASES = [
    "", "أن", "إن", "ان", "وأن", "فإن", "بأن", "لأن", "وبان", "فلإن", "أنّ", "أنه", "أنها", "أنهم", "أنهما", "أننا",
    "أنني", "أنك", "أنكم", "أنهمـ", "أنً", "ًأن", "ـأن", "أنـ", "كأن", "الأن", "و أن", "بالقول", "وبالقول", "بالقولً",
    "ابالقول", "قال:", "«نعم»", "“", "\"", "x أن", "_أن", "أن_", "1أن", "أن1", "قال إنه سيأتي", "أنهمّ", "ٰأن", "أنٰ",
    "we", "We", "I", "I'm", "we're", "our", "Our", "us", "my", "My", "me", "mine", "Us", "MY", "we’re", "Iraq", "xI",
    "I_", "_I", "1me", "me1", "éus", "usé", "ours", "ou", "o", "m", "w", "said I", "that we", "(we)", "“I",
]


@pytest.mark.parametrize("text", _AR_CONTENT_CASES)
def test_content_ar_and_first_person_edge_cases(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    """claim_lexicon.AR_CONTENT_RE (أن with proclitics, suffixes, diacritics and tatweel as letters, بالقول, colon and
    quotes) and EN_FIRST_PERSON_RE as hand-written, searched in every [a, b) (the look-behind sees before a)."""
    from stancekit.builder.segment.claim_lexicon import AR_CONTENT_RE, EN_FIRST_PERSON_RE

    for a in range(-1, len(text) + 2):
        for b in range(-1, len(text) + 2):
            want = (AR_CONTENT_RE.search(text, a, b) is not None, EN_FIRST_PERSON_RE.search(text, a, b) is not None)
            assert nat._test_content_ar(text, a, b) == want, (text, a, b)


@settings(deadline=None, max_examples=500)
@given(st.text(alphabet=st.sampled_from(list("وفبلأإانهمّكيقـًٰ_1 :«»“\"Iwe'WOourMyxs.,")), max_size=14))
def test_content_ar_and_first_person_random(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    from stancekit.builder.segment.claim_lexicon import AR_CONTENT_RE, EN_FIRST_PERSON_RE

    for a in range(len(text) + 1):
        for b in (a, len(text), (a + len(text)) // 2):
            want = (AR_CONTENT_RE.search(text, a, b) is not None, EN_FIRST_PERSON_RE.search(text, a, b) is not None)
            assert nat._test_content_ar(text, a, b) == want, (text, a, b)


_AR_FIRST_PERSON_CASES = [
    "", "نحن", "ونحن", "نحنا", "أنا", "إننا", "إنني", "إني", "لدينا", "لدي", "علينا", "نريد", "لسنا", "لست", "قواتنا",
    "بلادنا", "xنحن", "نحن_", "1نحن", "نحنً", "لن نقبل", "ولن نقبل", "فلا نريد", "سوف نعمل", "سن نعمل", "قد نعم",
    "لن نق", "لن ن", "لن  نقبل", "لن\nنقبل", "لن، نقبل", "لنا نقبل", "ألن نقبل", "لن نقبل.", "قد نجح", "وسوف نرى",
    "برنامجنا", "موقفنا", "أحيانا", "بنا", "كنا", "دنا", "هناك", "بيننا", "مننا", "نا", "xxنا", "abcنا", "وطننا،",
    "قال: نحن هنا", "«لن نتراجع»", "لن\u00a0نقبل", "لم ن١٢", "لا ن__",
]


@pytest.mark.parametrize("text", _AR_FIRST_PERSON_CASES)
def test_ar_first_person_edge_cases(nat, text: str) -> None:  # type: ignore[no-untyped-def]
    """claim_lexicon.AR_FIRST_PERSON_RE as hand-written (first-person words, words ending with نا, a particle then
    a verb starting with ن), searched in every [a, b): the look-behind sees before a, b acts as the end."""
    from stancekit.builder.segment.claim_lexicon import AR_FIRST_PERSON_RE

    for a in range(-1, len(text) + 2):
        for b in range(-1, len(text) + 2):
            assert nat._test_ar_first_person(text, a, b) == (AR_FIRST_PERSON_RE.search(text, a, b) is not None), (
                text, a, b)


@settings(deadline=None, max_examples=600)
@given(st.lists(st.sampled_from(["نحن", "لن", "ولا", "سوف", "قد", "ن", "نقبل", "نا", "ا", "ب", "x", "_", "1", " ",
                                 "  ", "\n", "،", ".", "ً", "لدي", "إني", "قوات"]), max_size=10))
def test_ar_first_person_random(nat, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    from stancekit.builder.segment.claim_lexicon import AR_FIRST_PERSON_RE

    text = "".join(pieces)
    for a in range(len(text) + 1):
        for b in (a, len(text), (a + len(text)) // 2):
            assert nat._test_ar_first_person(text, a, b) == (AR_FIRST_PERSON_RE.search(text, a, b) is not None), (
                text, a, b)


def test_ar_cue_key_filter(nat) -> None:  # type: ignore[no-untyped-def]
    """The Arabic cue-key membership behind the hash-bit filter equals ``w in speaker_ar.CUE_KEYS`` for every key,
    near misses (a letter dropped, added or changed, diacritics, tatweel) and random words."""
    from stancekit.builder.segment import speaker_ar

    keys = speaker_ar.CUE_KEYS
    rng = random.Random(11)
    letters = "ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآةىـًٌٍَُِّْ،.«»\"“ A"
    words = [*list(keys)[::7], "", "قال", "وقال", "فقال", "قالت", "said", "ق", "ـقال"]
    for k in list(keys)[::13]:
        i = rng.randrange(len(k) + 1)
        words += [k[:i] + k[i + 1:], k[:i] + rng.choice(letters) + k[i:], k[:i] + rng.choice(letters) + k[i + 1:]]
    words += ["".join(rng.choice(letters) for _ in range(rng.randrange(1, 12))) for _ in range(20000)]
    bad = [w for w in words if nat._test_ar_cue_key(w) != (w in keys)]
    assert bad == []
    assert sum(w in keys for w in words) > 1000 and sum(w not in keys for w in words) > 20000


_TOKEN_CHARS = ["a", "é", "ق", "ـ", "😀", " ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "\x1f", "\u200b", "."]


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from(_TOKEN_CHARS), max_size=40), st.integers(-3, 45), st.integers(-3, 45))
def test_tokens_are_the_python_ones(nat, text: str, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """The compiled whitespace tokens (one loop per character width) equal claim_types.tokens, bounds clipped."""
    from stancekit.builder.segment.claim_types import tokens

    assert nat._test_tokens(text, start, end) == tokens(text, start, end)


def test_cue_key_sets_are_the_keys_of_the_cue_dicts() -> None:
    """Each finder's CUE_KEY_SET (the Python path's pre-filter) holds exactly the keys of its CUE_KEYS (what the
    compiled filter is built from): both paths find the same cue words."""
    from stancekit.builder.segment import attribution_ar, attribution_en

    for finder in (attribution_ar, attribution_en):
        assert finder.CUE_KEYS.keys() == finder.CUE_KEY_SET
        assert len(finder.CUE_KEY_SET) > 1000


def test_key_filter_scan(nat) -> None:  # type: ignore[no-untyped-def]
    """The key filter's scan of a text (two hash-bit tables, then the dict) finds exactly the cue words whose keys
    are whitespace tokens, for both finders: on news text and on text made of keys, near misses and odd spacing."""
    from stancekit.builder.segment import attribution_ar, attribution_en

    rng = random.Random(5)
    texts = [text for text, _ in _mutated_news(150, seed=3)]
    for finder in (attribution_ar, attribution_en):
        keys = list(finder.CUE_KEYS)
        pieces = [*keys[::29], "قال", "said", "“", "x", "ـ", "قالوا،", "said,", "\u00a0", "é", "\U0001d400"]
        for k in keys[::31]:
            i = rng.randrange(len(k) + 1)
            pieces += [k[:i] + k[i + 1:], k[:i] + rng.choice("اوفقلy s.،\"") + k[i:]]
        for _ in range(300):
            texts.append("".join(rng.choice(pieces) + rng.choice([" ", "  ", "\n", "\t", "", "\u2003"])
                                 for _ in range(rng.randrange(1, 40))))
    hits = 0
    for finder in (attribution_ar, attribution_en):
        keys_d = finder.CUE_KEYS
        for text in texts:
            want = {keys_d[w] for w in finder.CUE_KEY_SET.intersection(text.split())}
            assert nat._test_found(text, finder) == want, text[:200]
            hits += bool(want)
    assert hits > 500


def test_find_cues(nat) -> None:  # type: ignore[no-untyped-def]
    """The one-pass search of the cue words found (bigram table, find's non-overlapping visits per word, the
    boundary test with و/ف) gives exactly attribution.find_cues' matches: news text and text of cue words glued to
    letters, proclitics, punctuation and repeats."""
    from stancekit.builder.segment import attribution_ar, attribution_en

    rng = random.Random(9)
    texts = [text for text, _ in _mutated_news(150, seed=4)]
    glue = ["", "", " ", "و", "ف", "وو", "a", "x", ".", "(", "«", "“", "\"", "-", "،", ",", "ـ", "َ", "\n", "ss", "s"]
    for finder in (attribution_ar, attribution_en):
        words = sorted(set(finder.CUE_KEYS.values()))
        for _ in range(400):
            texts.append("".join(rng.choice(glue) + rng.choice(words) * rng.choice([1, 1, 1, 2]) + rng.choice(glue)
                                 + rng.choice([" ", "", "  "]) for _ in range(rng.randrange(1, 25))))
    hits = 0
    for finder in (attribution_ar, attribution_en):
        for text in texts:
            want = [(m.start(), m.end(), m.lastgroup) for m in attribution.find_cues(text, finder)]
            assert nat._test_find_cues(text, finder) == want, text[:200]
            hits += len(want)
    assert hits > 1000


def test_office_then_name(nat) -> None:  # type: ignore[no-untyped-def]
    """speaker_en's office-then-name rule (Secretary of State Antony Blinken said) and its edges: no name after the
    office, lower-case words, initials, acronyms and demonyms before the title, one or two connectors."""
    names = ["Antony Blinken", "Blinken", "Mike R. Pompeo", "J. R. Smith", "the minister", "al-Sadr", "Staff"]
    offices = ["Secretary of State", "U.S. Secretary of Defense", "Chairman of the Joint Chiefs of Staff",
               "British Minister for Foreign Affairs", "The Secretary of State",
               "Deputy Head of Mission at the Embassy", "Secretary of Homeland Security", "secretary of state"]
    docs = []
    for office in offices:
        for name in names:
            docs.append((f"{office} {name} said the talks would resume.", "en"))
            docs.append((f"The talks will resume, {office} {name} said.", "en"))
        docs.append((f"{office} said the talks would resume.", "en"))
    assert _differences(nat, docs) == []


def test_attribute_batch_equals_attribute_per_document(nat) -> None:  # type: ignore[no-untyped-def]
    """attribute_batch (the batch's unit columns in, the claim units' fields out) gives for every unit what
    attribute gives for its document, languages by code and by script, empty documents between."""
    from array import array

    from stancekit.builder.segment.protocol import KINDS

    docs = [(text, lang) for text, lang in gold_texts()] + [(t, "und") for t, _ in gold_texts()[:6]]
    docs += [("", "en"), ("No cue here at all.", "en"), ("Title: x\n\nBody.", "fr"), *_mutated_news(40, 11)]
    texts, langs, n_units, starts, ends, kinds, want = [], [], [], array("q"), array("q"), bytearray(), []
    for text, lang in docs:
        units = rules.segment_tuples(text, lang) if text else []
        texts.append(text)
        langs.append(lang)
        n_units.append(len(units))
        for s, e, kind, _bk in units:
            starts.append(s)
            ends.append(e)
            kinds.append(KINDS.index(kind))
        want += attribution.attribute(text, units, lang) if units else []
    buffers = nat.attribute_batch(texts, langs, n_units, starts, ends, bytes(kinds), KINDS)
    columns = {name: array.to_pylist() for name, array in _claim_buffers(len(want), buffers).items()}
    got = [tuple(columns[f][j] for f in ("is_claim", *_CLAIM_FIELDS)) for j in range(len(want))]
    claims = [j for j, a in enumerate(want) if a is not None and a.is_claim]
    assert len(claims) > 100 and any(a is None for a in want) and any(a is not None and a.speaker is None for a in want)
    assert got == [tuple(a) if j in claims else (False, *[None] * len(_CLAIM_FIELDS)) for j, a in enumerate(want)]
    with pytest.raises(ValueError, match="unit counts"):
        nat.attribute_batch(texts, langs, [n + 1 for n in n_units], starts, ends, bytes(kinds), KINDS)
    with pytest.raises(ValueError, match="languages"):
        nat.attribute_batch(texts, langs[:-1], n_units, starts, ends, bytes(kinds), KINDS)


def test_attribute_batch_no_claims_and_empty(nat) -> None:  # type: ignore[no-untyped-def]
    """A batch without a claim unit: every claim column null, offsets all zero; a batch without units: empty."""
    from array import array

    from stancekit.builder.segment.protocol import KINDS

    text = "The sky is blue.\n\nThe grass is green today."
    units = rules.segment_tuples(text, "en")
    buffers = nat.attribute_batch([text, ""], ["en", "en"], [len(units), 0], array("q", [u[0] for u in units]),
                                  array("q", [u[1] for u in units]), bytes(KINDS.index(u[2]) for u in units), KINDS)
    columns = _claim_buffers(len(units), buffers)
    assert columns["is_claim"].to_pylist() == [False] * len(units)
    assert all(columns[f].null_count == len(units) for f in _CLAIM_FIELDS)
    assert bytes(buffers["speaker"][1]) == bytes(8 * (len(units) + 1))
    empty = nat.attribute_batch([], [], [], array("q"), array("q"), b"", KINDS)
    assert {name: a.to_pylist() for name, a in _claim_buffers(0, empty).items()} == {
        "is_claim": [], **{f: [] for f in _CLAIM_FIELDS}}


def test_claim_columns_refuse_units_out_of_order(nat) -> None:  # type: ignore[no-untyped-def]
    """The column writer takes claim units in increasing order only (it fills the offsets as it goes)."""
    unit = (True, "X", 0, 1, "said", 2, 6, "direct")
    assert nat._test_claim_columns(3, [(0, unit), (2, unit)])["is_claim"] == bytes([0b101])
    for order in ([(1, unit), (1, unit)], [(2, unit), (1, unit)], [(3, unit)], [(-1, unit)]):
        with pytest.raises(ValueError, match="out of order or out of range"):
            nat._test_claim_columns(3, order)


def _cue_matcher_hits(got: Any, want: Any, texts: list[str]) -> int:
    """Assert a hand-written cue matcher equals the regex at every position of every text; the number of matches."""
    hits = 0
    for text in texts:
        for p in range(len(text) + 1):
            expected = want(text, p)
            assert got(text, p) == expected, (text[max(0, p - 20):p + 30], p)
            hits += expected is not None
    return hits


def _en_cue_want(text: str, p: int) -> tuple[int, int, str | None] | None:
    from stancekit.builder.segment import attribution_en

    m = attribution_en.CUE_RE.match(text, p)
    return None if m is None else (m.start(), m.end(), m.lastgroup)


_EN_CUE_PIECES = ["According to", "according to", "According", "to", "quoted", "pointed out", "points out",
                  "pointed", "points", "out", "said", "says", "saying", "say", "told", "added", "warned", "Said",
                  "the", "a", " ", "  ", "\n", ",", ".", "_", "2", "é", "-", "'", "’", "\u00a0", "\u0301", "ـ",
                  "قال", "x", "ly", "s", "ed"]


def test_en_cue_at_matches_the_regex(nat) -> None:  # type: ignore[no-untyped-def]
    """The hand-written English cue match at a position equals ``attribution_en.CUE_RE.match`` there: every cue word
    alone and glued to word characters (letters, digits, ``_``, accented letters) or separators, the two-word cues
    with other spacing, text ends, and news text at every position."""
    from stancekit.builder.segment import attribution_en

    words = sorted(set(attribution_en.CUE_KEYS.values()))
    texts = [*words, "According to", "according  to", "According to_", "according tox", "pointed out", "points out",
             "pointed  out", "points outs", "point out", "pointed\nout", "xsaid", "said_", "_said", "2said", "saidé",
             "ésaid", "said\u0301", "quoted", "quotedly", "", "s", "According", "according to."]
    rng = random.Random(17)
    glue = ["", " ", "x", "_", "9", "é", ",", "-", "\n", "ـ", "\u0301"]
    for w in words:
        texts.append(rng.choice(glue) + w + rng.choice(glue))
    texts += [text for text, lang in _mutated_news(60, seed=21) if lang != "ar"]
    assert _cue_matcher_hits(nat._test_en_cue_at, _en_cue_want, texts) > 250


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(_EN_CUE_PIECES), max_size=14))
def test_en_cue_at_matches_the_regex_generated(nat, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    _cue_matcher_hits(nat._test_en_cue_at, _en_cue_want, ["".join(pieces)])


def test_next_quote_finds_exactly_the_quote_marks(nat) -> None:  # type: ignore[no-untyped-def]
    """The quote-mark scan (a table by the low byte, then the high bits) stops at exactly the characters of
    claim_types.QUOTE_CHARS: every code point (strings of each width), and characters sharing a quote mark's low
    byte (ء‚ آ, ‫...)."""
    from stancekit.builder.segment.claim_types import QUOTE_CHARS

    latin1 = "".join(map(chr, range(256)))
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    astral = "".join(chr(c) for c in range(0x10000, 0x110000, 7)) + "x\"“" + "".join(chr(c) for c in range(300))
    near = "".join(chr((h << 8) | (ord(q) & 0xFF)) for q in QUOTE_CHARS for h in range(0x30)) + QUOTE_CHARS
    for text in (latin1, bmp, astral, near, "", "no quotes here", "«»"):
        want = [i for i, c in enumerate(text) if c in QUOTE_CHARS]
        assert nat._test_next_quote(text) == want
    assert len(nat._test_next_quote(bmp)) == len(QUOTE_CHARS)


def _ar_cue_want(text: str, p: int) -> tuple[int, int, str | None, int] | None:
    from stancekit.builder.segment import attribution_ar

    m = attribution_ar.CUE_RE.match(text, p)
    return None if m is None else (m.start(), m.end(), m.lastgroup, m.start(m.lastgroup or 0))


_AR_CUE_PIECES = ["قال", "وقال", "فقال", "قالت", "أكد", "أكدت", "وأكد", "نقل", "نقلت", "بحسب", "حسب", "حسبما", "وفقا",
                  "وفقاً", "وفقًا", "وفق", "طبقا", "نقلا", "نقلاً", "لـ", "ل", "عن", "جاء", "في", "اختتم", "ختمت",
                  "استهل", "بدأ", "تابع", "حديثه", "كلمته", "بالقول", "مصدر", "متحدث", "الوزير", "و", "ف", " ", "  ",
                  "\n", "\u00a0", "،", ".", "«", "“", "\"", "ـ", "َ", "ً", "\u0670", "_", "2", "x", "ا", "ت", "ين"]


def test_ar_cue_at_matches_the_regex(nat) -> None:  # type: ignore[no-untyped-def]
    """The Arabic cue match at a position (the phrase alternatives by their regexes, the one-word ones by the letter
    run) equals ``attribution_ar.CUE_RE.match`` there: every cue word alone, with a proclitic and glued to letters,
    diacritics, tatweel or punctuation; the phrase cues with odd spacing; and news text at every position."""
    from stancekit.builder.segment import attribution_ar

    words = sorted(set(attribution_ar.CUE_KEYS.values()))
    texts = ["اختتم حديثه بالقول", "واختتمت  كلمته\nبالقول:", "ختم بالقول", "بدأت بالقولـ", "تابع  حديثها بالقولx",
             "جاء في", "وجاء  في", "جاء\nفيه", "بحسب", "وفقاً لـ", "وفقًال", "وفقا  ل", "طبقاً لـ", "طبقا", "نقلاً عن",
             "فنقلا  عن", "نقلت عن", "حسبما", "لحسب", "و", "", "قالـ", "قالً", "xقال", "_قال", "2قال"]
    rng = random.Random(23)
    glue = ["", " ", "و", "ف", "ـ", "ً", "x", "_", "2", "،", "«", "\n", "ال"]
    for w in words[::3]:
        texts.append(rng.choice(glue) + w + rng.choice(glue) + rng.choice(["", " عن", " في", " لـ"]))
    texts += [text for text, lang in _mutated_news(80, seed=29) if lang != "en"]
    assert _cue_matcher_hits(nat._test_ar_cue_at, _ar_cue_want, texts) > 250


@settings(deadline=None, max_examples=400)
@given(st.lists(st.sampled_from(_AR_CUE_PIECES), max_size=14))
def test_ar_cue_at_matches_the_regex_generated(nat, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    _cue_matcher_hits(nat._test_ar_cue_at, _ar_cue_want, ["".join(pieces)])


def test_first_character_predicates(nat) -> None:  # type: ignore[no-untyped-def]
    """The one-character tests that replace ``w[:1].isupper()`` (and islower, isalpha, isdigit, ``text[k:k + 1]``)
    give the str methods' answers: every BMP character alone and leading a word, sampled astral ones, empty."""
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    chars += [chr(c) for c in range(0x10000, 0x110000, 97)]
    for w in ["", *chars, *(c + "ab" for c in chars[::37]), *("a" + c for c in chars[::41])]:
        f = w[:1]
        want = (f.isupper(), f.islower(), f.isalpha(), f.isdigit(), w[0:1].isupper(), w[1:2].isupper())
        assert nat._test_first(w) == want, repr(w)


def test_cue_in_equals_the_regex_search(nat) -> None:  # type: ignore[no-untyped-def]
    """quote_type's "is there a cue after the cue" test equals ``finder.CUE_RE.search(tail) is not None``: news text
    cut at every cue end (both languages), and pieces of cue words with proclitics, glue and odd spacing."""
    from stancekit.builder.segment import attribution_ar, attribution_en

    rng = random.Random(31)
    news = [text for text, _ in _mutated_news(60, seed=37)]
    seen = {True: 0, False: 0}
    for finder, pieces in ((attribution_en, _EN_CUE_PIECES), (attribution_ar, _AR_CUE_PIECES)):
        tails = [text[m.end():m.end() + rng.randrange(1, 300)] for text in news
                 for m in finder.CUE_RE.finditer(text)]
        tails += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12))) for _ in range(3000)]
        for tail in tails:
            want = finder.CUE_RE.search(tail) is not None
            assert nat._test_cue_in(finder, tail) == want, (finder.__name__, tail)
            seen[want] += 1
    assert min(seen.values()) > 500


_AR_NP_PIECES = ["وزير", "الخارجية", "الأمريكي", "أنتوني", "بلينكن", "،", "، ", "المتحدث", "باسم", "الجيش", "في",
                 "من", "عن", "الصادر", "بيان", "«", "»", ":", ".", "الذي", "إن", "قال", "وقال", "فرانك", "ماكنزي",
                 "الجنرال", "قائد", "القيادة", "المركزية", "لـ", "x", "2", "\n", "سامي،", "الوزير،", "بغداد،", "جون،",
                 "كذا", "هنا", "مدير", "رئيس", "الشركة"]


def _ar_np_text(words: list[str], seps: list[str]) -> str:
    return "".join(w + s for w, s in zip(words, seps, strict=False))


@settings(deadline=None, max_examples=500)
@given(st.lists(st.sampled_from(_AR_NP_PIECES), max_size=45), st.lists(st.sampled_from([" ", "  ", "\n", ""]),
       min_size=45, max_size=45), st.integers(-2, 6), st.integers(0, 400), st.booleans())
def test_np_after_ar_equals_the_python_walk(nat, words: list[str], seps: list[str], pos: int, end: int,  # type: ignore[no-untyped-def]
                                            extend: bool) -> None:
    """The compiled Arabic speaker phrase after a cue gives the Python walk's tokens: long phrases of titles, names,
    appositions, prepositions and quotes, windows cut at any end."""
    from stancekit.builder.segment import speaker_ar

    text = _ar_np_text(words, seps)
    assert nat._test_np_after_ar(text, pos, end, extend) == speaker_ar.np_after(text, pos, end, extend)


def test_np_after_ar_reads_ten_tokens_ahead(nat) -> None:  # type: ignore[no-untyped-def]
    """The farthest the walk looks: a preposition after the head, a name ending in a comma up to five tokens on
    (_name_after_pp), then an apposition of up to four tokens whose comma is followed, ten tokens past the
    preposition, by the word that decides whether it is one (a walk that tokenized its window one token short of
    that, tried for speed, failed here on ~1.4% of these phrases)."""
    from stancekit.builder.segment import speaker_ar

    rng = random.Random(1)
    plain = ["كذا", "هنا", "سامي", "جون", "مدير", "رئيس", "x", "وزير", "قائد", "فرانك", "ماكنزي", "بلينكن"]
    after = [*plain, "إن", "الذي", "الوزير", "الشركة", "في", "من", "عن", "قال", ":", ".", "«", "»"]
    lengths = set()
    for _ in range(5000):
        head = [rng.choice(plain) for _ in range(rng.randrange(0, 6))] + [rng.choice(plain) + "،"]
        apposition = [rng.choice(plain) for _ in range(rng.randrange(0, 4))] + [rng.choice(plain) + "،"]
        tail = [rng.choice(after) for _ in range(rng.randrange(0, 4))]
        text = " ".join(["وزير", rng.choice(["في", "من", "عن"]), *head, *apposition, *tail])
        want = speaker_ar.np_after(text, 0, len(text))
        assert nat._test_np_after_ar(text, 0, len(text)) == want, text
        lengths.add(len(want))
    assert max(lengths) >= 7
