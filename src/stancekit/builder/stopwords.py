"""Function words whose character n-grams carry no evidence about a claim (a fixed prior, not fitted on any data).

IDF is fitted on the registry only; with a handful of claims it cannot tell a function word from a content word, so
n-grams that lie inside one of these words (with its surrounding spaces) are stop n-grams whatever the registry.
Words are written in normalised form (see :mod:`stancekit.builder.normalize`).
"""

from __future__ import annotations

VERSION = "builtin.v1"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ARABIC = _words("""
ال و ب ل ف ك في من الي علي عن ان او ما لا لم لن قد كان كانت يكون هذا هذه ذلك تلك هناك هنا التي الذي الذين اللذين
اللتين مع بعد قبل عند حتي منذ بين ضد عبر حول خلال كل بعض غير ثم اي هو هي هم هما نحن انه انها انهم لها له لهم به بها
فيه فيها منه منها عليه عليها اليه اليها وقد وان وفي ومن والي وعلي او ام بل لكن اذا اذ كما مثل ايضا وهو وهي فقد لقد
""")

ENGLISH = _words("""
a an the of in on at to for from by with and or but nor is are was were be been being will would shall should can could
may might must has have had do does did not no this that these those it its as than then there their they them he she
his her him we our us you your i me my which who whom whose what when where why how all any some more most such into
over under about after before between through during up down out off again also just only very so if s t
""")

WORDS: dict[str, tuple[str, ...]] = {"ar": ARABIC, "en": ENGLISH}
