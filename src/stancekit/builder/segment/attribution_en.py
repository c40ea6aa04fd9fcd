"""English attribution inside one unit: the reporting cue, its speaker phrase and the speaker's name (rules 6-11).

English puts the speaker before the cue (``Austin said that``, ``..., he said``) or after it (``..., said Austin``,
``according to the ministry``); participles (``, saying``) take the main clause's subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stancekit.builder.segment.claim_cues import EN_CUE_KEY_SET as CUE_KEY_SET
from stancekit.builder.segment.claim_cues import EN_CUE_KEYS as CUE_KEYS
from stancekit.builder.segment.claim_cues import EN_CUE_RE as CUE_RE
from stancekit.builder.segment.claim_lexicon import (
    EN_AS_VERBS,
    EN_AUX_BEFORE_CUE,
    EN_CLAIM_NOUNS,
    EN_CONTENT_VERBS,
    EN_DEMONYMS,
    EN_DESCRIPTOR_NOUNS,
    EN_FIRST_PERSON_RE,
    EN_HEADLINE_LABELS,
    EN_OF_VERBS,
    EN_ORG_HEADS,
    EN_PASSIVE_BEFORE,
    EN_REJECT_VERBS,
    EN_REJECTED_OBJECTS,
    EN_TITLES,
)
from stancekit.builder.segment.claim_types import Local, tokens
from stancekit.builder.segment.speaker_en import np_after, np_before, speaker_span, walk_back

__all__ = ["CUE_KEYS", "CUE_KEY_SET", "CUE_RE", "analyse", "first_person", "headline"]

_AS_SAYING = re.compile(r"\bas (?:saying|telling)\b")
_CONTENT_RE = re.compile(r"\bthat\b|[:“”\"«]")
_HEADLINE_RE = re.compile(r"^([^:\n“”\"«»]{2,40}?)\s*:\s*\S")
_CITING = re.compile(r"(?:\s+on\s+\w+day)?,?\s+(?:citing|quoting)\s+")
_DENY = {"denied", "denies", "deny"}
_REFUSED_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:motions?|requests?|bail|appeals?|applications?|petitions?|"
                         r"permission|access|entry|visas?|parole|asylum|licen[cs]es?|permits?|extradition)\b")
_OF_RE = re.compile(r"\bof\b")
_AS_RE = re.compile(r"\s(?<!such )as\s")
_REJECTED_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(EN_REJECTED_OBJECTS) + r")s?\b")
_BY_OR_NO_CONTENT = frozenset("brc")  # first letters of " by", " responsibility", " credit"
_NO_CONTENT = re.compile(r"\s+(?:responsibility|credit)\b")  # claimed responsibility: a speech act, no content
_VERBISH = re.compile(r"^(?:[a-z]+ed|is|was|were|are|has|had|have|will|would|could|can|may|might|must|should|did|does"
                      r"|do|met|said|says|told|urged|vowed|called|asked|made|took|gave|sought|won|lost|left|began)$")


def _prev_word(text: str, us: int, pos: int) -> str:
    k = pos - 1
    while k >= us and text[k] == " ":
        k -= 1
    j = k
    while j >= us and not text[j].isspace():
        j -= 1
    return text[j + 1:k + 1].lower()


def _valid(text: str, m: re.Match[str], us: int, ue: int) -> bool:
    kind = m.lastgroup
    if kind == "acc":
        return True
    prev = _prev_word(text, us, m.start())
    if prev in EN_PASSIVE_BEFORE or prev.endswith(("n't",)):
        return False
    if kind == "part":
        return text[us:m.start()].rstrip().endswith((",", "—"))
    if kind != "verb":
        return True
    word, end = m.group(), m.end()
    if text[end + 1:end + 2] in _BY_OR_NO_CONTENT and (
            text.startswith(" by ", end) or _NO_CONTENT.match(text, end, ue)):
        return False  # "an attack claimed by the group": a passive participle, not the unit's attribution
    if word in EN_OF_VERBS:
        return _OF_RE.search(text, end, min(ue, end + 60)) is not None
    if word in EN_AS_VERBS:  # and a subject of its own: not ", now described as advisers"
        lead = text[max(us, text.rfind(",", us, m.start()) + 1):m.start()].split()
        return _AS_RE.search(text, end, min(ue, end + 80)) is not None and any(
            w.lower() not in EN_AUX_BEFORE_CUE and w.lower() != "now" and not w.endswith("ly") for w in lead)
    if word in EN_REJECT_VERBS:
        return _REJECTED_RE.match(text, end, ue) is not None
    if word in _DENY and _REFUSED_RE.match(text, end, ue) is not None:
        return False  # "the judge denied a defense motion": a refusal, not a denial of a claim
    if _appositive_claim(text, us, m.start()):
        return False
    if prev in _RELATIVE_PRONOUNS and text.find(",", end, ue) >= 0:
        return False  # "Sen. X, D-N.M., who wrote the bill, said": a relative clause inside the subject
    if word in EN_CONTENT_VERBS:
        if _CONTENT_RE.search(text, end, min(ue, end + 80)) is not None:
            return True
        if word in _OBJECT_VERBS and not any(c in ",\"”" for c in text[us:m.start()]):
            return False  # "Residents complained about the noise" / "The agency estimated the damage at $3m"
        return _postposed(text, m, ue)
    return True


_RELATIVE_PRONOUNS = {"who", "which"}
# content verbs that also take a plain object: a claim only with content after them or as a postposed attribution
_OBJECT_VERBS = {"complained", "estimated"}


def _appositive_claim(text: str, us: int, pos: int) -> bool:
    """``..., a charge Tehran denies``: the cue's clause is an appositive naming a claim."""
    comma = text.rfind(",", max(us, pos - 60), pos)
    if comma < 0:
        return False
    words = text[comma + 1:pos].split()
    return 2 <= len(words) <= 6 and words[0].lower() in ("a", "an", "the") and words[1].lower() in EN_CLAIM_NOUNS


