"""Claim units: which units report an assertion attributed to a source, who the source is, the cue, the quote type.

Rules 6-12 of ``docs/claim-units.md``. One pass over the document finds every reporting cue (one trie-compiled
regex) and every quotation; units without a cue outside quotes cost nothing more. Then, unit by unit:

- the language finder (``attribution_ar`` / ``attribution_en``) picks the outermost cue and its speaker phrase;
- a dropped Arabic subject or an English pronoun is resolved to the nearest preceding explicit mention of the latest
  source of matching gender/kind (offsets point there, outside the unit);
- quote type: direct when everything reported is inside quote marks (or first-person speech after a colon);
- quote continuations: a unit inside (or right after, in the same paragraph) an attributed quotation takes that
  quotation's speaker and cue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, islice, pairwise
from operator import attrgetter, le
from types import ModuleType

from stancekit.builder.segment import attribution_ar, attribution_en
from stancekit.builder.segment.claim_types import QUOTE_CHARS, Attribution, Local
from stancekit.builder.segment.protocol import UnitSpan

__all__ = ["Attribution", "attribute"]

_FINDERS: dict[str, ModuleType] = {"ar": attribution_ar, "en": attribution_en}
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_QUOTE_RE = re.compile(r"[“”\"«»„]")
_EN_MENTION_RE = re.compile(  # the look-ahead lets the regex engine skip to the titles' first letters
    r"(?=[MDSGPC])\b(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Gen\.|President|Senator|Sen\.|Gov\.|Governor|Mayor|Chancellor)\.? "
    r"((?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+)"
)
_TITLE_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f"}
_START = attrgetter("start")
_END = attrgetter("end")
_KIND = attrgetter("kind")
_PUNCT_ONLY = re.compile(r"[\s.,،:؛;!?؟…\-–—()\[\]'’‘]*")


@dataclass(slots=True)
class _Entity:
    name: str
    start: int
    gender: str
    is_person: bool


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Quotations as (open, close+1, closed) spans; a line break closes any open quotation (closed=False)."""
    spans: list[tuple[int, int, bool]] = []
    opened = -1
    for m in _QUOTE_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if opened >= 0:
            nl = text.find("\n", opened, pos)
            if nl >= 0:
                spans.append((opened, nl, False))
                opened = -1
        if opened < 0:
            if ch != "»":
                opened = pos
        elif ch != "«":
            spans.append((opened, pos + 1, True))
            opened = -1
    if opened >= 0:
        nl = text.find("\n", opened)
        spans.append((opened, nl if nl >= 0 else len(text), False))
    return spans


def find_cues(text: str, finder: ModuleType) -> list[re.Match[str]]:
    """Every cue match of ``finder.CUE_RE`` in ``text``, in order. Equivalent to ``CUE_RE.finditer`` but faster: the
    whitespace tokens are looked up in the finder's ``CUE_KEYS`` first (one C-level pass), and the regex only runs
    where one of the few cue words found occurs."""
    keys: dict[str, str] = finder.CUE_KEYS
    found = {keys[w] for w in finder.CUE_KEY_SET.intersection(text.split())}  # a frozenset: 2x faster than keys()
    if not found:
        return []
    cue_re: re.Pattern[str] = finder.CUE_RE
    starts: set[int] = set()
    for word in found:
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if not (text[end:end + 1].isalpha()):
                before = text[pos - 1:pos]
                if not before.isalpha():
                    starts.add(pos)
                elif before in "وف" and not text[pos - 2:pos - 1].isalpha():
                    starts.add(pos - 1)
            pos = text.find(word, end)
    out: list[re.Match[str]] = []
    last_end = -1
    for pos in sorted(starts):
        if pos < last_end:
            continue
        m = cue_re.match(text, pos)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def attribute(text: str, units: Sequence[UnitSpan], lang: str) -> list[Attribution | None]:
    """One entry per unit: its ``Attribution`` when it is a claim unit, else None. Offsets index ``text``."""
    out: list[Attribution | None] = [None] * len(units)
    if not units:
        return out
    finder = _FINDERS.get(lang)  # the usual codes as they are; others normalised below
    if finder is None:
        code = (lang or "und")[:3].lower()
        if code in ("und", ""):
            code = "ar" if _ARABIC.search(text, 0, 4000) else "en"
        finder = _FINDERS.get(code[:2])
        if finder is None:
            return out
    cues = find_cues(text, finder)
    kinds = list(map(_KIND, units))
    heads = _headline_candidates(text, units, kinds)
    if not cues and not heads:
        return out  # no cue and no possible headline attribution: no claim unit
    groups, todo = _cue_groups(units, cues, heads)
    doc = _Doc(text, finder, quote_spans(text))
    for idx in todo:
        us, ue = units[idx].start, units[idx].end
        doc.reach(us)
        if kinds[idx] == "boilerplate":
            continue
        loc: Local | None = None
        matches = groups.get(idx)
        if matches:
            loc = finder.analyse(text, us, ue, matches, doc.quoted)
        if loc is None and kinds[idx] == "title":
            loc = finder.headline(text, us, ue)
        if loc is None:
            continue
        if loc.speaker is not None:
            ss, se = loc.speaker
            if se > ss:
                doc.add(_Entity(text[ss:se], ss, loc.gender, loc.is_person))
            speaker: tuple[int, int] | None = (ss, se) if se > ss else None
        else:
            speaker = _resolve(text, doc.entities(), loc, us)
        if not loc.claim:
            continue
        qtype = _quote_type(text, doc.spans, loc, us, ue, speaker, finder)
        out[idx] = Attribution(
            True,
            text[speaker[0]:speaker[1]] if speaker else None,
            speaker[0] if speaker else None,
            speaker[1] if speaker else None,
            text[loc.cue_start:loc.cue_end],
            loc.cue_start,
            loc.cue_end,
            qtype,
        )
    _continuations(text, units, kinds, out, doc.spans)
    return out


