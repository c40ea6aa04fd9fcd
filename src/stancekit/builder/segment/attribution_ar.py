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
    AR_DOC_NOUNS,
    AR_FIRST_PERSON_RE,
    AR_HEADLINE_LABELS,
    AR_ORG_HEADS,
    AR_PRE_STOP,
    AR_RULE_NOUNS,
    ar_gender,
)
from stancekit.builder.segment.claim_types import QUOTE_CHARS, Local, tokens
from stancekit.builder.segment.speaker_ar import np_after, np_before, speaker_span, stripped

__all__ = ["CUE_KEYS", "CUE_KEY_SET", "CUE_RE", "analyse", "first_person", "headline"]

_HEADLINE_RE = re.compile(r"^([«“\"]?[^:\n“”\"«»]{2,40}?[»”\"]?)\s*:\s*\S")
_THAT_RE = re.compile(r"(?<!\w)[وف]?[بل]?[أإا]ن(?:ّ|ه|ها|هم)?(?!\w)|:")
_MODAL_BEFORE = re.compile(r"(?<!\w)(?:أن|ان|لن|لم|كي|لكي)\s+$")
_SUFFIX_GENDER = (("هما", "p"), ("هم", "p"), ("ها", "f"), ("ه", "m"))
_SPEECH_NOUN_RE = re.compile(r"(?<!\w)(?:قوله|قولها|قولهم|قولهما)(?!\w)")
_AN_RE = re.compile(r"(?<!\w)عن(?!\w)")
_NOT_VERBS = {"في", "وفي", "من", "ومن", "على", "وعلى", "إلى", "وإلى", "مع", "ومع", "بعد", "وبعد", "قبل", "وقبل",
              "عن", "وعن", "منذ", "ومنذ", "خلال", "وخلال", "أمام", "وأمام", "لكن", "ولكن", "إلا", "غير", "كما"}
_KANA = {"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"}
_ORDER = {"relay": 0, "free": 1, "content": 1, "expr": 1, "came": 1, "marker": 2, "noun": 3, "part": 4, "nonclaim": 5}


def _valid(text: str, m: re.Match[str], end: int) -> bool:
    kind = m.lastgroup
    if kind in ("free", "content") and text[m.start(kind)] in "يت" and _MODAL_BEFORE.search(
            text, max(0, m.start() - 8), m.start()):
        return False  # ومن المتوقع أن تعلن / لم يعلن: a verb under أن, لن, لم reports nothing yet
    if kind in ("content", "relay", "came"):
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
        if np and _rule_noun(stripped(text, *np[0]), text[ce - 1] == "ل" or text[ce:ce + 1] == "ل"):
            return None  # وفقاً للدستور: a rule, not a source
        return _local(text, cs, ce, np, "?", ue, preposed=cs - us < 30)
    if kind == "noun":
        return None
    if kind == "came":
        doc_toks = tokens(text, ce, min(ue, ce + 40))
        w = stripped(text, *doc_toks[0]) if doc_toks else ""
        for suffix, g in _SUFFIX_GENDER:
            base = w[:-len(suffix)]
            if w.endswith(suffix) and (base in AR_DOC_NOUNS or (base[-1:] == "ت" and base[:-1] + "ة" in AR_DOC_NOUNS)):
                # جاء في قرارها: the document's author is a dropped subject, in this unit or before it
                return _local(text, cs, ce, _main_subject(text, us, cs, matches, g), g, ue)
        return _local(text, cs, ce, np_after(text, ce, ue), "?", ue)
    if kind == "part":
        # the participle's subject is the main clause's
        return _local(text, cs, ce, _main_subject(text, us, cs, matches, ar_gender(form)), ar_gender(form), ue)
    np = np_before(text, us, cs)
    if not np:
        np = np_after(text, ce, ue)
    relay = _relayed(text, matches, ce, ue) if len(matches) > 1 else []
    if relay:
        np = relay  # أفادت صحيفة X، نقلاً عن مصادر مطلعة، بأن: the speaker is the relayed source (rule 9)
    if not np and cs > m.start() and cs - us > 8:
        # a dropped subject coordinated with the unit's main verb (رحبت المفوضية بالقرار، وقالت ...): its subject
        np = _main_subject(text, us, cs, matches, ar_gender(form))
    head = text[us:cs].rstrip(" ،,")
    post = bool(head) and head[-1] in QUOTE_CHARS and text[us] in QUOTE_CHARS
    loc = _local(text, cs, ce, np, ar_gender(form), ue, preposed=not post)
    if post:
        loc.attr_start = cs
    return loc


def _relayed(text: str, matches: list[re.Match[str]], ce: int, ue: int) -> list[tuple[int, int]]:
    """The source after ``نقلاً عن`` standing between a reporting verb and its content, or []."""
    for c in matches:
        if c.start() > ce and c.lastgroup == "marker" and text[c.start("marker")] == "ن":
            content = _THAT_RE.search(text, ce, ue)
            if content is None or c.start() < content.start():
                return np_after(text, c.end(), ue)
    return []


def _rule_noun(word: str, lam: bool) -> bool:
    """``word`` after a marker names a rule (الدستور، قانون ...); with ل the article's ا may be gone (للدستور)."""
    if word in AR_RULE_NOUNS:
        return True
    return lam and word.startswith("ل") and ("ا" + word) in AR_RULE_NOUNS


def _main_subject(text: str, us: int, cs: int, matches: list[re.Match[str]], gender: str) -> list[tuple[int, int]]:
    """The subject of the unit's main verb, before position ``cs``: after an earlier verb match (أعرب X عن ...،
    مشيراً), else after the unit's first word when it is a verb, skipping an opening adverbial (من جهته، ...)."""
    for m in matches:
        if m.start() >= cs:
            break
        if m.lastgroup in ("free", "content", "nonclaim", "expr"):
            vs, ve = _cue_span(m)
            if _agrees(text[vs:ve], gender):
                np = np_before(text, us, m.start()) or np_after(text, ve, cs, extend=False)
                if np:
                    return np
    toks = tokens(text, us, min(cs, us + 80))
    k = 0
    if toks and stripped(text, *toks[0]) not in _KANA and (
            stripped(text, *toks[0]) in _NOT_VERBS or stripped(text, *toks[0]) in AR_PRE_STOP):
        k = -1
        for j, (_s, e) in enumerate(toks[:5]):
            if text[e - 1] in "،,":
                k = j + 1  # من جهته، / وفي سياق متصل، / في المقابل،
                break
    if k < 0 or k >= len(toks) or toks[k][1] >= cs:
        return []
    fw = stripped(text, *toks[k])
    if fw in _KANA:
        pass  # وكانت المحكمة الاتحادية قد صادقت: the subject follows كان
    elif len(fw) < 3 or fw in AR_PRE_STOP or fw in _NOT_VERBS or not _agrees(fw, gender) or (
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