def _postposed(text: str, m: re.Match[str], ue: int) -> bool:
    """The cue closes its clause: few words follow it, or a comma soon does (``, data showed on Thursday, and``)."""
    if _CONTENT_RE.search(text, m.end(), ue) is None and text.count(" ", m.end(), ue) <= 8:
        return True
    comma = text.find(",", m.end(), min(ue, m.end() + 30))
    return comma > 0 and _CONTENT_RE.search(text, m.end(), comma) is None and text[:m.start()].rstrip()[-1:] != ","



def analyse(text: str, us: int, ue: int, matches: list[re.Match[str]], quoted: Callable[[int], bool]) -> Local | None:
    cands = [m for m in matches if not quoted(m.start()) and _valid(text, m, us, ue)]
    if not cands:
        return None
    verbs = [m for m in cands if m.lastgroup in ("verb", "pointed", "quoted")]
    last: re.Match[str] | None = None
    np_last: list[tuple[int, int]] = []
    if verbs:
        m = verbs[0]
        if verbs[-1] is not m and _postposed(text, verbs[-1], ue):
            last = verbs[-1]
            np0 = np_before(text, us, last.start())
            lead = text[us:np0[0][0] if np0 else last.start()].rstrip()
            if lead[-1:] in ",”\"":
                m = last
                np_last = np0
    else:
        acc = [m for m in cands if m.lastgroup == "acc"]
        m = acc[0] if acc else cands[0]
    kind = m.lastgroup
    cs, ce = m.span()
    if kind == "quoted":
        sm = _AS_SAYING.search(text, ce, min(ue, ce + 120))
        if sm is None:
            return None
        np = np_after(text, ce, sm.start())
        span, gender, person = speaker_span(text, np)
        return Local(sm.end() - 6, sm.end(), span, gender, True, sm.end(), person)
    if kind == "acc":
        np = np_after(text, ce, ue)
        span, gender, person = speaker_span(text, np)
        pre = bool(text[us:cs].strip(" ,\"“”")) is False
        return Local(cs, ce, span, gender, pre, ce if not np else np[-1][1], person)
    if kind == "part":
        np = walk_back(text, _subject_tokens(text, us, cs))
        span, gender, person = speaker_span(text, np)
        return Local(cs, ce, span, gender, True, ce, person)
    np = np_last if m is last else np_before(text, us, cs)
    inverted = not np
    if inverted:
        np = np_after(text, ce, ue)
    cite = _CITING.match(text, np[-1][1] if inverted and np else ce, ue) if "citing" in text[ce:ce + 60] or (
        "quoting" in text[ce:ce + 60]) else None
    if cite is not None and (relay := np_after(text, cite.end(), ue)):
        np, inverted = relay, True  # "the agency reported, citing officials, that": the speaker is relayed (rule 9)
    span, gender, person = speaker_span(text, np)
    if not np:
        return None
    before = text[us:np[0][0] if not inverted else cs].strip(" ,")
    preposed = not before or before[-1] not in ",”\"" + "»'’"
    q = max(text.rfind("\"", us, cs), text.rfind("”", us, cs), text.rfind("»", us, cs))
    if preposed and q > us and (text[q - 1] in ",.!?" or text[q + 1:q + 2] == ",") and not _CONTENT_RE.search(
            text, q + 1, cs):
        preposed = False  # "...," the canal's administrator, Ricaurte Vasquez, told reporters
    attr_end = max(ce, np[-1][1])
    k = attr_end
    while k < ue and text[k] in " ,":
        k += 1
    colon = text[k:k + 1] == ":"
    if colon:
        attr_end = k + 1
    elif not text[attr_end:ue].strip(" .!?\"”’'") and len(text[us:min(cs, np[0][0])].split()) <= 1:
        return None  # "What businesses say": a cue with no content on either side
    return Local(cs, ce, span, gender, preposed, attr_end, person, colon, min(cs, np[0][0]))


