"""Arabic attribution inside one unit: the reporting cue, its speaker phrase and the speaker's name (rules 6-11).

Arabic news is mostly verb-first: ``(و)قال <speaker> (، <time>،) إن ...``; the speaker phrase runs from the verb to
the first adjunct or content marker. A dropped subject (``وأضاف أن``) leaves the speaker to the caller's antecedent
search, guided by the verb's gender.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stancekit.builder.segment.claim_cues import AR_CUE_KEY_SET as CUE_KEY_SET
from stancekit.builder.segment.claim_cues import AR_CUE_KEYS as CUE_KEYS
from stancekit.builder.segment.claim_cues import AR_CUE_RE as CUE_RE
from stancekit.builder.segment.claim_lexicon import (
    AR_CONTENT_RE,
    AR_FIRST_PERSON_RE,
    AR_HEADLINE_LABELS,
    AR_ORG_HEADS,
    AR_PRE_STOP,
    ar_gender,
)
from stancekit.builder.segment.claim_types import QUOTE_CHARS, Local, tokens
from stancekit.builder.segment.speaker_ar import np_after, np_before, speaker_span, stripped

__all__ = ["CUE_KEYS", "CUE_KEY_SET", "CUE_RE", "analyse", "first_person", "headline"]

_HEADLINE_RE = re.compile(r"^([^:\n“”\"«»]{2,40}?)\s*:\s*\S")
_SPEECH_NOUN_RE = re.compile(r"(?<!\w)(?:قوله|قولها|قولهم|قولهما)(?!\w)")
_AN_RE = re.compile(r"(?<!\w)عن(?!\w)")
_NOT_VERBS = {"في", "وفي", "من", "ومن", "على", "وعلى", "إلى", "وإلى", "مع", "ومع", "بعد", "وبعد", "قبل", "وقبل",
              "عن", "وعن", "منذ", "ومنذ", "خلال", "وخلال", "أمام", "وأمام", "لكن", "ولكن", "إلا", "غير", "كما"}
_ORDER = {"relay": 0, "free": 1, "content": 1, "expr": 1, "marker": 2, "noun": 3, "part": 4, "nonclaim": 5}


def _valid(text: str, m: re.Match[str], end: int) -> bool:
    kind = m.lastgroup
    if kind in ("content", "relay"):
        return AR_CONTENT_RE.search(text, m.end(), min(end, m.end() + 110)) is not None
    return True


def _cue_span(m: re.Match[str]) -> tuple[int, int]:
    s = m.start(m.lastgroup or 0)
    return s, m.end()


def analyse(text: str, us: int, ue: int, matches: list[re.Match[str]], quoted: Callable[[int], bool]) -> Local | None:
    """The attribution of unit ``text[us:ue]`` from the cue matches inside it, or None."""
    best: re.Match[str] | None = None
    rank = 9
    for c in matches:
        r = _ORDER[c.lastgroup or "part"]
        if r < rank and not quoted(c.start()) and _valid(text, c, ue):
            best, rank = c, r
    if best is None:
        return None
    m = best
    kind = m.lastgroup
    cs, ce = _cue_span(m)
    form = text[cs:ce]
    np: list[tuple[int, int]]
    if kind == "nonclaim":
        np = np_after(text, ce, ue, extend=False)
        loc = _local(text, cs, ce, np, ar_gender(form), ue)
        loc.claim = False
        return loc
    if kind == "relay":
        an = _AN_RE.search(text, ce, min(ue, ce + 120))
        if an is None:
            return None
        np = np_after(text, an.end(), ue)
        noun = _SPEECH_NOUN_RE.search(text, an.end(), min(ue, an.end() + 200))
        if noun is not None:
            cs, ce = noun.span()
        return _local(text, cs, ce, np, "?", ue)
    if kind == "marker":
        after = text[ce:ce + 4].lstrip()
        if after.startswith("ما ") or after == "ما":
            return None
        pos = ce
        if text[ce - 1] == "ل" and text[ce:ce + 1] == "ل":  # وفقا للوزارة: the article's ال is assimilated
            pos = ce + 1
        np = np_after(text, pos, ue)
        return _local(text, cs, ce, np, "?", ue, preposed=cs - us < 30)
    if kind == "noun":
        return None
    if kind == "part":
        # the participle's subject is the main clause's
        return _local(text, cs, ce, _main_subject(text, us, cs, matches, ar_gender(form)), ar_gender(form), ue)
    np = np_before(text, us, cs)
    if not np:
        np = np_after(text, ce, ue)
    if not np and cs > m.start() and cs - us > 8:
        # a dropped subject coordinated with the unit's main verb (رحبت المفوضية بالقرار، وقالت ...): its subject
        np = _main_subject(text, us, cs, matches, ar_gender(form))
    head = text[us:cs].rstrip(" ،,")
    post = bool(head) and head[-1] in QUOTE_CHARS and text[us] in QUOTE_CHARS
    loc = _local(text, cs, ce, np, ar_gender(form), ue, preposed=not post)
    if post:
        loc.attr_start = cs
    return loc


def _main_subject(text: str, us: int, cs: int, matches: list[re.Match[str]], gender: str) -> list[tuple[int, int]]:
    """The subject of the unit's main verb, before position ``cs``: after an earlier verb match (أعرب X عن ...،
    مشيراً), else after the unit's first word when it is a verb, skipping an opening adverbial (من جهته، ...)."""
    for m in matches:
        if m.start() >= cs:
            break
        if m.lastgroup in ("free", "content", "nonclaim", "expr"):
            vs, ve = _cue_span(m)
            if _agrees(text[vs:ve], gender):
                np = np_after(text, ve, cs, extend=False)
                if np:
                    return np
    toks = tokens(text, us, min(cs, us + 80))
    k = 0
    for j, (_s, e) in enumerate(toks[:5]):
        if text[e - 1] in "،,":
            k = j + 1  # من جهته، / وفي سياق متصل، / في المقابل،
            break
    if k >= len(toks) or toks[k][1] >= cs:
        return []
    fw = stripped(text, *toks[k])
    if len(fw) < 3 or fw in AR_PRE_STOP or fw in _NOT_VERBS or not _agrees(fw, gender) or (
            k == 0 and fw[0] not in "وف"):
        return []
    return np_after(text, toks[k][1], cs, extend=False)


