"""English cue and speaker cases on invented sentences: verbs that take a plain object, a cue inside a relative
clause of the subject, research titles before a name, a party-state label after a name."""

from __future__ import annotations

import pytest
from test_attribution import claim, run


@pytest.mark.parametrize("text", [
    "Residents complained about the noise for months.",
    "The agency estimated the damage at $3 million.",
    "The study, which found that sleep loss raises risk, was published in May.",
    "The inspectors, who found cracks in two hulls last year, returned to the port on Monday.",
])
def test_not_claims(text: str) -> None:
    assert [a for _, a in run(text)] == [None]


@pytest.mark.parametrize(("text", "speaker", "cue"), [
    ("Drivers complained that the detour added an hour to their commute.", "Drivers", "complained"),
    ("Economists estimated that growth would slow to 1%.", "Economists", "estimated"),
    ("Costs will double, economists estimated.", "economists", "estimated"),
    ('"The ice is thinning faster than models predicted," said senior author Pedro Almeida of the University of '
     'Lisbon.', "Pedro Almeida", "said"),
    ("Study co-author Ines Varga of Utrecht University said the data were clear.", "Ines Varga", "said"),
    ("Rep. Carla Jensen, R-Ohio, who drafted the amendment, said the cuts were fair.", "Carla Jensen", "said"),
    ("The team, which found the wreck in 2019, said the hull was intact.", "The team", "said"),
    # a speech noun is dropped after its source ("Reuters' report"), not when only a determiner would be left
    ("The report, released by the central bank on Friday, found that lending fell in May.", "The report", "found"),
])
def test_claims(text: str, speaker: str, cue: str) -> None:
    a = claim(text)
    assert (a.speaker, a.cue) == (speaker, cue)
