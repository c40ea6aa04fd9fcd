"""Sources for dropped subjects and pronouns: the explicit mentions seen so far in a document and the antecedent
search (rule 9). Used by ``attribution``."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from types import ModuleType

from stancekit.builder.segment import attribution_en
from stancekit.builder.segment.claim_lexicon import (
    AR_DESCRIPTORS,
    AR_ORG_HEADS,
    AR_TITLES,
    EN_DESCRIPTOR_NOUNS,
    EN_ORG_HEADS,
)
from stancekit.builder.segment.claim_types import Local

_EN_MENTION_RE = re.compile(  # the look-ahead lets the regex engine skip to the titles' first letters
    r"(?=[MDSGPCJRALO])\b(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Gen\.|President|Senator|Sen\.|Gov\.|Governor|Mayor|Chancellor"
    r"|Judge|Justice|Rep\.|Representative|Prof\.|Professor|Minister|Secretary|Ambassador|Speaker|Col\.|Capt\."
    r"|Lt\.|Sgt\.|Detective|Officer|Attorney General|Chief Justice)\.? "
    r"((?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+)"
)
# words of a descriptive phrase (not a name whose last word is a later mention): heads and prepositions
_DESCRIPTIVE = (AR_TITLES | AR_DESCRIPTORS | AR_ORG_HEADS | EN_DESCRIPTOR_NOUNS | EN_ORG_HEADS
                | {"في", "عن", "من", "of", "at", "in", "for", "from"})
_TITLE_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f"}


@dataclass(slots=True)
class Entity:
    name: str
    start: int
    gender: str
    is_person: bool


class DocState:
    """Per-document state: the quotations and the explicit mentions seen so far (sources for antecedents).

    English title mentions (``Mr. Ryan``) are found only when an antecedent is first needed; the entity list is then
    rebuilt in the order the unit-by-unit walk would have made: for each visited unit, the mentions before its start,
    then its speaker."""

    __slots__ = ("_ents", "_log", "_mentions", "_mi", "_reach", "_starts", "finder", "spans", "text")

    def __init__(self, text: str, finder: ModuleType, spans: list[tuple[int, int, bool]]) -> None:
        self.text = text
        self.finder = finder
        self.spans = spans
        self._starts = [s for s, _, _ in spans]
        self._ents: list[Entity] = []
        self._mentions: list[re.Match[str]] | None = None if finder is attribution_en else []
        self._log: list[tuple[int, Entity]] = []
        self._mi = 0
        self._reach = -1

    def quoted(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self.spans[i][0] < pos < self.spans[i][1]

    def reach(self, us: int) -> None:
        """The walk reaches a unit starting at ``us``: mentions before it become candidates."""
        if us > self._reach:
            self._reach = us
        if self._mentions:
            self._take_mentions(self._reach)

    def add(self, ent: Entity) -> None:
        self._ents.append(ent)
        if self._mentions is None:
            self._log.append((self._reach, ent))

    def entities(self) -> list[Entity]:
        if self._mentions is None:
            self._mentions = list(_EN_MENTION_RE.finditer(self.text))
            log, self._ents = self._log, []
            for reach, ent in log:
                self._take_mentions(reach)
                self._ents.append(ent)
            self._take_mentions(self._reach)
        return self._ents

    def _take_mentions(self, before: int) -> None:
        mentions = self._mentions
        assert mentions is not None
        mi = self._mi
        while mi < len(mentions) and mentions[mi].start() < before:
            m = mentions[mi]
            self._ents.append(Entity(m.group(2), m.start(2), _TITLE_GENDER.get(m.group(1).lower(), "?"), True))
            mi += 1
        self._mi = mi


def resolve(text: str, entities: list[Entity], loc: Local, us: int) -> tuple[int, int] | None:
    """The nearest preceding explicit mention of the latest compatible source."""
    if not entities:
        return None
    g = loc.gender

    def fits(ent: Entity) -> bool:
        if g in ("m", "f"):
            return ent.gender in (g, "?") and (ent.is_person or g == "f")
        if g == "o":
            return not ent.is_person
        if g == "p":
            return ent.gender in ("p", "?") or not ent.is_person
        return True

    ent = next((e for e in reversed(entities) if e.start < us and fits(e)), None)
    if ent is None:
        ent = next((e for e in reversed(entities) if e.start < us), None)
    if ent is None:
        return None
    if g in ("m", "f") and ent.gender == "?" and ent.is_person:
        ent.gender = g  # "she said" about Megan Alvarez: a later "he" is someone else
    full = _rfind_word(text, ent.name, ent.start, us)
    best = (full, full + len(ent.name)) if full >= 0 else (ent.start, ent.start + len(ent.name))
    parts = ent.name.split()
    if ent.is_person and len(parts) > 1 and _DESCRIPTIVE.isdisjoint(parts):  # a name: its surname may stand alone
        last = _rfind_word(text, parts[-1], ent.start, us)
        if last >= best[1]:
            best = (last, last + len(parts[-1]))
    return best


def _rfind_word(text: str, word: str, lo: int, hi: int) -> int:
    pos = text.rfind(word, lo, hi)
    while pos >= 0:
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + len(word)] if pos + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return pos
        pos = text.rfind(word, lo, pos)
    return -1