def _headline_candidates(text: str, units: Sequence[UnitSpan], kinds: list[str]) -> list[int]:
    """Titles with a colon near their start: the only units where ``headline()`` can find ``X: ...``."""
    out: list[int] = []
    k = -1
    for _ in range(kinds.count("title")):
        k = kinds.index("title", k + 1)
        us, ue = units[k].start, units[k].end
        if text.find(":", us, min(ue, us + 60)) >= 0:
            out.append(k)
    return out


def _cue_groups(units: Sequence[UnitSpan], cues: list[re.Match[str]],
                heads: list[int]) -> tuple[dict[int, list[re.Match[str]]], Iterable[int]]:
    """The cue matches starting inside each unit, and the indices of the units to look at (with a cue, or possible
    headline attributions).

    Units in order without overlap (the segmenter's contract): each cue is placed by bisection and only those units
    are visited. Otherwise every unit is visited with the cues from its start up to its end, as a running pointer
    finds them."""
    starts = list(map(_START, units))
    ends = list(map(_END, units))
    groups: dict[int, list[re.Match[str]]] = {}
    if all(map(le, starts, ends)) and all(map(le, ends, islice(starts, 1, None))):
        for m in cues:
            p = m.start()
            k = bisect_right(starts, p) - 1
            if k >= 0 and p < ends[k]:
                if k in groups:
                    groups[k].append(m)
                else:
                    groups[k] = [m]
        return groups, sorted(groups.keys() | heads) if heads else list(groups)
    ci = 0
    for idx, (us, ue) in enumerate(zip(starts, ends, strict=True)):
        while ci < len(cues) and cues[ci].start() < us:
            ci += 1
        cj = ci
        while cj < len(cues) and cues[cj].start() < ue:
            cj += 1
        if cj > ci:
            groups[idx] = cues[ci:cj]
    return groups, range(len(units))


class _Doc:
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
        self._ents: list[_Entity] = []
        self._mentions: list[re.Match[str]] | None = None if finder is attribution_en else []
        self._log: list[tuple[int, _Entity]] = []
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

    def add(self, ent: _Entity) -> None:
        self._ents.append(ent)
        if self._mentions is None:
            self._log.append((self._reach, ent))

    def entities(self) -> list[_Entity]:
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
            self._ents.append(_Entity(m.group(2), m.start(2), _TITLE_GENDER.get(m.group(1).lower(), "?"), True))
            mi += 1
        self._mi = mi


def _resolve(text: str, entities: list[_Entity], loc: Local, us: int) -> tuple[int, int] | None:
    """The nearest preceding explicit mention of the latest compatible source."""
    if not entities:
        return None
    g = loc.gender

    def fits(ent: _Entity) -> bool:
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
    full = _rfind_word(text, ent.name, ent.start, us)
    best = (full, full + len(ent.name)) if full >= 0 else (ent.start, ent.start + len(ent.name))
    parts = ent.name.split()
    if ent.is_person and len(parts) > 1:
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


