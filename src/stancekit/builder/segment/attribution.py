"""Claim units: which units report an assertion attributed to a source, who the source is, the cue, the quote type.

Rules 6-12 of ``docs/claim-units.md``. One pass over the document finds every reporting cue (a frozenset look-up of
its whitespace tokens, then one trie-compiled regex where a cue word occurs) and, when there is one, every quotation;
only units with a cue (and titles with a colon) are visited. For each:

- the language finder (``attribution_ar`` / ``attribution_en``, speaker phrases in ``speaker_ar`` / ``speaker_en``,
  cue regexes in ``claim_cues``) picks the outermost cue and its speaker phrase;
- a dropped Arabic subject or an English pronoun is resolved to the nearest preceding explicit mention of the latest
  source of matching gender/kind (offsets point there, outside the unit; ``claim_sources``);
- quote type: direct when everything reported is inside quote marks (or first-person speech after a colon);
- quote continuations: a unit inside (or right after, in the same paragraph) an attributed quotation takes that
  quotation's speaker and cue (``claim_quotes``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import islice
from operator import itemgetter, le
from types import ModuleType

from stancekit.builder.segment import attribution_ar, attribution_en
from stancekit.builder.segment.claim_quotes import continuations, quote_spans, quote_type
from stancekit.builder.segment.claim_sources import DocState, Entity, resolve
from stancekit.builder.segment.claim_types import Attribution, Local
from stancekit.builder.segment.protocol import UnitTuple

__all__ = ["Attribution", "attribute"]

_FINDERS: dict[str, ModuleType] = {"ar": attribution_ar, "en": attribution_en}
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_START = itemgetter(0)  # units are (start, end, kind, boilerplate_kind): UnitSpans or plain tuples
_END = itemgetter(1)
_KIND = itemgetter(2)


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


_QUESTION = re.compile(
    r"(?:what|why|how|who|whom|whose|when|where|which|do|does|did|is|are|was|were|will|would|can|could|should|has|have"
    r"|ماذا|لماذا|ما|كيف|من|متى|أين|هل|أي|كم)\b", re.IGNORECASE)


def _question(text: str, us: int, ue: int) -> bool:
    """A question ("What do airlines say?", «ماذا يقول الملاك؟»): it asks, it reports no assertion (rule 6)."""
    unit = text[us:ue].strip().strip("\"'“”«»‘’")
    return unit.endswith(("?", "؟")) and _QUESTION.match(unit.lstrip("وف")) is not None


def attribute(text: str, units: Sequence[UnitTuple], lang: str) -> list[Attribution | None]:
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
    if not cues and ":" not in text:
        return out  # no cue, and no title can attribute by a colon: no claim unit (most documents without a cue)
    kinds = list(map(_KIND, units))
    heads = _headline_candidates(text, units, kinds)
    if not cues and not heads:
        return out  # no cue and no possible headline attribution: no claim unit
    groups, todo = _cue_groups(units, cues, heads)
    doc = DocState(text, finder, quote_spans(text))
    for idx in todo:
        us, ue = units[idx][0], units[idx][1]
        doc.reach(us)
        if kinds[idx] == "boilerplate":
            continue
        loc: Local | None = None
        matches = groups.get(idx)
        if matches:
            loc = finder.analyse(text, us, ue, matches, doc.quoted)
        if kinds[idx] == "title" and (loc is None or not loc.claim or text.find(":", us, loc.cue_start) >= 0):
            head = finder.headline(text, us, ue)  # "X: ..." before the first cue: the colon attributes the title
            if head is not None and (loc is None or head.cue_start < loc.cue_start):
                loc = head
        if loc is None:
            continue
        if loc.speaker is not None:
            ss, se = loc.speaker
            if se > ss:
                doc.add(Entity(text[ss:se], ss, loc.gender, loc.is_person))
            speaker: tuple[int, int] | None = (ss, se) if se > ss else None
        else:
            speaker = resolve(text, doc.entities(), loc, us)
        if not loc.claim or _question(text, us, ue):
            continue
        qtype = quote_type(text, doc.spans, loc, us, ue, speaker, finder)
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
    continuations(text, units, kinds, out, doc.spans)
    return out


def _headline_candidates(text: str, units: Sequence[UnitTuple], kinds: list[str]) -> list[int]:
    """Titles with a colon near their start: the only units where ``headline()`` can find ``X: ...``."""
    out: list[int] = []
    k = -1
    for _ in range(kinds.count("title")):
        k = kinds.index("title", k + 1)
        us, ue = units[k][0], units[k][1]
        if text.find(":", us, min(ue, us + 60)) >= 0:
            out.append(k)
    return out


def _cue_groups(units: Sequence[UnitTuple], cues: list[re.Match[str]],
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
