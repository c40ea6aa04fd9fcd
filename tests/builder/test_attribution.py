"""Claim units (rules 6-12 of docs/claim-units.md): attribute() on the seed article, English and Arabic cases for each
rule, and properties of the offsets."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.segment.attribution import Attribution, attribute
from stancekit.builder.segment.protocol import UnitSpan

GOLD = Path(__file__).resolve().parents[1] / "data" / "news_gold"
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "seed" / "us-forces-iraq.ar.txt"


def split_units(text: str, title: bool = False, boilerplate: tuple[str, ...] = ()) -> list[UnitSpan]:
    """Test helper: one unit per sentence (. ! ? ؟ and a closing quote), or per line without final punctuation."""
    units: list[UnitSpan] = []
    for line in re.finditer(r"[^\n]+", text):
        for m in re.finditer(r"\S.*?(?:(?<!\b[A-Z])[.!?؟][”\"»]?(?=\s|$)|$)", line.group()):
            s, e = line.start() + m.start(), line.start() + m.end()
            while e > s and text[e - 1].isspace():
                e -= 1
            seg = text[s:e]
            kind = "boilerplate" if seg.startswith(boilerplate) and boilerplate else "body"
            if title and not units:
                kind = "title"
            units.append(UnitSpan(s, e, kind, "dateline" if kind == "boilerplate" else None))
    return units


def run(text: str, lang: str = "en", **kw: object) -> list[tuple[str, Attribution | None]]:
    units = split_units(text, **kw)  # type: ignore[arg-type]
    return [(text[u.start:u.end], a) for u, a in zip(units, attribute(text, units, lang), strict=True)]


def claim(text: str, lang: str = "en", **kw: object) -> Attribution:
    out = [a for _, a in run(text, lang, **kw) if a is not None]
    assert len(out) == 1, out
    return out[0]


# ------------------------------------------------------------------------------------------------------- seed


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[UnitSpan], list[Attribution | None]]:
    text = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    gold = json.loads((GOLD / "ar" / "seed.gold.json").read_text(encoding="utf-8"))
    assert (GOLD / "ar" / "seed.txt").read_text(encoding="utf-8") == text
    units = [UnitSpan(u["start"], u["end"], u["kind"], u["boilerplate_kind"]) for u in gold["units"]]
    return text, units, attribute(text, units, "ar")


def _find(text: str, units: list[UnitSpan], prefix: str) -> int:
    return next(i for i, u in enumerate(units) if text[u.start:u.end].lstrip().startswith(prefix))


def test_seed_mckenzie_quote_is_a_direct_claim(seed: tuple[str, list[UnitSpan], list[Attribution | None]]) -> None:
    text, units, attrs = seed
    a = attrs[_find(text, units, "قال قائد القيادة")]
    assert a is not None and a.is_claim
    assert (a.speaker, a.cue, a.quote_type) == ("فرانك ماكنزي", "قال", "direct")
    assert text[a.speaker_start:a.speaker_end] == "فرانك ماكنزي"
    assert text[a.cue_start:a.cue_end] == "قال"


def test_seed_dropped_subject_points_at_the_nearest_mention(
        seed: tuple[str, list[UnitSpan], list[Attribution | None]]) -> None:
    text, units, attrs = seed
    i = _find(text, units, "وأضاف أنه على الرغم من")
    a = attrs[i]
    assert a is not None and a.quote_type == "indirect" and a.cue == "أضاف"
    assert text[a.cue_start - 1:a.cue_end] == "وأضاف"  # the proclitic و is not part of the cue
    assert a.speaker == "ماكنزي" and a.speaker_start is not None
    nearest = text.rfind("ماكنزي", 0, units[i].start)
    assert a.speaker_start == nearest < units[i].start  # outside the unit, at the nearest explicit mention


def test_seed_headline_colon_and_read_also(seed: tuple[str, list[UnitSpan], list[Attribution | None]]) -> None:
    text, units, attrs = seed
    title = attrs[_find(text, units, "واشنطن: القوات الأمريكية لن تغادر العراق")]
    assert title is not None and (title.speaker, title.cue, title.speaker_start) == ("واشنطن", ":", 0)
    assert attrs[_find(text, units, "اقرأ أيضاً")] is None
    assert attrs[_find(text, units, "واشنطن – بال بلس")] is None
    assert attrs[_find(text, units, "وطالبت القوى السياسية")] is None  # a demand
    assert attrs[_find(text, units, "وتقود واشنطن")] is None  # a pledge


# ---------------------------------------------------------------------------------------------------- English


def test_en_preposed_said_that_name_without_title() -> None:
    a = claim("Mr Madden said on Tuesday that the plan would fail.")
    assert (a.speaker, a.cue, a.quote_type) == ("Madden", "said", "indirect")


def test_en_titles_stripped_and_direct_postposed_quote_with_continuation() -> None:
    text = '"We are not leaving," Defense Secretary Lloyd Austin told reporters. "Our role is changing."'
    (_, a), (_, b) = run(text)
    assert a is not None and (a.speaker, a.cue, a.quote_type) == ("Lloyd Austin", "told", "direct")
    assert b is not None and (b.speaker_start, b.cue_start, b.quote_type) == (a.speaker_start, a.cue_start, "direct")


def test_en_quote_spanning_units_attributed_in_the_later_unit() -> None:
    text = 'The agency issued a warning. "Cases are rising fast. We are worried," Dr Jane Okafor said.'
    out = run(text)
    assert out[0][1] is None
    first, second = out[1][1], out[2][1]
    assert second is not None and second.speaker == "Jane Okafor" and second.quote_type == "direct"
    assert first is not None and (first.speaker_start, first.cue_start) == (second.speaker_start, second.cue_start)


def test_en_pronoun_resolves_to_nearest_mention_of_same_gender() -> None:
    text = ("Ms Rachel Reeves said taxes would not rise. Mr Tom Madden said the numbers did not add up. "
            "She added that growth would pay for it.")
    out = run(text)
    c = out[2][1]
    assert c is not None and c.cue == "added"
    assert c.speaker == "Rachel Reeves" and c.speaker_start == text.index("Rachel Reeves")


def test_en_pronoun_it_resolves_to_an_organisation() -> None:
    text = "Russia's defense ministry said its air defenses shot down 11 drones. It said there were no casualties."
    b = run(text)[1][1]
    assert b is not None and b.speaker == "Russia's defense ministry" and b.speaker_start == 0


def test_en_according_to_and_media_names() -> None:
    a = claim("About 1,200 customers lost power, according to the Interfax news agency.")
    assert (a.speaker, a.cue) == ("Interfax", "according to")
    b = claim("According to a senior U.S. official, the two sides agreed on a transition.")
    assert (b.speaker, b.cue) == ("a senior U.S. official", "According to")


def test_en_relays_take_the_inner_source() -> None:
    a = claim("Xabi Alonso will replace Klopp, two club sources said, according to ESPN.")
    assert (a.speaker, a.cue) == ("two club sources", "said")
    b = claim("The Interfax news agency quoted an airport official as saying flights had been suspended.")
    assert (b.speaker, b.cue) == ("an airport official", "saying")


def test_en_appositions_and_relative_clauses() -> None:
    assert claim("John Keller, 64, told the court that the payments were legal.").speaker == "John Keller"
    aged = claim("Graham Madden, 58, the former chief executive of the council, denied that he took the money.")
    assert (aged.speaker, aged.cue) == ("Graham Madden", "denied")  # an age, then a description
    a = claim("The official, who spoke on condition of anonymity, said the militias attacked twice.")
    assert a.speaker == "The official"
    assert claim("Lloyd Austin, the defense secretary, said troops would stay.").speaker == "Lloyd Austin"


def test_en_inverted_and_participle_attribution() -> None:
    a = claim('"It is too late," said Professor Seung-Ki Min of Pohang University.')
    assert (a.speaker, a.quote_type) == ("Seung-Ki Min", "direct")
    b = claim("Senator Elizabeth Warren criticized the decision, saying high rates were hurting families.")
    assert (b.speaker, b.cue) == ("Elizabeth Warren", "saying")


def test_en_headline_colon_and_first_person_after_colon() -> None:
    a = claim("Pentagon: US troops will stay in Iraq", title=True)
    assert (a.speaker, a.cue, a.speaker_start) == ("Pentagon", ":", 0)
    b = claim("Cook told investors at the time: We are seeing pressure in some markets.")
    assert (b.speaker, b.quote_type) == ("Cook", "direct")
    assert all(x is None for _, x in run("Update: the fire is contained", title=True))


@pytest.mark.parametrize("sentence", [
    "Climate campaigners urged Shell to cut oil output faster.",
    "Republican lawmakers called on the Fed to act faster.",
    "Kataib Hezbollah has vowed to continue attacks until all foreign troops leave.",
    "The government pledged to build 300,000 homes a year.",
    "Iraqi Prime Minister Mohammed Shia al-Sudani met Austin in Baghdad last month.",
    "The two leaders discussed the timeline for the withdrawal.",
    "Keller's lawyer declined to comment after the hearing.",
    "Keller allegedly used a shell company to hide the payments.",
    "Some skeptics are said to dispute the methodology.",
    "He declined to say when the first cut might come.",
])
def test_en_not_claims(sentence: str) -> None:
    assert all(a is None for _, a in run(sentence))


def test_boilerplate_is_never_a_claim() -> None:
    text = "Reuters said the story was updated.\nThe minister said taxes would rise."
    units = [UnitSpan(0, 35, "boilerplate", "credit"), UnitSpan(36, len(text), "body")]
    attrs = attribute(text, units, "en")
    assert attrs[0] is None and attrs[1] is not None and attrs[1].speaker == "The minister"


def test_other_languages_give_no_claims_and_und_is_detected_by_script() -> None:
    assert attribute("Der Minister sagte, dass...", [UnitSpan(0, 27)], "de") == [None]
    text = "قال الوزير إن الخطة ستنجح."
    a = attribute(text, [UnitSpan(0, len(text))], "und")[0]
    assert a is not None and a.speaker == "الوزير"
    b = attribute("The minister said it works.", [UnitSpan(0, 27)], "und")[0]
    assert b is not None and b.speaker == "The minister"


# ----------------------------------------------------------------------------------------------------- Arabic


def test_ar_proclitic_cue_and_feminine_dropped_subject() -> None:
    text = "قالت وزارة الدفاع الروسية إن الهجوم فشل. وأضافت أن الوضع تحت السيطرة."
    a, b = (x for _, x in run(text, "ar"))
    assert a is not None and (a.speaker, a.cue) == ("وزارة الدفاع الروسية", "قالت")
    assert b is not None and b.cue == "أضافت" and text[b.cue_start - 1] == "و"
    assert (b.speaker, b.speaker_start) == ("وزارة الدفاع الروسية", a.speaker_start)


def test_ar_relay_and_quoted_organisation_name() -> None:
    a = claim("ونقلت وكالة “إنترفاكس” عن حاكم المقاطعة فياتشيسلاف غلادكوف قوله إن الشظايا ألحقت أضرارا بمنزلين.", "ar")
    assert (a.speaker, a.cue) == ("فياتشيسلاف غلادكوف", "قوله")
    b = claim("وقالت وكالة “إنترفاكس” إن الرحلات علقت.", "ar")
    assert b.speaker == "إنترفاكس"


def test_ar_markers_and_participle() -> None:
    a = claim("وبحسب وكالة “رويترز”، فإن القوات كثفت هجماتها.", "ar")
    assert (a.speaker, a.cue) == ("رويترز", "بحسب")
    b = claim("ووفقا لمنظمة الهجرة الدولية، نزح أكثر من 10 ملايين شخص.", "ar")
    assert (b.speaker, b.cue) == ("منظمة الهجرة الدولية", "وفقا ل")
    c = claim("وتعهد الرئيس بزيادة الرواتب، مضيفا أن الموازنة تسمح بذلك.", "ar")
    assert c.cue == "مضيفا" and c.speaker == "الرئيس"


def test_ar_title_before_name_and_apposition() -> None:
    a = claim("قال رئيس الوزراء العراقي مصطفى الكاظمي إن الانتخابات ستجري في موعدها.", "ar")
    assert a.speaker == "مصطفى الكاظمي"
    b = claim("قال رئيس الهيئة، فاروق بوعسكر، إن نسبة المشاركة بلغت 11 في المئة.", "ar")
    assert b.speaker == "فاروق بوعسكر"
    c = claim("وقال مسؤول أمريكي طلب عدم الكشف عن اسمه إن المحادثات متعثرة.", "ar")
    assert c.speaker == "مسؤول أمريكي"


def test_ar_direct_quote_after_colon_and_continuation() -> None:
    text = "وقال رئيس الجبهة أحمد نجيب الشابي: “هذا البرلمان لا يمثل التونسيين”. “سنواصل النضال السلمي”."
    (_, a), (_, b) = run(text, "ar")
    assert a is not None and (a.speaker, a.quote_type) == ("أحمد نجيب الشابي", "direct")
    assert b is not None and (b.speaker_start, b.cue_start, b.quote_type) == (a.speaker_start, a.cue_start, "direct")


@pytest.mark.parametrize("sentence", [
    "ودعا الرئيس الدول الغربية إلى تسريع تسليم أنظمة الدفاع الجوي.",
    "وطالبت المنظمة الحكومة بتأمين مياه نظيفة.",
    "وحث صندوق النقد الدولي مصر على المضي في برنامج الخصخصة.",
    "وتعهدت الحسن بتوفير اللقاحات مجانا.",
    "ويشار إلى أن المقاطعة تتعرض لهجمات متكررة.",
    "والتقى بلينكن لاحقا العاهل الأردني الملك عبد الله الثاني.",
    "لكنه رفض التعليق على تقارير إعلامية.",
])
def test_ar_not_claims(sentence: str) -> None:
    assert all(a is None for _, a in run(sentence, "ar"))


# ------------------------------------------------------------------------------------------------- properties

_FRAGMENTS = [
    "The minister said the plan would fail.", "He added that taxes would rise.", '"We will stay," she said.',
    '"It is bad.', 'We must act," Dr Ann Lee told reporters.', "Officials urged calm.", "It said so.",
    "According to the Interfax news agency, flights stopped.", "قال الوزير إن الخطة ستفشل.", "وأضاف أن الضرائب سترتفع.",
    "وقالت: “لن نغادر”.", "ودعا الرئيس إلى الهدوء.", "بحسب “رويترز”، توقفت الرحلات.", "Pentagon: troops stay",
    "“Unclosed quote said", "Mr X,", "، مضيفا أن", ": “", "\"", "said", "قال", "وأضاف:",
]


@settings(deadline=None, max_examples=200)
@given(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=8),
       st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=8, max_size=8),
       st.sampled_from(["en", "ar"]), st.booleans())
def test_offsets_point_into_the_text(frags: list[str], seps: list[str], lang: str, with_title: bool) -> None:
    text = "".join(f + seps[i] for i, f in enumerate(frags)).rstrip()
    pos, units = 0, []
    for i, f in enumerate(frags):
        start = text.index(f, pos)
        units.append(UnitSpan(start, start + len(f), "title" if with_title and i == 0 else "body"))
        pos = start + len(f)
    attrs = attribute(text, units, lang)
    assert len(attrs) == len(units)
    claim_cues = {(a.cue_start, a.cue_end) for u, a in zip(units, attrs, strict=True)
                  if a is not None and u.start <= a.cue_start < u.end}
    for u, a in zip(units, attrs, strict=True):
        if a is None:
            continue
        assert a.is_claim and a.quote_type in ("direct", "indirect")
        assert 0 <= a.cue_start < a.cue_end <= len(text) and text[a.cue_start:a.cue_end] == a.cue
        # the cue is inside the unit, or inside the unit that attributes it (a quote continuation)
        assert u.start <= a.cue_start < u.end or (a.cue_start, a.cue_end) in claim_cues
        if a.speaker is not None:
            assert a.speaker_start is not None and a.speaker_end is not None
            assert 0 <= a.speaker_start < a.speaker_end <= len(text)
            assert text[a.speaker_start:a.speaker_end] == a.speaker == a.speaker.strip()
            assert not any(c in a.speaker[:1] + a.speaker[-1:] for c in "“”\"«»")


@settings(deadline=None, max_examples=100)
@given(st.text(min_size=0, max_size=300), st.lists(st.integers(0, 300), max_size=6), st.sampled_from(["en", "ar"]))
def test_arbitrary_text_never_breaks(text: str, cuts: list[int], lang: str) -> None:
    points = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    units = [UnitSpan(a, b) for a, b in pairwise(points) if b > a]
    attrs = attribute(text, units, lang)
    assert len(attrs) == len(units)
    for a in attrs:
        if a is not None:
            assert text[a.cue_start:a.cue_end] == a.cue
            if a.speaker is not None:
                assert text[a.speaker_start:a.speaker_end] == a.speaker


def test_questions_report_no_assertion() -> None:
    # a question asks (an explainer's heading, a rhetorical question): no claim, even with a speech verb in it
    en = [a for _, a in run("What do airlines say?\nThe airline said fares would rise.")]
    assert en[0] is None and en[1] is not None and en[1].speaker == "The airline"
    ar = [a for _, a in run("ماذا يقول الملاك؟\nوقال رئيس الاتحاد إن القانون سيضر السوق.", "ar")]
    assert ar[0] is None and ar[1] is not None and ar[1].cue == "قال"


def test_ar_name_in_apposition_after_a_prepositional_phrase() -> None:
    a = claim("وقال المتحدث باسم وزارة الصحة في غزة، أشرف القدرة، إن عدد الضحايا ارتفع.", "ar")
    assert (a.speaker, a.cue) == ("أشرف القدرة", "قال")
    b = claim("وقال المتحدث باسم الدفاع المدني في منطقة مكة المكرمة، العقيد ماجد الشهري، إن الفرق تعاملت مع البلاغات.",
              "ar")
    assert b.speaker == "ماجد الشهري"  # the rank is not part of the name
    c = claim("وقال مسؤول في الوزارة، طلب عدم الكشف عن اسمه، إن القرار نهائي.", "ar")
    assert c.speaker == "مسؤول في الوزارة"  # a clause between commas is no name


def test_cue_keys_spell_each_word_with_every_head_and_suffix() -> None:
    from stancekit.builder.segment.claim_types import cue_keys

    keys = cue_keys(["قال", "أضاف"], "و", ("", "«"), ("", "،"))
    assert keys == {"قال": "قال", "قال،": "قال", "«قال": "قال", "«قال،": "قال", "وقال": "قال", "وقال،": "قال",
                    "«وقال": "قال", "«وقال،": "قال", "أضاف": "أضاف", "أضاف،": "أضاف", "«أضاف": "أضاف", "«أضاف،": "أضاف",
                    "وأضاف": "أضاف", "وأضاف،": "أضاف", "«وأضاف": "أضاف", "«وأضاف،": "أضاف"}
    # a spelling two words share goes to the later word (as the lists are read: the lexicon's order decides)
    assert cue_keys(["وصف", "صف"], "و", ("",), ("",))["وصف"] == "صف"