def _quote_type(text: str, spans: list[tuple[int, int, bool]], loc: Local, us: int, ue: int,
                speaker: tuple[int, int] | None, finder: ModuleType) -> str:
    """Rule 12: direct when all the reported content is inside quote marks (or first-person speech after a colon)."""
    if loc.preposed:
        lo, hi = loc.attr_end, ue
    else:
        lo, hi = us, loc.attr_start
    inner = [(s, e) for s, e, _ in _spans_in(spans, lo, hi)
             if not (speaker and s <= speaker[0] and e >= speaker[1] and e - s <= speaker[1] - speaker[0] + 2)]
    if loc.preposed:
        # the content starts at the first quotation introduced by a colon (names in quotes before it are skipped)
        for k, (s, _e) in enumerate(inner):
            before = text[lo:s].rstrip()
            if before.endswith(":"):
                if not _has_marker(before):
                    lo, inner = s, inner[k:]
                break
    if not inner:
        colon = text.find(":", lo, min(hi, lo + 80))
        if (loc.colon_intro or (colon >= 0 and not _has_marker(text[lo:colon]))) and finder.first_person(
                text, colon + 1 if colon >= 0 else lo, hi):
            return "direct"
        return "indirect"
    s0 = max(lo, inner[0][0])
    pre = text[lo:s0].strip()
    if pre and not (pre[-1] in ":،," and len(pre.split()) <= 6 and not _has_marker(pre)) and not (
            finder is not _FINDERS["en"] and len(pre.split()) <= 2 and not _has_marker(pre)):
        return "indirect"
    for (_, e1), (s2, _) in pairwise(inner):
        mid = text[e1:s2]
        if len(mid.split()) > 5 or _has_marker(mid):
            return "indirect"
    post = text[min(inner[-1][1], hi):hi]
    comma = post.lstrip()[:1] in ",،" or text[inner[-1][1] - 2:inner[-1][1] - 1] in ",،"
    if _PUNCT_ONLY.fullmatch(post) is None and (loc.preposed or not comma or _has_marker(post)):
        return "indirect"
    if not loc.preposed:
        tail = text[loc.cue_end:ue]
        if _has_marker(tail) or finder.CUE_RE.search(tail):
            return "indirect"
    return "direct"


def _spans_in(spans: list[tuple[int, int, bool]], lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """The quote spans overlapping [lo, hi) (spans are sorted and disjoint)."""
    i = bisect_right(spans, (lo, -1, False)) - 1
    if i < 0 or spans[i][1] <= lo:
        i += 1
    out = []
    while i < len(spans) and spans[i][0] < hi:
        out.append(spans[i])
        i += 1
    return out


_MARKER_RE = re.compile(r"(?<!\w)(?:that|[وف]?[بل]?[أإ]ن(?:ّ|ه|ها|هم|نا)?)(?!\w)")


def _has_marker(s: str) -> bool:
    return _MARKER_RE.search(s) is not None


def _continuations(text: str, units: Sequence[UnitSpan], kinds: list[str], out: list[Attribution | None],
                   spans: list[tuple[int, int, bool]]) -> None:
    """Rule 8: units inside an attributed quotation take its speaker and cue."""
    if not spans:
        return
    starts = list(map(_START, units))
    for qs, qe, _closed in spans:
        first = bisect_right(starts, qs) - 1
        if first < 0:
            first = 0
        last = bisect_right(starts, qe - 1) - 1
        if last <= first:
            continue
        idxs = [k for k in range(first, last + 1) if kinds[k] != "boilerplate"]
        source = next((out[k] for k in idxs if out[k] is not None and not (qs < out[k].cue_start < qe)), None)  # type: ignore[union-attr]
        if source is None:
            continue
        for k in idxs:
            if out[k] is None:
                out[k] = _copy(source)
    # a quote-only unit right after an attributed direct quote in the same paragraph (it may be followed by another)
    for k in [j + 1 for j in compress(range(len(units) - 1), out)]:
        while out[k] is None and kinds[k] == "body" and text[starts[k]] in QUOTE_CHARS:
            prev = out[k - 1]
            if prev is None or prev.quote_type != "direct" or "\n" in text[units[k - 1].end:starts[k]]:
                break
            if not _outside_quotes_empty(text, spans, starts[k], units[k].end):
                break
            out[k] = _copy(prev)
            k += 1
            if k == len(units):
                break


def _outside_quotes_empty(text: str, spans: list[tuple[int, int, bool]], s: int, e: int) -> bool:
    pos = s
    for qs, qe, _ in _spans_in(spans, s, e):
        if _PUNCT_ONLY.fullmatch(text, pos, max(pos, qs)) is None:
            return False
        pos = max(pos, qe)
    return _PUNCT_ONLY.fullmatch(text, min(pos, e), e) is not None


def _copy(src: Attribution) -> Attribution:
    return Attribution(True, src.speaker, src.speaker_start, src.speaker_end, src.cue, src.cue_start, src.cue_end,
                       "direct")