def _agrees(verb: str, gender: str) -> bool:
    """A past verb form's agreement with a cue's gender (a feminine cue needs a verb ending in ت)."""
    g = ar_gender(verb)
    return gender == "?" or g == gender or (gender == "p" and g == "m")


def _local(text: str, cs: int, ce: int, np: list[tuple[int, int]], gender: str, ue: int,
           preposed: bool = True) -> Local:
    span = speaker_span(text, np)
    attr_end = max(ce, np[-1][1] if np else ce)
    colon = False
    k = attr_end
    while k < ue and (text[k].isspace() or text[k] in "”“\"«»،,"):
        k += 1
    if k < ue and text[k] == ":":
        colon = True
        attr_end = k + 1
    is_person = True
    if span is not None:
        w0 = text[np[0][0]:np[0][1]] if np else ""
        is_person = w0.strip("“”\"") not in AR_ORG_HEADS
    start = min(cs, np[0][0]) if np else cs
    return Local(cs, ce, span, gender, preposed, attr_end, is_person, colon, start)


def headline(text: str, us: int, ue: int) -> Local | None:
    """``X: ...`` in a title: X is the speaker, the colon the cue."""
    m = _HEADLINE_RE.match(text[us:min(ue, us + 60)])
    if m is None:
        return None
    toks = tokens(text, us, us + m.end(1))
    if not toks or len(toks) > 4 or stripped(text, *toks[0]) in AR_HEADLINE_LABELS:
        return None
    colon = text.index(":", us + m.end(1))
    span = speaker_span(text, toks)
    return Local(colon, colon + 1, span, "?", True, colon + 1, True, True)


def first_person(text: str, s: int, e: int) -> bool:
    return AR_FIRST_PERSON_RE.search(text, s, e) is not None