def _subject_tokens(text: str, us: int, pos: int) -> list[tuple[int, int]]:
    """The main clause's subject for a participle cue: the words before the first verb of the unit."""
    toks = tokens(text, us, pos)
    for k, (s, e) in enumerate(toks):
        if k and _VERBISH.match(text[s:e].strip(",")):
            return toks[:k]
        if k and text[e - 1] == ",":
            return toks[:k + 1]
    return []


def headline(text: str, us: int, ue: int) -> Local | None:
    m = _HEADLINE_RE.match(text[us:min(ue, us + 60)])
    if m is None:
        return None
    toks = tokens(text, us, us + m.end(1))
    if not toks or len(toks) > 4 or not _source_like(text[us:us + m.end(1)]):
        return None
    colon = text.index(":", us + m.end(1))
    span, gender, person = speaker_span(text, toks)
    if span is None:
        return None
    return Local(colon, colon + 1, span, gender, True, colon + 1, person, True)


def _source_like(phrase: str) -> bool:
    """``X`` of a headline ``X: ...`` can be a source: no label word (live updates, analysis), and its head is a name,
    a person or an organisation (UAE official, Iraq, Pentagon), not a topic (Budget showdown, Storm Eleanor live)."""
    words = [w.strip("'’\"“”") for w in phrase.split()]
    lows = [w.lower() for w in words]
    if not words or any(w in EN_HEADLINE_LABELS for w in lows) or phrase.strip().lower() in EN_HEADLINE_LABELS:
        return False
    head = lows[-1].removesuffix("'s").removesuffix("’s")
    return words[-1][:1].isupper() or head in EN_DESCRIPTOR_NOUNS or head in EN_TITLES or (
        head in EN_ORG_HEADS or head in EN_DEMONYMS)


def first_person(text: str, s: int, e: int) -> bool:
    return EN_FIRST_PERSON_RE.search(text, s, e) is not None
