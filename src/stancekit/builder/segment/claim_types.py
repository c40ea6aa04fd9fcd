"""Records shared by the language-specific attribution finders (attribution_ar, attribution_en)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

QUOTE_CHARS = "“”\"«»„"
STRIP_CHARS = "“”\"«»„()[]،,:؛;.!?؟'’‘—–-"
TOKEN_RE = re.compile(r"\S+")


class Attribution(NamedTuple):
    """A claim unit's attribution; offsets are code points into the whole document text (end exclusive).

    ``speaker`` is None only when a dropped subject or pronoun has no antecedent in the document. (A NamedTuple:
    immutable, and built for every claim unit at a third of a frozen dataclass's cost.)
    """

    is_claim: bool
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_start: int
    cue_end: int
    quote_type: str  # "direct" or "indirect"


@dataclass(slots=True)
class Local:
    """What a language finder sees inside one unit.

    ``speaker`` is an explicit span, or None when the subject is dropped or a pronoun (``gender`` then guides the
    search for the antecedent: m, f, p (plural), o (it), ? unknown). ``preposed`` tells whether the attribution stands
    before its content; ``attr_end`` is the end of the attribution phrase when preposed (content starts after it).
    """

    cue_start: int
    cue_end: int
    speaker: tuple[int, int] | None
    gender: str
    preposed: bool
    attr_end: int
    is_person: bool = True
    colon_intro: bool = False
    attr_start: int = -1
    claim: bool = True

    def __post_init__(self) -> None:
        if self.attr_start < 0:
            self.attr_start = self.cue_start


def cue_keys(forms: list[str], proclitics: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> dict[str, str]:
    """Whitespace-token spellings of each cue word (with a proclitic, quotes, punctuation) -> the bare word. (One
    comprehension over the prefix-and-proclitic heads: the Arabic table has some 150,000 keys, built at import; each
    head-and-word is joined once, not once per suffix.)"""
    heads = [a + p for p in ("", *proclitics) for a in prefixes]
    return {hf + z: f for f in forms for hf in [h + f for h in heads] for z in suffixes}


def core(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past quote marks and punctuation at both ends."""
    raw = text[start:end]
    inner = raw.strip(STRIP_CHARS)
    if len(inner) == len(raw):
        return start, end
    if not inner:
        return start, start
    lead = len(raw) - len(raw.lstrip(STRIP_CHARS))
    return start + lead, start + lead + len(inner)


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whitespace tokens of ``text[start:end]`` as offset pairs."""
    return [m.span() for m in TOKEN_RE.finditer(text, start, end)]
