# ruff: noqa: E501 (Arabic literals)
"""Layout and boundary rules for text the first rules were not written for: abbreviations that end a sentence,
captions and credits, bylines, timestamps and labels, read-also/share lines, bullet and numbered lists."""

from __future__ import annotations

from stancekit.builder.segment.rules import segment_text


def units(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    return [(u.kind, u.boilerplate_kind, text[u.start : u.end]) for u in segment_text(text, lang)]


def content(text: str, lang: str) -> list[str]:
    return [t for k, _, t in units(text, lang) if k != "boilerplate"]


# ------------------------------------------------------------------------------------------ abbreviations (rule 2)


def test_time_abbreviation_ends_a_sentence_before_a_capitalised_word() -> None:
    text = "He spoke shortly before 4 p.m. Army chief Gen. Abdel Fattah al-Burhan has not commented."
    assert content(text, "en") == ["He spoke shortly before 4 p.m.", "Army chief Gen. Abdel Fattah al-Burhan has not commented."]


def test_time_abbreviation_before_a_time_zone_or_day_does_not() -> None:
    for text in ("Trains stop at 5 p.m. ET on weekdays, the operator said.",
                 "The vote closes at 8 p.m. Friday, officials said.",
                 "Shares of Acme Inc. Chief Executive Jane Doe rose."):
        assert content(text, "en") == [text]


def test_company_suffix_ends_a_sentence() -> None:
    text = "The deal was signed with Zain Holdings Inc. Regulators approved it on Monday."
    assert content(text, "en") == ["The deal was signed with Zain Holdings Inc.", "Regulators approved it on Monday."]


def test_title_abbreviations_never_end_a_sentence() -> None:
    text = "The talks were led by Gen. Smith and Dr. Jones in Geneva."
    assert content(text, "en") == [text]


def test_initialism_before_a_capitalised_name_does_not_end() -> None:
    text = "The U.S. Treasury and U.N. Secretary-General Antonio Guterres met on Monday."
    assert content(text, "en") == [text]
