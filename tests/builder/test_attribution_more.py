"""More attribution rules (rule 10 speaker strings, cues, headline sources), each on a short invented text."""

from __future__ import annotations

from test_attribution import claim, run

from stancekit.builder.segment.attribution import Attribution, attribute
from stancekit.builder.segment.protocol import UnitSpan


def whole(text: str, lang: str = "en") -> Attribution | None:
    """The attribution of ``text`` taken as one body unit."""
    return attribute(text, [UnitSpan(0, len(text), "body", None)], lang)[0]


def test_english_title_before_prefixed_surname() -> None:
    a = claim('"There was no fraud," commission spokeswoman Rana al-Tamimi told reporters.')
    assert a.speaker == "Rana al-Tamimi"


def test_english_closing_quote_not_in_speaker() -> None:
    text = '"We will appeal," Karim al-Haddad, a senior party figure, told reporters. He said the count was flawed.'
    out = [a for _, a in run(text)]
    assert out[0] is not None and out[0].speaker == "Karim al-Haddad"
    assert out[1] is not None and out[1].speaker == "Karim al-Haddad"


def test_english_person_of_organisation() -> None:
    assert claim('"It is a relabelling," said Martin Kowal of the Brandt Institute.').speaker == "Martin Kowal"


def test_english_proper_name_before_organisation_noun() -> None:
    assert claim("The Iran-aligned Nasr alliance says the vote was rigged.").speaker == "Nasr alliance"


def test_english_abbreviation_keeps_its_period() -> None:
    a = whole("Aid will rise by $20 mln, the Treasury Dept. said on Monday.")
    assert a is not None and a.speaker == "Treasury Dept."


def test_english_he_skips_plural_group() -> None:
    text = ("Planners at the ministry said demand would peak in July. "
            "Ministry adviser Omar Saleh said the grid was old. Officials said imports were falling. "
            "He said the plan was late.")
    assert [a.speaker for _, a in run(text) if a is not None][-1] == "Omar Saleh"
