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
    ar_gender,
)
from stancekit.builder.segment.claim_types import QUOTE_CHARS, Local, tokens
from stancekit.builder.segment.speaker_ar import np_after, np_before, speaker_span, stripped

__all__ = ["CUE_KEYS", "CUE_KEY_SET", "CUE_RE", "analyse", "first_person", "headline"]

_HEADLINE_RE = re.compile(r"^([^:\n“”\"«»]{2,40}?)\s*:\s*\S")
_SPEECH_NOUN_RE = re.compile(r"(?<!\w)(?:قوله|قولها|قولهم|قولهما)(?!\w)")
_AN_RE = re.compile(r"(?<!\w)عن(?!\w)")
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
        # the participle's subject is the main clause's: the phrase after the unit's first (verb) word
        first = tokens(text, us, min(ue, us + 60))
        np = []
        if first and first[0][1] < cs:
            fw = text[first[0][0]:first[0][1]]
            if fw[0] in "وف" and len(fw) > 3:
                np = np_after(text, first[0][1], cs, extend=False)
        return _local(text, cs, ce, np, ar_gender(form), ue)
    np = np_before(text, us, cs)
    if not np:
        np = np_after(text, ce, ue)
    head = text[us:cs].rstrip(" ،,")
    post = bool(head) and head[-1] in QUOTE_CHARS and text[us] in QUOTE_CHARS
    loc = _local(text, cs, ce, np, ar_gender(form), ue, preposed=not post)
    if post:
        loc.attr_start = cs
    return loc


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
